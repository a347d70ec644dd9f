// Monitoring on SQLite and PostgreSQL with the real OFAC lists: a portfolio screened on arrival, then
// OFAC 2023-12-28 imported over 2021-07-07. The delta re-screen raises exactly one new-hit alert (the
// MKRTYCHEV variant, "added to us_ofac_sdn"), and a full re-screen afterwards finds nothing it missed.
// Both engines take the lists' real subset (test/support/ofac-files.ts): the same change for these
// records as the whole lists', at a twentieth of the import and of the index builds. The delta at full
// size (the whole lists, 5,828 sieve targets, thousands of records) is test/monitor/delta-sift.test.ts's.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFiles } from '../../src/ingest/import.ts';
import { Monitor } from '../../src/monitor/monitor.ts';
import { liveScreening, rescreenAfterChange, uploadPortfolio, type LiveScreening } from '../../src/monitor/service.ts';
import { readScreeningInput } from '../../src/screening/batch-input.ts';
import { ConflictError, ValidationError } from '../../src/model/errors.ts';
import { ENGINES } from '../support/engines.ts';
import { importedStoreForBlock } from '../support/imported.ts';
import { SDN_2021_SUBSET, SDN_2023_SUBSET } from '../support/ofac-files.ts';

/** How many targets the subset's change touches at least. */
const CHANGED_TARGETS = 300;

