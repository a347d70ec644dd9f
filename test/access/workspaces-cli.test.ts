// `interdict workspaces` as an operator runs it: create one for an owner, list, add and remove members.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'interdict-workspaces-cli-'));
const env = { INTERDICT_DB: join(dir, 'interdict.db'), INTERDICT_AUTHOR: 'ops' };
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('interdict workspaces', () => {
  it('creates a workspace for its owner, lists it, adds and removes members', async () => {
    expect((await runCli(['users', 'add', 'alice', '--role', 'analyst', '--password-stdin'], env, 'a long enough password\n')).code).toBe(0);
    expect((await runCli(['users', 'add', 'bob', '--role', 'viewer', '--password-stdin'], env, 'a long enough password\n')).code).toBe(0);

    const add = await runCli(['workspaces', 'add', 'sanctions_case', '--owner', 'alice', '--title', 'Sanctions case'], env);
    expect(add.stderr).toBe('');
    expect(add.stdout).toBe('created ws_sanctions_case, owned by alice\n');
    expect((await runCli(['workspaces', 'add', 'sanctions_case', '--owner', 'alice'], env)).code).not.toBe(0);
    const noOwner = await runCli(['workspaces', 'add', 'other', '--owner', 'nobody'], env);
    expect(noOwner.code).toBe(2);
    expect(noOwner.stderr).toContain('no user "nobody"');

    const added = await runCli(['workspaces', 'members', 'ws_sanctions_case', '--add', 'bob'], env);
    expect(added.stdout).toBe('ws_sanctions_case\tSanctions case\t2 member(s)\n  alice\tanalyst\towner\n  bob\tviewer\n');
    const tooHigh = await runCli(['workspaces', 'members', 'ws_sanctions_case', '--add', 'bob', '--role', 'admin'], env);
    expect(tooHigh.code).toBe(2);
    const list = await runCli(['workspaces', 'list', '--json'], env);
    expect(JSON.parse(list.stdout).map((w: { id: string; members: unknown[] }) => [w.id, w.members.length])).toEqual([['ws_sanctions_case', 2]]);
    const removed = await runCli(['workspaces', 'members', 'ws_sanctions_case', '--remove', 'bob'], env);
    expect(removed.stdout).toBe('ws_sanctions_case\tSanctions case\t1 member(s)\n  alice\tanalyst\towner\n');
    const audit = await runCli(['audit', 'export'], env);
    expect(audit.stdout).toContain('workspace.member.remove');
  });
});
