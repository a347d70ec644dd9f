// Issue 10, points 2 and 3: no list is replaced by a fraction of itself, and a failed import command
// changes nothing. Before the change each of these went live with exit 0 (or, for the last one, exit 3
// and "The live data was not changed." while OFAC had switched).
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFiles } from '../../src/ingest/import.ts';
import { ConflictError, SourceError } from '../../src/model/errors.ts';
import { ENGINES, withPgClient, type TestStore } from '../support/engines.ts';
import { importedStore } from '../support/imported.ts';
import { runCli } from '../support/cli.ts';
import { SDN_2021_SUBSET } from '../support/ofac-files.ts';
import { tempDirForFile } from '../support/temp-dir.ts';

const FIX = new URL('../fixtures/', import.meta.url).pathname;
const SDN_2021 = ['sdn', 'add', 'alt', 'sdn_comments'].map((f) => join(FIX, 'ofac_sdn/2021-07-07', `${f}.csv`));
const UN_SAMPLE = join(FIX, 'un_sc/samples/sample_unsc.xml');

const dir = tempDirForFile('integrity');

async function analyzeStatements(url: string): Promise<void> {
  await withPgClient((client) => client.query('analyze statements'), url);
}

/** Rows in a store's table, read beside the store (the kept diffs have no reader of their own). */
async function rowCount(t: TestStore, table: string): Promise<number> {
  if (t.url) return withPgClient(async (client) => Number((await client.query(`select count(*) as n from ${table}`)).rows[0].n), t.url);
  const db = new Database(t.sqlitePath, { readonly: true });
  try {
    return (db.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;
  } finally {
    db.close();
  }
}

function write(name: string, content: string | Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

/** sdn.csv cut after `lines` lines, at a line boundary (CRLF kept), optionally with a forged end mark. */
function cutSdn(name: string, lines: number, endMark = false): string {
  const text = readFileSync(SDN_2021[0], 'latin1').split('\r\n').slice(0, lines).join('\r\n') + '\r\n';
  return write(name, Buffer.from(text + (endMark ? '\x1a' : ''), 'latin1'));
}

// Whole-list imports on PostgreSQL take minutes when the suite runs three files at once on two cores: the
// limits below are for that, not a speed target (bench:import measures imports).
describe.each(ENGINES)('import integrity on %s', (engine) => {
  let t: TestStore;
  beforeAll(async () => {
    t = await importedStore(engine, SDN_2021, { author: 'test' });
    // PostgreSQL's statistics now know the first version only, as autovacuum may leave them: the state
    // in which the last test below hung (see there).
    if (t.url) await analyzeStatements(t.url);
  }, 300_000);
  afterAll(async () => t?.dispose());

  it('an FtM file cannot redirect its entities into a list: the target is the command line\'s', async () => {
    const before = await t.store.liveVersions();
    const forged = write('forged.ftm.json', JSON.stringify({ id: 'fake-1', schema: 'Person', properties: { name: ['FAKE, Person'] }, datasets: ['us_ofac_sdn'] }) + '\n');
    const [outcome] = await importFiles(t.store, [forged]);
    expect(outcome.dataset).toBe('ftm');
    const live = await t.store.liveVersions();
    expect(live.find((v) => v.dataset === 'us_ofac_sdn')).toEqual(before.find((v) => v.dataset === 'us_ofac_sdn'));
    expect((await t.store.getEntity('fake-1'))?.datasets).toEqual(['ftm']);
  });

  it('refuses sdn.csv cut at a line boundary: the end-of-file mark is missing', async () => {
    const before = await t.store.liveVersions();
    const cut = cutSdn('cut-sdn.csv', 2000);
    const error = await importFiles(t.store, [cut, SDN_2021[1], SDN_2021[2]]).catch((e) => e);
    expect(error).toBeInstanceOf(SourceError);
    expect(error.message).toMatch(/cut-sdn\.csv:2000: no end-of-file mark \(Ctrl-Z\) after the last record: the file is cut short/);
    expect(await t.store.liveVersions()).toEqual(before);
  });

  // OFAC's part is the real subset (test/support/ofac-files.ts), let through the shrink guard: a version
  // the import writes and must take back, at a twentieth of the whole list's cost.
  // The OFAC version written first is compared with the live one, and that diff kept, in the same
  // transaction: none of it stays (a diff kept under a version id the next import reuses would be served
  // for that version).
  it('one import command is one transaction: a bad last file leaves every list as it was', async () => {
    const before = await t.store.liveVersions();
    const kept = { versions: await rowCount(t, 'dataset_versions'), diffs: await rowCount(t, 'version_diffs'), statements: await rowCount(t, 'statements') };
    const truncated = write('truncated.xml', readFileSync(UN_SAMPLE).subarray(0, 3000));
    const error = await importFiles(t.store, [...SDN_2021_SUBSET, truncated], { allowShrink: true }).catch((e) => e);
    expect(error).toBeInstanceOf(SourceError);
    expect(error.message).toMatch(/truncated\.xml:\d+: malformed XML/);
    expect(await t.store.liveVersions()).toEqual(before);
    expect({ versions: await rowCount(t, 'dataset_versions'), diffs: await rowCount(t, 'version_diffs'), statements: await rowCount(t, 'statements') }).toEqual(kept);
  }, 300_000);

  it('refuses a version that removes most of the list, with the figures, unless --allow-shrink', async () => {
    const before = await t.store.liveVersions();
    const forged = cutSdn('forged-sdn.csv', 2000, true);
    const error = await importFiles(t.store, [forged]).catch((e) => e);
    expect(error).toBeInstanceOf(ConflictError);
    expect(error.message).toMatch(/^us_ofac_sdn: the new version removes [\d,]+ of its [\d,]+ entities \(\d+\.\d %\) and has 2,000 list entries where version undated\.\d+ had 8,9\d\d \(\d+\.\d % fewer\); more than the 10\.0 % a version may remove/);
    expect(error.message).toMatch(/--allow-shrink/);
    expect(await t.store.liveVersions()).toEqual(before);
    const [accepted] = await importFiles(t.store, [forged], { allowShrink: true });
    expect(accepted.version.schemaCounts.$targets).toBe(2000);
  }, 300_000);

  // With statistics that knew neither the cut version nor the one being written, PostgreSQL joined the two
  // by a nested loop to carry first-seen dates (233,000 × 39,000 statements) and hung for many minutes:
  // the intermittent CI timeout. An import now analyzes what it wrote before joining it.
  it.runIf(engine === 'postgres')('imports the whole list over the cut one in seconds, whatever the statistics knew', async () => {
    const [restored] = await importFiles(t.store, SDN_2021);
    expect(restored.version.schemaCounts.$targets).toBe(8976);
    expect(restored.added).toBeGreaterThan(6000);
  }, 300_000);
});

describe('the import command', () => {
  let t: TestStore;
  beforeAll(async () => {
    t = await importedStore('sqlite', SDN_2021, { author: 'test' });
    await t.store.close();
  }, 120_000);
  afterAll(async () => rmSync(dirname(t.sqlitePath), { recursive: true, force: true }));

  const datasets = async (env: Record<string, string>) => JSON.parse((await runCli(['datasets', '--json'], env)).stdout);

  it('exits 3 and says the truth when the last file is bad: nothing changed', async () => {
    const env = { INTERDICT_DB: t.sqlitePath };
    const before = await datasets(env);
    const truncated = write('cli-truncated.xml', readFileSync(UN_SAMPLE).subarray(0, 3000));
    const r = await runCli(['import', '--allow-shrink', ...SDN_2021_SUBSET, truncated], env);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/cli-truncated\.xml:\d+: malformed XML[^\n]*\nThe live data was not changed\./);
    expect(await datasets(env)).toEqual(before);
  }, 120_000);

  it('exits 5 with the figures on a shrunken list, and imports it with --allow-shrink', async () => {
    const env = { INTERDICT_DB: t.sqlitePath };
    const forged = cutSdn('cli-sdn.csv', 100, true);
    const refused = await runCli(['import', '--format', 'ofac-sdn-csv', forged], env);
    expect(refused.code).toBe(5);
    expect(refused.stderr).toMatch(/has 100 list entries where version .* had 8,9\d\d/);
    const accepted = await runCli(['import', '--allow-shrink', '--format', 'ofac-sdn-csv', forged], env);
    expect(accepted.code, accepted.stderr).toBe(0);
    expect(accepted.stdout).toMatch(/list entries: 100;/);
  }, 120_000);
});
