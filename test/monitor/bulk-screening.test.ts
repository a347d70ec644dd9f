// A large upload is screened by worker threads (each distinct record once, those with a hit screened
// again in the main thread for their full results): it must raise exactly the alerts, scores and bands
// of the same records screened one by one in this thread, and a full re-screen of it raises nothing new.
// Over the real OFAC subset (test/support/ofac-files.ts): every worker thread builds its own index of
// the list, and the point is that the threads agree, not the list's size.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Monitor } from '../../src/monitor/monitor.ts';
import { liveScreening, rescreenPortfolio, type LiveScreening } from '../../src/monitor/service.ts';
import { syntheticRecords } from '../../bench/monitor-records.ts';
import type { InputRow } from '../../src/screening/batch-input.ts';
import { ENGINES } from '../support/engines.ts';
import { importedStoreForBlock } from '../support/imported.ts';
import { SDN_2021_SUBSET } from '../support/ofac-files.ts';

const dir = mkdtempSync(join(tmpdir(), 'interdict-bulk-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

for (const engine of ENGINES) {
  describe(`bulk screening of a portfolio on ${engine}`, () => {
    const t = importedStoreForBlock(engine, SDN_2021_SUBSET, { author: 'test' }); // the template other files take
    let live: LiveScreening;
    let rows: InputRow[];
    beforeAll(async () => {
      live = await liveScreening(t.store);
      rows = syntheticRecords({ records: 3000, variants: 0.03, seed: 7 }, [...live.entities.values()]);
    });

    it('raises with worker threads exactly what one thread raises', async () => {
      const monitor = Monitor.of(t.store);
      const upload = async (name: string, poolFrom?: number) => {
        const batches = live.batches({ poolFrom });
        try {
          return await monitor.upload(name, rows, { mode: 'replace', actor: 'test', screen: batches.screen });
        } finally {
          await batches.close();
        }
      };
      const pooled = await upload('pooled', 0);
      const oneThread = await upload('one thread', Infinity);
      expect(pooled).toMatchObject({ added: 3000, alerts: oneThread.alerts });
      expect(pooled.alerts).toBeGreaterThan(30);
      const raised = async (portfolio: string) => (await monitor.alerts({ portfolio, limit: 500 })).results.map((a) => `${a.ref} ${a.target_id} ${a.kind} ${a.band} ${a.score}`).sort();
      expect(await raised('pooled')).toEqual(await raised('one thread'));
      expect((await monitor.portfolios()).map((p) => p.records)).toEqual([3000, 3000]);

      const pooledId = (await monitor.portfolios()).find((p) => p.name === 'pooled')!.id;
      const again = await rescreenPortfolio(t.store, pooledId, { live });
      expect(again).toMatchObject({ records: 3000, alerts: 0 });
    }, 300_000);

    // An upload hands its batch screener 5,000 records at a time: the first `poolFrom` of them, counted
    // over the screener's life, are screened in this thread (threads start cold and cost more on a small
    // batch), the rest in threads; screened here, the event loop still turns (a server's other requests).
    it.runIf(engine === 'sqlite')("screens a batch screener's first records here, letting the event loop turn, and the rest in threads", async () => {
      const queries = rows.map((r) => r.query!);
      // Threads hand over the forms they prepared as they end: how one sees they were started.
      const threadsStarted = async (counts: number[]) => {
        const fresh = await liveScreening(t.store);
        const batches = fresh.batches({ poolFrom: 300 });
        try {
          let at = 0;
          for (const count of counts) await batches.screen(queries.slice(at, (at += count)));
        } finally {
          await batches.close();
        }
        return fresh.preparedCount() > 0;
      };
      expect(await threadsStarted([200])).toBe(false);
      expect(await threadsStarted([200, 200])).toBe(true);
      expect(await threadsStarted([400])).toBe(true);

      const batches = live.batches({ poolFrom: Infinity });
      try {
        const screening = batches.screen(queries.slice(0, 600));
        let turns = 0;
        const tick = setInterval(() => turns++, 1);
        await screening.finally(() => clearInterval(tick));
        expect(turns).toBeGreaterThan(0);
      } finally {
        await batches.close();
      }
    }, 300_000);

    // Two batches asked for at once (an upload screens the next chunk while it writes one) take turns in the
    // pool. Only the screener is at work here, not the store: one engine checks it.
    it.runIf(engine === 'sqlite')('screens two batches asked for at once in turn, as one thread screens them', async () => {
      const batches = live.batches({ poolFrom: 0 });
      try {
        const queries = rows.map((r) => r.query!);
        const [first, second] = await Promise.all([batches.screen(queries.slice(0, 1500)), batches.screen(queries.slice(1500))]);
        // What monitoring keeps of a record's results: those not clear (a record that hits nothing answers none).
        const hits = (results: { entity: { id: string }; score: number; band: string }[][]) => results.map((r) => r.filter((h) => h.band !== 'clear').map((h) => `${h.entity.id} ${h.score}`).join());
        const expected = hits(queries.map((q) => live.screen(q)));
        expect(expected.filter(Boolean).length).toBeGreaterThan(30);
        expect(hits([...first.results, ...second.results])).toEqual(expected);
      } finally {
        await batches.close();
      }
    }, 300_000);
  });
}
