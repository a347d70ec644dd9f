// `/metrics` in Prometheus's text format: request latency per route, the screening index's size and
// age, each list's freshness, and the job queue's depth.
import type { FastifyInstance } from 'fastify';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { freshness } from '../../ingest/freshness.ts';
import type { ScreeningStats } from '../../screening/service.ts';
import type { ServerContext } from '../context.ts';
import { seesFor } from '../visibility.ts';
import { PrometheusText } from '../schemas/metrics.ts';

/** Seconds; from a cached /healthz (≈ 1 ms) to a large graph export or batch (tens of seconds). */
const LATENCY_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

export interface MetricsSources {
  screening: () => ScreeningStats;
  /** Jobs waiting to run (queued, or waiting for a retry). */
  jobDepth: () => Promise<number>;
}

export async function metricsRoutes(app: FastifyInstance, ctx: ServerContext & MetricsSources): Promise<void> {
  // A registry per server, not prom-client's global one: tests start many servers in one process.
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'interdict_' });

  const latency = new Histogram({
    name: 'interdict_http_request_duration_seconds',
    help: 'HTTP request latency by route (the route pattern, not the URL) and status code',
    labelNames: ['method', 'route', 'status_code'],
    buckets: LATENCY_BUCKETS,
    registers: [registry],
  });
  const errors = new Counter({
    name: 'interdict_http_server_errors_total',
    help: 'Responses with a 5xx status, by route',
    labelNames: ['method', 'route'],
    registers: [registry],
  });
  // Hooks on the root instance: route plugins are encapsulated, and the hook must see all of them.
  app.addHook('onResponse', async (req, reply) => {
    // Unmatched URLs share one label so a scan of random paths cannot grow the series without bound.
    const route = req.routeOptions.url ?? 'unmatched';
    latency.observe({ method: req.method, route, status_code: String(reply.statusCode) }, reply.elapsedTime / 1000);
    if (reply.statusCode >= 500) errors.inc({ method: req.method, route });
  });

  const screening = () => ctx.screening();
  new Gauge({
    name: 'interdict_index_entities',
    help: 'Entities in the live screening index (0 while the first build runs)',
    registers: [registry],
    collect() {
      this.set(screening().entities);
    },
  });
  new Gauge({
    name: 'interdict_index_keys',
    help: 'Candidate keys in the live screening index',
    registers: [registry],
    collect() {
      this.set(screening().keys);
    },
  });
  new Gauge({
    name: 'interdict_index_age_seconds',
    help: 'Seconds since the live screening index was built (absent before the first build)',
    registers: [registry],
    collect() {
      this.reset();
      const builtAt = screening().builtAt;
      if (builtAt) this.set((Date.now() - Date.parse(builtAt)) / 1000);
    },
  });
  new Gauge({
    name: 'interdict_index_building',
    help: '1 while the screening index is being (re)built',
    registers: [registry],
    collect() {
      this.set(screening().building ? 1 : 0);
    },
  });
  new Gauge({
    name: 'interdict_job_queue_depth',
    help: 'Background jobs (re-screens, webhook deliveries) waiting to run: queued or waiting for a retry',
    registers: [registry],
    async collect() {
      this.set(await ctx.jobDepth());
    },
  });

  const listAge = new Gauge({
    name: 'interdict_list_age_seconds',
    help: "Seconds since the live version of each list was published (the publisher's date)",
    labelNames: ['dataset'],
    registers: [registry],
  });
  const listStale = new Gauge({
    name: 'interdict_list_stale',
    help: '1 when a list is older than INTERDICT_STALE_DAYS or its publication date is unknown',
    labelNames: ['dataset'],
    registers: [registry],
  });
  const listEntities = new Gauge({
    name: 'interdict_list_entities',
    help: 'Entities in the live version of each list',
    labelNames: ['dataset'],
    registers: [registry],
  });

  app.get('/metrics', { schema: { summary: 'Prometheus metrics', tags: ['system'], response: { 200: PrometheusText } } }, async (req, reply) => {
    // The lists are read per scrape (one small query), so a version switched by `import` in another
    // process shows at the next scrape.
    listAge.reset();
    listStale.reset();
    listEntities.reset();
    const now = Date.now();
    const sees = await seesFor(req, ctx.store); // a confidential workspace is not named to a scraper outside it
    for (const d of await ctx.store.datasets()) {
      if (!d.live || (sees && !sees(d.name))) continue;
      const fresh = freshness(d.live, ctx.config.staleAfterDays, new Date(now));
      if (fresh.publishedAt) listAge.set({ dataset: d.name }, (now - Date.parse(fresh.publishedAt)) / 1000);
      listStale.set({ dataset: d.name }, fresh.stale ? 1 : 0);
      listEntities.set({ dataset: d.name }, d.live.entityCount);
    }
    return reply.type(registry.contentType).send(await registry.metrics());
  });
}