const dir = mkdtempSync(join(tmpdir(), 'interdict-monitor-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const csv = (name: string, text: string) => {
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
};
const CUSTOMERS = csv(
  'customers.csv',
  [
    'id,schema,name,birth_date,nationality',
    'C-001,Person,Ashot Mkrtichev,,',
    'C-002,Person,Kim Jong Un,1984-01-08,kp',
    'C-003,Person,Maria Schmidt,1980-05-05,de',
    'C-004,Company,Korea Mining Development Trading Corporation,,kp',
    'C-005,Person,,,',
  ].join('\n') + '\n',
);

for (const engine of ENGINES) {
  describe(`portfolio monitoring on ${engine}`, () => {
    const t = importedStoreForBlock(engine, SDN_2021_SUBSET, { author: 'test' });
    let v2021: number;
    let live: LiveScreening;
    beforeAll(async () => {
      [{ version: { id: v2021 } }] = t.outcomes;
      live = await liveScreening(t.store);
    });

    it('screens every record on arrival and reports the one it cannot screen', async () => {
      const rows = await readScreeningInput(CUSTOMERS);
      const report = await uploadPortfolio(t.store, 'bank customers', rows, { mode: 'replace', actor: 'user:alice', live });
      expect(report).toMatchObject({ added: 4, changed: 0, removed: 0, unchanged: 0 });
      expect(report.unscreenable).toEqual([expect.objectContaining({ ref: 'C-005', line: 6 })]);
      const { results } = await Monitor.of(t.store).alerts({ portfolio: 'bank customers' });
      const refs = results.map((a) => a.ref).sort();
      expect(refs).toContain('C-002');
      expect(refs).toContain('C-004');
      expect(refs).not.toContain('C-001'); // not listed in 2021
      expect(refs).not.toContain('C-003');
      expect(results.every((a) => a.kind === 'new-hit' && a.status === 'open' && a.reason.startsWith('matches '))).toBe(true);
      // The same file again changes nothing and raises nothing.
      const again = await uploadPortfolio(t.store, 'bank customers', rows, { mode: 'replace', actor: 'user:alice', live });
      expect(again).toMatchObject({ added: 0, changed: 0, unchanged: 4, alerts: 0 });
    });

    it('after the next OFAC version, alerts exactly the new designation, and a full re-screen finds nothing more', async () => {
      const before = (await Monitor.of(t.store).alerts()).total;
      const [{ version: v2023 }] = await importFiles(t.store, SDN_2023_SUBSET);
      live = await liveScreening(t.store);
      const delta = await rescreenAfterChange(t.store, 'us_ofac_sdn', v2021, v2023.id, { live });
      expect(delta.mode).toBe('delta');
      expect(delta.changedTargets).toBeGreaterThan(CHANGED_TARGETS);
      expect(delta.records).toBeLessThan(4); // only what the change can affect
      const { results } = await Monitor.of(t.store).alerts({ kind: 'new-hit', limit: 500 });
      const fresh = results.slice(0, results.length - before);
      expect(fresh.map((a) => [a.ref, a.reason])).toEqual([['C-001', 'added to us_ofac_sdn']]);
      expect(fresh[0]).toMatchObject({ detail: { list: { dataset: 'us_ofac_sdn', version: v2023.version }, target: { caption: expect.stringMatching(/MKRTYCHEV/i) } } });
      // The inbox's list filter: the alerts that list's change raised, not those raised on arrival.
      const byList = await Monitor.of(t.store).alerts({ list: 'us_ofac_sdn', limit: 500 });
      expect(byList.results.map((a) => a.id)).toEqual([fresh[0].id]);
      expect((await Monitor.of(t.store).alerts({ list: 'un_sc_sanctions' })).total).toBe(0);

      const full = await rescreenAfterChange(t.store, 'us_ofac_sdn', v2021, v2023.id, { full: true, live });
      expect(full).toMatchObject({ mode: 'full', records: 4, alerts: 0 });
      const repeat = await rescreenAfterChange(t.store, 'us_ofac_sdn', v2021, v2023.id, { live });
      expect(repeat.alerts).toBe(0);
    }, 300_000);

    it('closes a true match with four eyes, and keeps a false positive quiet until the record changes', async () => {
      const monitor = Monitor.of(t.store);
      const alice = { name: 'user:alice', mayCloseTrueMatch: false };
      const bob = { name: 'user:bob', mayCloseTrueMatch: true };
      const [mkr] = (await monitor.alerts({ portfolio: 'bank customers', kind: 'new-hit', limit: 500 })).results.filter((a) => a.ref === 'C-001');
      expect(await monitor.decide(mkr.id, { status: 'true_match', reason: 'same name, DPRK programme', evidence: { note: 'OFAC 2023-12-28' } }, alice)).toEqual({ status: 'in_review', pending: true });
      await expect(monitor.decide(mkr.id, { status: 'true_match', reason: 'me again' }, { ...alice, mayCloseTrueMatch: true })).rejects.toBeInstanceOf(ConflictError);
      await expect(monitor.decide(mkr.id, { status: 'false_positive', reason: '' }, bob)).rejects.toBeInstanceOf(ValidationError);
      expect(await monitor.decide(mkr.id, { status: 'true_match', reason: 'confirmed against the OFAC entry' }, bob)).toEqual({ status: 'true_match', pending: false });
      await expect(monitor.decide(mkr.id, { status: 'escalated', reason: 'late' }, bob)).rejects.toBeInstanceOf(ConflictError);
      expect((await monitor.history(mkr.id)).map((e) => [e.actor, e.action, e.status])).toEqual([
        ['user:alice', 'propose-true-match', 'in_review'],
        ['user:bob', 'decide', 'true_match'],
      ]);

      const [kim] = (await monitor.alerts({ portfolio: 'bank customers', limit: 500 })).results.filter((a) => a.ref === 'C-002');
      await monitor.decide(kim.id, { status: 'false_positive', reason: 'our customer is another person' }, alice);
      const quiet = await rescreenAfterChange(t.store, 'us_ofac_sdn', v2021, (await t.store.liveVersions()).find((v) => v.dataset === 'us_ofac_sdn')!.id, { full: true, live });
      expect(quiet.alerts).toBe(0);
      const changed = await uploadPortfolio(t.store, 'bank customers', await readScreeningInput(csv('kim.csv', 'id,schema,name,birth_date,nationality\nC-002,Person,Kim Jong Un,1983-01-08,kp\n')), { mode: 'merge', actor: 'user:alice', live });
      expect(changed).toMatchObject({ changed: 1, alerts: 1 });
      const [back] = (await monitor.alerts({ portfolio: 'bank customers', kind: 'changed-hit' })).results;
      expect(back).toMatchObject({ ref: 'C-002', target_id: kim.target_id, status: 'open' });
      expect(back.reason).toBe('cleared as a false positive before; back because: your record changed');
    }, 300_000);

    it('removes records missing from a replacing upload, and keeps them with merge', async () => {
      const merge = await uploadPortfolio(t.store, 'bank customers', await readScreeningInput(csv('one.csv', 'id,schema,name\nC-009,Person,John Doe\n')), { mode: 'merge', actor: 'user:alice', live });
      expect(merge).toMatchObject({ added: 1, removed: 0 });
      const replace = await uploadPortfolio(t.store, 'bank customers', await readScreeningInput(csv('two.csv', 'id,schema,name\nC-009,Person,John Doe\n')), { mode: 'replace', actor: 'user:alice', live });
      expect(replace).toMatchObject({ added: 0, unchanged: 1, removed: 4 });
      expect((await Monitor.of(t.store).portfolios())[0]).toMatchObject({ name: 'bank customers', records: 1 });
    });
  });
}
