// The delta re-screen's sift asks only yes or no per record (Screener.sifts, ScreeningPool.sift: no
// results made, copied or parsed; a stop at the first candidate at the review threshold), sifts each
// distinct record once, a window at a time in name order. It must flag exactly the records the sift
// before it flagged: those whose screening against the sieve's targets has a result that is not clear.
// Over real list files: OFAC 2021-07-07 → 2023-12-28 (whole on SQLite: 5,828 sieve targets; the subset
// on PostgreSQL), with synthetic records of which some are variants of the newer list's names.
import { describe, expect, it } from 'vitest';
import { syntheticRecords } from '../../bench/monitor-records.ts';
import { importFiles } from '../../src/ingest/import.ts';
import { Monitor } from '../../src/monitor/monitor.ts';
import { liveScreening, rescreenAfterChange, sieveTargets, siftRecords, uploadPortfolio } from '../../src/monitor/service.ts';
import { resolverFor } from '../../src/resolve/service.ts';
import { collect, entitiesOf } from '../../src/sources/collect.ts';
import { ofacSdnCsv } from '../../src/sources/ofac/csv.ts';
import { loadEngine } from '../../src/screening/engine.ts';
import { indexToBytes } from '../../src/screening/index-snapshot.ts';
import { ScreeningPool } from '../../src/screening/pool.ts';
import type { QueryEntity } from '../../src/screening/query.ts';
import { Screener } from '../../src/screening/screener.ts';
import { ENGINES } from '../support/engines.ts';
import { importedStoreForBlock } from '../support/imported.ts';
import { SDN_2021, SDN_2021_SUBSET, SDN_2023, SDN_2023_SUBSET } from '../support/ofac-files.ts';

const LISTS = {
  sqlite: { before: SDN_2021, after: SDN_2023, sieve: 5000 },
  postgres: { before: SDN_2021_SUBSET, after: SDN_2023_SUBSET, sieve: 50 },
};

for (const engine of ENGINES) {
  describe(`the delta's sift on ${engine}`, () => {
    const lists = LISTS[engine];
    // The same import (and author) as import-integrity.test.ts's: one template per run.
    const t = importedStoreForBlock(engine, lists.before, { author: 'test' });

    it('flags exactly the records whose screening against the sieve is not clear, and re-screens those', async () => {
      const { version: from } = t.outcomes[0];
      // Screened on arrival against the older version; variants of the newer version's names.
      const newer = [...entitiesOf((await collect(ofacSdnCsv, lists.after)).statements).values()];
      const rows = syntheticRecords({ records: 2500, variants: 0.08, seed: 11 }, newer);
      // Records repeated under other references: the sift screens each distinct query once.
      rows.push(...rows.slice(0, 300).map((r, i) => ({ ...r, id: `again-${i}`, query: { ...r.query!, id: `again-${i}` } })));
      await uploadPortfolio(t.store, 'customers', rows, { mode: 'replace', actor: 'test' });
      const [{ version: to }] = await importFiles(t.store, lists.after);
      const live = await liveScreening(t.store);

      const diff = await t.store.diff('us_ofac_sdn', from.id, to.id);
      const resolution = await resolverFor(t.store).resolution();
      const sieve = sieveTargets(diff, (id) => resolution.canonical(id), live);
      expect(sieve.length).toBeGreaterThan(lists.sieve);

      // The sift as it was: every record screened in full against the sieve, flagged when a result is not clear.
      const engineOf = await loadEngine();
      const options = { limit: 10, threshold: engineOf.defaultThreshold };
      const screener = Screener.build(sieve, engineOf);
      const queries: QueryEntity[] = rows.map((r) => r.query!);
      const before = queries.map((q) => screener.screen(q, options).results.some((r) => r.band !== 'clear'));
      const flaggedBefore = rows.filter((_, i) => before[i]).map((r) => r.id);
      expect(flaggedBefore.length).toBeGreaterThan(engine === 'sqlite' ? 40 : 10);

      expect(queries.map((q) => screener.sifts(q, options))).toEqual(before);
      const pool = await ScreeningPool.start(indexToBytes(screener.index), 2);
      try {
        expect([...(await pool.sift(queries, options))]).toEqual(before.map(Number));
      } finally {
        await pool.close();
      }
      const monitor = Monitor.of(t.store);
      const sifted = await siftRecords(monitor, sieve);
      expect(sifted.map((r) => r.ref).sort()).toEqual(flaggedBefore.sort());

      // The delta re-screens those and the records with a hit on a changed or removed target, no more.
      const changed = new Set([...diff.added, ...diff.removed, ...diff.changed].map((e) => resolution.canonical(e.id)));
      const affected = await monitor.affectedRecords(changed, sifted);
      const delta = await rescreenAfterChange(t.store, 'us_ofac_sdn', from.id, to.id, { live });
      expect(delta).toMatchObject({ mode: 'delta', records: affected.length, sievedTargets: sieve.length });
      expect(delta.alerts).toBeGreaterThan(0);
    }, 600_000);
  });
}
