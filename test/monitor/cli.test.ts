// `interdict portfolio` and `alerts` as a user runs them: a portfolio added, the next OFAC version
// imported, and the import itself re-screening the portfolio and raising the one new alert. The real
// subset of both versions (test/support/ofac-files.ts): the point is the commands, not the size.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.ts';
import { SDN_2021_SUBSET, SDN_2023_SUBSET } from '../support/ofac-files.ts';

const dir = mkdtempSync(join(tmpdir(), 'interdict-monitor-cli-'));
const env = { INTERDICT_DB: join(dir, 'interdict.db'), INTERDICT_AUTHOR: 'ops' };
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('interdict portfolio and alerts', () => {
  it('re-screens a portfolio when an import brings a new list version, and lists the alert it raised', async () => {
    expect((await runCli(['import', ...SDN_2021_SUBSET], env)).code).toBe(0);
    const file = join(dir, 'customers.csv');
    writeFileSync(file, 'id,schema,name\nC-001,Person,Ashot Mkrtichev\nC-002,Person,Maria Schmidt\nC-003,Person,\n');
    const added = await runCli(['portfolio', 'add', 'customers', file], env);
    expect(added.code).toBe(0);
    expect(added.stdout).toBe('customers: 2 added, 0 changed, 0 removed, 0 unchanged; 0 alerts raised\n');
    expect(added.stderr).toContain(`${file}:4: unscreenable (C-003)`);

    const imported = await runCli(['import', ...SDN_2023_SUBSET], env);
    expect(imported.code).toBe(0);
    expect(imported.stderr).toMatch(/monitoring: us_ofac_sdn \S+ → \S+: \d+ targets changed; delta re-screen of [12] records raised 1 alerts \(1 new hits, 0 changed, 0 lifted\)/);

    const alerts = await runCli(['alerts', '--json'], env);
    const { total, results } = JSON.parse(alerts.stdout);
    expect(total).toBe(1);
    expect(results[0]).toMatchObject({ portfolio: 'customers', ref: 'C-001', kind: 'new-hit', reason: 'added to us_ofac_sdn', status: 'open' });
  }, 300_000);
});
