// `interdict users`, `keys` and `audit` as a user runs them: no sign-in (the CLI holds the database), the
// key's secret printed once, and `audit verify` exiting 1 with the record a direct database edit altered.
import Database from 'better-sqlite3';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'interdict-access-cli-'));
const env = { INTERDICT_DB: join(dir, 'interdict.db'), INTERDICT_AUTHOR: 'ops', INTERDICT_PORT: '8080' };
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('interdict users, keys and audit', () => {
  it('adds users (a one-time link, or a password from standard input) and lists them', async () => {
    const add = await runCli(['users', 'add', 'Alice', '--role', 'admin'], env);
    expect(add.stderr).toBe('');
    expect(add.code).toBe(0);
    expect(add.stdout).toMatch(/^added alice \(admin, u-[0-9a-f]{16}\)\none-time sign-in link \(valid until [^)]+\):\nhttp:\/\/[^/]+:8080\/#\/welcome\?token=[A-Za-z0-9_-]{43}\n$/);
    const withPassword = await runCli(['users', 'add', 'bob', '--role', 'viewer', '--password-stdin'], env, 'a long enough password\n');
    expect(withPassword.code).toBe(0);
    const short = await runCli(['users', 'add', 'carol', '--role', 'viewer', '--password-stdin'], env, 'short\n');
    expect(short.code).toBe(2);
    expect(short.stderr).toContain('password: must be at least 12 characters');
    const badRole = await runCli(['users', 'add', 'dave', '--role', 'owner'], env);
    expect(badRole.code).toBe(2);
    expect(badRole.stderr).toContain('--role: unknown role "owner"');
    const list = await runCli(['users', 'list', '--json'], env);
    expect(JSON.parse(list.stdout).map((u: { name: string; has_password: boolean }) => [u.name, u.has_password])).toEqual([
      ['alice', false],
      ['bob', true],
    ]);
  });

  it('creates a key whose secret is printed once, lists and revokes it', async () => {
    const created = await runCli(['keys', 'create', '--name', 'screening service', '--role', 'viewer', '--datasets', 'us_ofac_sdn,un_sc_sanctions'], env);
    expect(created.code).toBe(0);
    const secret = created.stdout.trim();
    expect(secret).toMatch(/^idk_[0-9a-f]{12}_[A-Za-z0-9_-]{43}$/);
    expect(created.stderr).toContain('the secret is shown this once');
    const id = secret.slice(4, 16);
    const list = await runCli(['keys', 'list', '--json'], env);
    expect(list.stdout).not.toContain(secret.slice(17));
    expect(JSON.parse(list.stdout)[0]).toMatchObject({ id, role: 'viewer', datasets: ['un_sc_sanctions', 'us_ofac_sdn'], revoked_at: null });
    const revoked = await runCli(['keys', 'revoke', id], env);
    expect(revoked.stdout).toContain(`key ${id} "screening service" revoked`);
    expect((await runCli(['keys', 'revoke', 'ffffffffffff'], env)).code).toBe(4);
  });

  it('verifies the trail, names the record altered in the database, and exports a period', async () => {
    const ok = await runCli(['audit', 'verify'], env);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/^intact: \d+ records, head \d+ [0-9a-f]{64}\n$/);

    const jsonl = await runCli(['audit', 'export', '--format', 'jsonl'], env);
    const records = jsonl.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(records.map((r) => r.action)).toEqual(['user.add', 'sign-in-link.create', 'user.add', 'key.create', 'key.revoke']);
    expect(records.every((r) => r.actor === 'cli:ops')).toBe(true);
    const csvFile = join(dir, 'audit.csv');
    expect((await runCli(['audit', 'export', '--format', 'csv', '--from', '2000-01-01', '--output', csvFile], env)).code).toBe(0);
    expect(readFileSync(csvFile, 'utf8').split('\n')[0]).toBe('seq,at,actor,action,subject,detail,prev_hash,hash');
    expect((await runCli(['audit', 'export', '--from', 'yesterday'], env)).stderr).toContain('--from: "yesterday" is not a date');

    // Someone with the database file changes who a key was created for.
    const db = new Database(env.INTERDICT_DB);
    db.prepare("update audit_log set detail = replace(detail, 'screening service', 'harmless') where action = 'key.create'").run();
    db.close();
    const bad = await runCli(['audit', 'verify'], env);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toContain('record 4: altered: record 4 (key.create by cli:ops');
    expect(bad.stdout).toContain('NOT INTACT');
  });
});
