// The delta re-screen's sift asks only yes or no per record (Screener.sifts, ScreeningPool.sift: no
// results made, copied or parsed; a stop at the first candidate at the review threshold), sifts each
// distinct record once, in name order across the portfolio (a segment at a time), and of each record's
// candidates in the live index scores only the sieve's targets (ScreenOptions.within). It must flag exactly the records whose
// screening so limited has a result that is not clear, and so every record a full re-screen finds a new
// hit for among those targets. Over real list files: OFAC 2021-07-07 → 2023-12-28 (whole on SQLite:
// 5,828 sieve targets; the subset on PostgreSQL), with synthetic records of which some are variants of
// the newer list's names, and on SQLite three company names whose initials are the acronym alias of a
// target the change added: a sieve of an index of its own targets weighed the keys by their rarity among
// those, ranked other candidates first, and missed these three. Each record keeps the targets it was
// scored against, and the sift scores those new to it too, and flags a record whose hit left its
// candidates: a full re-screen after the delta must raise nothing more (records of both kinds added).
import { describe, expect, it } from 'vitest';
import { syntheticRecords } from '../../bench/monitor-records.ts';
import { importFiles } from '../../src/ingest/import.ts';
import { Monitor, recordKey } from '../../src/monitor/monitor.ts';
import { liveScreening, rescreenAfterChange, sieveTargets, uploadPortfolio, type BatchScreener, type LiveScreening } from '../../src/monitor/service.ts';
import { siftRecords } from '../../src/monitor/sift.ts';
import { resolverFor } from '../../src/resolve/service.ts';
import { collect, entitiesOf } from '../../src/sources/collect.ts';
import { ofacSdnCsv } from '../../src/sources/ofac/csv.ts';
import { loadEngine } from '../../src/screening/engine.ts';
import { PackedSetsBuilder, unpackSets } from '../../src/screening/id-sets.ts';
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

    it('flags exactly the records whose screening of the sieve targets is not clear, every new hit among them, and re-screens those', async () => {
      const { version: from } = t.outcomes[0];
      // Screened on arrival against the older version; variants of the newer version's names.
      const newer = [...entitiesOf((await collect(ofacSdnCsv, lists.after)).statements).values()];
      const rows = syntheticRecords({ records: 2500, variants: 0.08, seed: 11 }, newer);
      // Records repeated under other references: the sift screens each distinct query once.
      rows.push(...rows.slice(0, 300).map((r, i) => ({ ...r, id: `again-${i}`, query: { ...r.query!, id: `again-${i}` } })));
      // Named like the acronym aliases of targets the change added ('AO RNT', 'SNM OOO', 'LLC NGF').
      const acronyms = engine === 'sqlite' ? { 'Rapid Nova Trading Ltd': 'ng', 'Silver Nova Metals SRL': 'es', 'Nova Golden Foods LLC': 'tr' } : {};
      Object.entries(acronyms).forEach(([name, country], i) => rows.push({ line: 0, id: `acronym-${i}`, query: { id: `acronym-${i}`, schema: 'Company', properties: { name: [name], country: [country] } } }));
      // Records whose candidates the change moves: a target unchanged by it enters them and scores (a
      // delta that scored only the sieve's targets missed them; a full re-screen raises them).
      const moved: QueryEntity[] = engine === 'sqlite' ? [{ id: 'moved-0', schema: 'Person', properties: { name: ['Svetlana Choi'] } }, { id: 'moved-1', schema: 'Company', properties: { name: ['Metro Metro Trading AB'], country: ['in'] } }] : [];
      // A record with hits on targets the change leaves unchanged but moves out of its candidates: a full
      // re-screen no longer scores them, and results they held out of its best ten come in.
      const leaving: QueryEntity[] = engine === 'sqlite' ? [{ id: 'leaving-0', schema: 'Person', properties: { name: ["sa'id, mohamed"] } }] : [];
      rows.push(...[...moved, ...leaving].map((query) => ({ line: 0, id: query.id!, query })));
      await uploadPortfolio(t.store, 'customers', rows, { mode: 'replace', actor: 'test' });
      const monitor = Monitor.of(t.store);
      // What each record was scored against on arrival.
      const known = new Map<string, Uint32Array | undefined>();
      let portfolioId = '';
      for await (const chunk of monitor.recordChunks()) {
        for (const r of chunk) {
          known.set(r.ref, r.known ?? undefined);
          portfolioId = r.portfolio_id;
        }
      }
      expect([...known.values()].filter((k) => k === undefined)).toEqual([]);
      const [{ version: to }] = await importFiles(t.store, lists.after);
      const live = await liveScreening(t.store);

      const diff = await t.store.diff('us_ofac_sdn', from.id, to.id);
      const resolution = await resolverFor(t.store).resolution();
      const sieve = sieveTargets(diff, (id) => resolution.canonical(id), live);
      expect(sieve.length).toBeGreaterThan(lists.sieve);
      const sieveIds = new Set(sieve.map((e) => e.id));

      // The live index (the same slots as the service's), and each record screened with only the sieve's targets scored.
      const engineOf = await loadEngine();
      const options = { limit: 10, threshold: engineOf.defaultThreshold };
      const screener = Screener.build(live.entities.values(), engineOf);
      const within = screener.index.slotsOf(sieveIds);
      const queries: QueryEntity[] = rows.map((r) => r.query!);
      const knownOf = queries.map((q) => known.get(q.id!));
      const before = queries.map((q, i) => screener.screen(q, { ...options, within }, { known: knownOf[i] }).results.some((r) => r.band !== 'clear'));
      const flaggedBefore = rows.filter((_, i) => before[i]).map((r) => r.id);
      expect(flaggedBefore.length).toBeGreaterThan(engine === 'sqlite' ? 40 : 10);
      // Every record a full screening finds not clear on a sieve target is among them (the same pass
      // gathers each record's candidates now, for the records whose hit left them, below).
      const considered = new PackedSetsBuilder();
      const hitsSieve = queries.map((q) => screener.screen(q, options, { considered }).results.some((r) => r.band !== 'clear' && sieveIds.has(r.entity.id)));
      expect(rows.filter((_, i) => hitsSieve[i] && !before[i]).map((r) => r.id)).toEqual([]);
      for (const i of Object.keys(acronyms).keys()) expect(flaggedBefore).toContain(`acronym-${i}`);
      // Not clear only on targets new to the record: scoring the sieve's targets alone leaves them clear.
      for (const q of moved) {
        expect(flaggedBefore).toContain(q.id);
        expect(screener.sifts(q, { ...options, within })).toBe(false);
      }

      // The sift flags those, and the records with a hit on a target no longer among their candidates.
      const hitOn = await monitor.hitTargets();
      const now = unpackSets(considered.build());
      const hitLeft = rows.filter((r, i) => hitOn.get(recordKey(portfolioId, r.id))?.some((target) => !now[i].includes(target))).map((r) => r.id);
      for (const q of leaving) {
        expect(hitLeft).toContain(q.id);
        expect(flaggedBefore).not.toContain(q.id);
      }
      const toSift = [...new Set([...flaggedBefore, ...hitLeft])];

      expect(queries.map((q, i) => screener.sifts(q, { ...options, within }, { known: knownOf[i] }))).toEqual(before);
      const pool = await ScreeningPool.start(indexToBytes(screener.index), 2);
      try {
        const asObjects = await pool.sift(queries, { ...options, within }, knownOf.map((k) => k!));
        expect([...asObjects.flags]).toEqual(before.map(Number));
        // Handed over as the store keeps them (JSON texts, parsed by the threads): the same answers (a
        // sample: how a query arrives is what differs, not which query).
        const sample = queries.length >> 2;
        const asTexts = await pool.sift(queries.slice(0, sample).map((q) => JSON.stringify({ schema: q.schema, properties: q.properties })), { ...options, within }, knownOf.slice(0, sample).map((k) => k!));
        expect([...asTexts.flags]).toEqual([...asObjects.flags.slice(0, sample)]);
        expect(asTexts.flags.filter(Boolean).length).toBeGreaterThan(0);
        expect(asTexts.considered.map((set) => [...set])).toEqual(asObjects.considered.slice(0, sample).map((set) => [...set]));
      } finally {
        await pool.close();
      }
      const batches = live.batches({ poolFrom: 0 }); // in worker threads, as a large portfolio's
      let sifted: { portfolio_id: string; ref: string }[];
      let handed = 0;
      try {
        sifted = await siftRecords(monitor, batches, live.slotsOf(sieveIds));
        expect(sifted.map((r) => r.ref).sort()).toEqual(toSift.sort());
        // Sifted again in windows of 700 records: each distinct query goes to the threads once in the
        // whole delta (the repeats under 'again-…' refs come in the last window, their first copies in
        // the first), and the same records are flagged.
        const counting: BatchScreener = { ...batches, sift: (queries, sieveSlots, known) => ((handed += queries.length), batches.sift(queries, sieveSlots, known)) };
        expect((await siftRecords(monitor, counting, live.slotsOf(sieveIds), { window: 700 })).map((r) => r.ref).sort()).toEqual(toSift.sort());
        // A portfolio larger than a segment is sifted a segment at a time: the same records flagged.
        expect((await siftRecords(monitor, batches, live.slotsOf(sieveIds), { window: 700, segment: 1_000 })).map((r) => r.ref).sort()).toEqual(toSift.sort());
      } finally {
        await batches.close();
      }
      expect(handed).toBe(new Set(rows.map((r) => JSON.stringify({ schema: r.query!.schema, properties: r.query!.properties }))).size);

      // The delta re-screens those and the records with a hit on a changed or removed target, no more.
      const changed = new Set([...diff.added, ...diff.removed, ...diff.changed].map((e) => resolution.canonical(e.id)));
      const affected = await monitor.affectedRecords(changed, sifted);
      // In worker threads (a large portfolio's delta: the threads sift, then screen the flagged records in full).
      const threaded: LiveScreening = { ...live, batches: () => live.batches({ poolFrom: 0 }) };
      const delta = await rescreenAfterChange(t.store, 'us_ofac_sdn', from.id, to.id, { live: threaded });
      expect(delta).toMatchObject({ mode: 'delta', records: affected.length, sievedTargets: sieve.length });
      expect(delta.alerts).toBeGreaterThan(0);
      // A full re-screen after it raises nothing the delta left out.
      const raised = new Set((await monitor.alerts({ limit: 100_000 })).results.map((a) => a.id));
      await rescreenAfterChange(t.store, 'us_ofac_sdn', from.id, to.id, { live, full: true });
      const later = (await monitor.alerts({ limit: 100_000 })).results.filter((a) => !raised.has(a.id));
      expect(later.map((a) => `${a.ref} ${a.target_id} ${a.kind}`)).toEqual([]);
    }, 600_000);
  });
}
