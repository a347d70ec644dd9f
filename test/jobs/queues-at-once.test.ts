// Workers starting together on a new PostgreSQL database make pg-boss's queues at the same time. pg-boss
// makes a queue by inserting its row and then a partition of its jobs: two processes making the same
// one at once deadlocked ("deadlock detected": a worker of killed-worker.test.ts failed so in CI, then
// kept running on a closed store). Three deliveries (each its own pool, as three processes) take up the
// worker's three queues at once, over a few fresh databases: none fails.
import { describe, expect, it } from 'vitest';
import { PgBossDelivery } from '../../src/jobs/pg-boss.ts';
import { PG_URL, withPgClient } from '../support/engines.ts';

describe.skipIf(!PG_URL)('pg-boss queues made by several workers at once', () => {
  it('are made once, with no deadlock', async () => {
    const failures: string[] = [];
    for (let round = 0; round < 4; round++) {
      const name = `interdict_queues_${process.pid}_${round}`;
      await withPgClient((admin) => admin.query(`create database ${name}`));
      const url = new URL(PG_URL);
      url.pathname = `/${name}`;
      const deliveries = Array.from({ length: 3 }, () => new PgBossDelivery(url.toString(), 60, async () => {}, 60_000));
      try {
        // pg-boss's own schema is made by the first (its install is pg-boss's to guard); the queues by all at once.
        await deliveries[0].start();
        await Promise.all(deliveries.slice(1).map((d) => d.start()));
        const outcomes = await Promise.allSettled(deliveries.map(async (d) => {
          for (const queue of ['rescreen', 'webhook-delivery', 'sync']) await d.work(queue, async () => {});
        }));
        for (const o of outcomes) if (o.status === 'rejected') failures.push(`round ${round}: ${(o.reason as Error).message}`);
        const queues = await withPgClient(async (client) => (await client.query<{ name: string }>("select name from pgboss.queue where not starts_with(name, '__pgboss') order by name")).rows.map((r) => r.name), url.toString());
        expect(queues).toEqual(['rescreen', 'sync', 'webhook-delivery']);
      } finally {
        await Promise.all(deliveries.map((d) => d.stop({ graceful: false })));
        await withPgClient((admin) => admin.query(`drop database if exists ${name} with (force)`));
      }
    }
    expect(failures).toEqual([]);
  }, 120_000);
});
