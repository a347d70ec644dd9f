// Issue 18: `interdict paths` took ≈ 20 s a call (it built the whole graph each time) and accepted
// only ids: "no entity Rim Yong Hyok" after 20 s. Now names work, an ambiguous one lists the
// candidates with a non-zero exit, and calls after the first read the saved graph (see
// test/live/restart-snapshots.test.ts; the time is in bench:graph).
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { copyOfBundledDb } from '../support/bundled-db.ts';
import { runCli } from '../support/cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'interdict-paths-'));
const db = join(dir, 'copy.db');
const env = { INTERDICT_DB: db, INTERDICT_NO_BUNDLED: '1' };

describe('paths and exposure by name on the bundled lists', () => {
  beforeAll(() => void copyOfBundledDb(inject('bundledDb'), db));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('follows names to their entities, and saves the graph for the next call', async () => {
    const r = await runCli(['paths', 'us-ofac-sdn-44294', 'Yevgeniy Prigozhin', '--json'], env);
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.to.id).toBe('us-ofac-sdn-21171');
    expect(out.paths[0].hops).toBe(1);
    expect(readdirSync(`${db}.cache`)).toContainEqual(expect.stringMatching(/^graph-/));
  }, 180_000);

  it('lists the candidates of an ambiguous name and exits non-zero', async () => {
    const r = await runCli(['paths', 'Rim Yong Hyok', 'Yevgeniy Prigozhin'], env);
    expect(r.code).toBe(5);
    expect(r.stderr).toMatch(/"Rim Yong Hyok" names 2 entities; give one of their ids/);
    expect(r.stderr).toContain('us-ofac-sdn-44294  RIM, Yong Hyok (Person; us_ofac_sdn; designated)');
    expect(r.stderr).toContain('case-dprk-russia-komid-syria-deputy-rep  RIM Yong Hyok');
  }, 60_000);

  it('exposure takes a name, in any order and case of its words', async () => {
    const r = await runCli(['exposure', 'ashot mkrtychev'], env);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^MKRTYCHEV, Ashot \[us-ofac-sdn-41736\] is itself designated/);
    const none = await runCli(['exposure', 'Nobody Atall'], env);
    expect(none.code).toBe(4);
    expect(none.stderr).toMatch(/no entity with the id or name "Nobody Atall"/);
    expect(existsSync(`${db}.cache`)).toBe(true);
  }, 60_000);
});
