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

    const add = await runCli(['workspaces', 'add', 'Sanctions case', '--owner', 'alice'], env);
    expect(add.stderr).toBe('');
    expect(add.stdout).toMatch(/^created ws_[a-z2-7]{16} "Sanctions case", owned by alice\n$/);
    const id = add.stdout.split(' ')[1];
    const noOwner = await runCli(['workspaces', 'add', 'other', '--owner', 'nobody'], env);
    expect(noOwner.code).toBe(2);
    expect(noOwner.stderr).toContain('no user "nobody"');

    // Named by its name while no other workspace bears it.
    const added = await runCli(['workspaces', 'members', 'sanctions CASE', '--add', 'bob'], env);
    expect(added.stdout).toBe(`${id}\tSanctions case\t2 member(s)\n  alice\tanalyst\towner\n  bob\tviewer\n`);
    const tooHigh = await runCli(['workspaces', 'members', id, '--add', 'bob', '--role', 'admin'], env);
    expect(tooHigh.code).toBe(2);
    // A second of the same name is made, with an id of its own; the name alone then says neither.
    const again = await runCli(['workspaces', 'add', 'Sanctions case', '--owner', 'bob'], env);
    expect(again.code, again.stderr).toBe(0);
    const other = again.stdout.split(' ')[1];
    expect(other).not.toBe(id);
    const ambiguous = await runCli(['workspaces', 'members', 'Sanctions case'], env);
    expect(ambiguous.code).toBe(2);
    expect(ambiguous.stderr).toContain(id);
    expect(ambiguous.stderr).toContain(other);
    expect((await runCli(['workspaces', 'members', 'no such case'], env)).code).toBe(4);
    const list = await runCli(['workspaces', 'list', '--json'], env);
    expect(JSON.parse(list.stdout).map((w: { id: string; members: unknown[] }) => [w.id, w.members.length])).toEqual([[id, 2], [other, 1]].sort());
    const removed = await runCli(['workspaces', 'members', id, '--remove', 'bob'], env);
    expect(removed.stdout).toBe(`${id}\tSanctions case\t1 member(s)\n  alice\tanalyst\towner\n`);
    const audit = await runCli(['audit', 'export'], env);
    expect(audit.stdout).toContain('workspace.member.remove');
  });
});
