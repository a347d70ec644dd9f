// `interdict import`, `datasets` and `diff` on the real OFAC files, and bad input that must change nothing.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.ts';
import { tempDirForFile } from '../support/temp-dir.ts';

const FIX = new URL('../fixtures/', import.meta.url).pathname;
const DATA = new URL('../../data/', import.meta.url).pathname;
const dir = tempDirForFile('cli');
const env = { INTERDICT_DB: join(dir, 'cli.db') };
const sdn2021 = ['sdn', 'add', 'alt', 'sdn_comments'].map((f) => join(FIX, 'ofac_sdn/2021-07-07', `${f}.csv`));
const sdn2023 = ['sdn', 'add', 'alt'].map((f) => join(DATA, 'us_ofac_sdn/2023-12-28', `${f}.csv.gz`));

async function datasets() {
  const r = await runCli(['datasets', '--json'], env);
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout).map((d: any) => ({ name: d.name, live: d.live?.id, versions: d.versions }));
}

describe('importing two OFAC SDN versions', () => {
  beforeAll(async () => {
    const first = await runCli(['import', ...sdn2021], env);
    expect(first.stderr).not.toMatch(/^error/m);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/us_ofac_sdn \(ofac-sdn-csv\)/);
    expect(first.stdout).toMatch(/list entries: 8976;/);
    expect(first.stdout).toMatch(/first version of this dataset/);
  }, 180_000);

  it('reports the second version against the first, dated by --published (the legacy CSV files state no date)', async () => {
    const second = await runCli(['import', '--json', '--published', '2023-12-28', ...sdn2023], env);
    expect(second.code, second.stderr).toBe(0);
    const [outcome] = JSON.parse(second.stdout);
    expect(outcome.version).toMatchObject({ publishedAt: '2023-12-28', version: expect.stringMatching(/^2023-12-28\.\d+$/) });
    expect(outcome.version.schemaCounts.$targets).toBe(13_821);
    expect(outcome.added).toBeGreaterThan(4_000);
    expect(outcome.removed).toBeGreaterThan(0);
    expect(outcome.changed).toBeGreaterThan(0);
  }, 180_000);

  it('diff lists the designations added in between, e.g. MKRTYCHEV, Ashot (DPRK, 2023)', async () => {
    const r = await runCli(['diff', 'us_ofac_sdn', '--json'], env);
    expect(r.code).toBe(0);
    const diff = JSON.parse(r.stdout);
    const added = diff.added.filter((a: any) => a.schema === 'Person').map((a: any) => a.caption);
    expect(added).toContain('MKRTYCHEV, Ashot');
    expect(added).toContain('RIM, Yong Hyok');
    expect(diff.removed.length).toBeGreaterThan(0);
    const text = await runCli(['diff', 'us_ofac_sdn'], env);
    expect(text.stdout).toMatch(/^us_ofac_sdn: undated\.\d+ -> 2023-12-28\.\d+: \d+ added, \d+ removed, \d+ changed/);
    expect(text.stdout).toContain('+ MKRTYCHEV, Ashot [Person] us-ofac-sdn-41736');
  }, 120_000);

  it('rejects bad input with a message naming the file and line, a non-zero exit, and the live data unchanged', async () => {
    const before = await datasets();
    const bad = (name: string, content: string) => {
      const path = join(dir, name);
      writeFileSync(path, content);
      return path;
    };
    const cases: [string[], RegExp][] = [
      [[bad('broken.xml', '<?xml version="1.0"?>\n<CONSOLIDATED_LIST dateGenerated="2026-01-01T00:00:00">\n<INDIVIDUALS>\n<INDIVIDUAL><DATAID>1</DATAID></INDIVID>\n')], /broken\.xml:\d+/],
      [[bad('xxe.xml', '<?xml version="1.0"?>\n<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>\n<CONSOLIDATED_LIST>&e;</CONSOLIDATED_LIST>\n')], /xxe\.xml/],
      [[bad('unknown.txt', 'just some text\n')], /unknown\.txt: unknown format/],
      [[join(dir, 'missing.csv')], /missing\.csv: cannot read file/],
      [['--format', 'ofac-sdn-csv', bad('sdn.csv', '100,"BROKEN, Quote,individual,"SDGT",-0- \r\n')], /sdn\.csv:1/],
      [['--format', 'no-such-format', sdn2023[0]], /unknown format "no-such-format"/],
      [['--published', '2023-02-30', sdn2023[0]], /published: "2023-02-30" is not a date \(YYYY-MM-DD\)/],
    ];
    for (const [args, message] of cases) {
      const r = await runCli(['import', ...args], env);
      expect(r.code, `${args.join(' ')}: ${r.stderr}`).not.toBe(0);
      expect(r.stderr).toMatch(message);
    }
    expect(await datasets()).toEqual(before);
  }, 120_000);

  it('names the field when a command is misused', async () => {
    const r = await runCli(['diff', 'us_ofac_sdn', '--from', 'v999'], env);
    expect(r.code).toBe(4);
    expect(r.stderr).toMatch(/no version "v999"/);
    expect((await runCli(['import'], env)).code).toBe(2);
  });
});
