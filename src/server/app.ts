// The HTTP server: Fastify with the API routes, the built web app, and a strict CSP.
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Fastify, { type FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';
import type { Config } from '../config.ts';
import type { Store } from '../store/types.ts';
import { bundledSets, loadBundledIfEmpty } from '../ingest/bundled.ts';
import { freshness } from '../ingest/freshness.ts';
import { installErrorHandler } from './errors.ts';
import { installHostCheck } from './binding.ts';
import { collectOpenApi } from './openapi.ts';
import { coreRoutes, type Readiness } from './routes/core.ts';
import { graphRoutes } from './routes/graph.ts';
import { transferRoutes } from './routes/transfers.ts';
import { analystRoutes } from './routes/analyst.ts';
import { metricsRoutes } from './routes/metrics.ts';
import { GraphService } from '../graph/service.ts';
import { snapshotDirFor } from '../graph/snapshot.ts';
import { ScreeningService } from '../screening/service.ts';
import { screeningRoutes } from './routes/screening.ts';
import { TransferService } from '../transfers/service.ts';
import { watchStore } from '../store/live-watch.ts';
import { resolveRoutes } from './routes/resolve.ts';
import { loadShippedJudgements } from '../resolve/shipped.ts';
import { downstreamReader, watchJudgements } from '../resolve/service.ts';
import { documentRoutes } from './routes/documents.ts';
import { installAccess } from './authenticate.ts';
import { accessRoutes } from './routes/access.ts';
import { installWriteAudit } from './audit-writes.ts';
import { monitorRoutes } from './routes/monitor.ts';
import { reportRoutes } from './routes/reports.ts';
import { jobRoutes } from './routes/jobs.ts';
import { ProcessJobs } from './jobs.ts';
import { workspaceRoutes } from './routes/workspaces.ts';
import { installRateLimit } from './rate-limit.ts';
import { ScreeningAudit } from './screening-audit.ts';
import { sharedCompilers } from './schema-compilers.ts';

const WEB_DIST = fileURLToPath(new URL('../../web/dist/', import.meta.url));

/** Request bodies larger than this are refused with 413 (screening routes set their own, smaller limit). */
const BODY_LIMIT = 5 * 1024 * 1024;

export const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'self'",
].join('; ');

export interface AppHandle {
  app: FastifyInstance;
  /** Loads bundled data if the store is empty and builds the in-memory services; /readyz turns 200 after. */
  prepare(log?: (line: string) => void): Promise<void>;
  /** This process's jobs: `jobs.work()` runs the handlers here (what `serve` does unless INTERDICT_SERVER_JOBS=0); closed with the app. */
  jobs: ProcessJobs;
  /** Resolves once the screening index's entities are all prepared for the matcher, and saved beside its snapshot for the next start (tests and benchmarks that save snapshots). */
  warmed(): Promise<void>;
}

/** A client's own request id is kept (to follow a call across systems) when it is short and plain. */
const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

export interface AppOptions {
  /** false silences the JSON log whatever the configured level. */
  logger?: boolean;
  /** Where the JSON log lines go (default stdout). */
  logStream?: { write(line: string): void };
}

/** The nearest `hops` proxies are trusted to name the address before them. */
const trustHops = (hops: number) => (_address: string, hop: number) => hop < hops;

export async function buildApp(config: Config, store: Store, options: AppOptions = {}): Promise<AppHandle> {
  const app = Fastify({
    // pino's JSON lines; errors carry their stack (pino's `err` serializer), each line its request id.
    logger: options.logger === false ? false : { level: config.logLevel, ...(options.logStream ? { stream: options.logStream } : {}) },
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    },
    bodyLimit: BODY_LIMIT,
    // req.ip: the client named by the trusted proxies, for the per-address limits and the audit trail.
    trustProxy: typeof config.trustProxy === 'number' ? trustHops(config.trustProxy) : config.trustProxy,
    routerOptions: { maxParamLength: 512 },
    schemaController: { compilersFactory: sharedCompilers },
  });
  installErrorHandler(app);
  installHostCheck(app, [...(config.allowedHosts ?? []), config.host]);
  // Before the OpenAPI collector: it adds the 401/403/429/503 answers to every route that needs a role.
  const access = installAccess(app, { store, anonymousRead: config.anonymousRead });
  installWriteAudit(app, store);
  const openapi = collectOpenApi(app);
  // Before every route: the limiter attaches its check to each route as it is added.
  await installRateLimit(app, config, store);
  let readiness: Readiness = { ready: false, stage: 'starting' };
  app.addHook('onSend', async (req, reply, payload) => {
    reply.header('X-Request-Id', req.id);
    if (!reply.hasHeader('Content-Security-Policy')) reply.header('Content-Security-Policy', CSP);
    reply.header('X-Content-Type-Options', 'nosniff');
    reply.header('Referrer-Policy', 'no-referrer');
    return payload;
  });

  const ctx = { config, store, access };
  // Built indexes are kept on disk, so a restart reads them back instead of building them again.
  const snapshotDir = snapshotDirFor(config);
  // Both see resolved entities: one per target with every member record (src/resolve/).
  const reader = downstreamReader(store);
  const graph = new GraphService(reader, { snapshotDir, warn: (line) => app.log.warn(line) });
  const screening = new ScreeningService(reader, {
    log: (line, level) => (level === 'warn' ? app.log.warn(line) : app.log.info(line)),
    subscribe: (listener) => store.onLiveChange(listener),
    snapshotDir,
    freshness: (version) => freshness(version, config.staleAfterDays),
  });
  const transfers = new TransferService(store);
  const detachGraph = graph.attach(store);
  // Imports and syncs by other processes reach this server's indexes too.
  const liveWatch = watchStore(store, { databaseUrl: config.databaseUrl, log: (line) => app.log.info(line) });
  // A new judgement (here or by another process) changes targets: the screening index takes in the
  // targets it touches, the graph rebuilds (watched from prepare on, after the shipped judgements, so a
  // first start builds once).
  let judgementWatch: ReturnType<typeof watchJudgements> | undefined;
  const jobs = new ProcessJobs(store, config, (line) => app.log.info(line));
  app.addHook('onClose', async () => {
    await jobs.close();
    judgementWatch?.stop();
    await liveWatch?.stop();
    detachGraph();
    await screening.close();
  });
  const jobDepth = async () => {
    const depth = await (await jobs.runner()).depth();
    return depth.queued + depth.retry;
  };
  await metricsRoutes(app, { ...ctx, screening: () => screening.stats(), jobDepth });
  await app.register(async (api) => {
    await coreRoutes(api, { ...ctx, readiness: () => readiness, openapi });
    await accessRoutes(api, ctx);
    await workspaceRoutes(api, ctx);
    await screeningRoutes(api, { ...ctx, screening, audit: new ScreeningAudit(store) });
    await graphRoutes(api, { ...ctx, graph });
    await transferRoutes(api, { ...ctx, transfers });
    await analystRoutes(api, ctx);
    await resolveRoutes(api, ctx);
    await documentRoutes(api, { ...ctx, screening });
    await monitorRoutes(api, ctx);
    await reportRoutes(api, ctx);
    await jobRoutes(api, { ...ctx, jobs });
  });

  if (existsSync(WEB_DIST)) {
    await app.register(fastifyStatic, { root: WEB_DIST, prefix: '/app/', wildcard: true, index: ['index.html'] });
    app.get('/', { schema: { hide: true } }, (_req, reply) => reply.sendFile('index.html'));
  } else {
    app.get('/', { schema: { hide: true } }, async () => ({
      name: 'Interdict',
      api: '/openapi.json',
      note: 'the web app is not built: run `npm run build:web`',
    }));
  }

  return {
    app,
    jobs,
    warmed: () => screening.warmed(),
    async prepare(log = () => undefined) {
      // Progress for /readyz (the web app shows it during a first start): three steps, the first by list.
      const step = (n: number, stage: string, done?: number, total?: number) => {
        const within = total ? (done ?? 0) / total : 0;
        readiness = { ready: false, stage, progress: { step: n, steps: 3, done, total, percent: Math.round(((n - 1 + within) / 3) * 100) } };
      };
      const lists = bundledSets().length;
      let imported = 0;
      step(1, 'loading bundled lists', 0, lists);
      if (config.loadBundled) {
        const loaded = await loadBundledIfEmpty(store, (line) => {
          log(line);
          step(1, `loading bundled lists (${++imported} of ${lists} imported)`, imported, lists);
        });
        // The judgements made for the bundled snapshot come with it, on the first start only.
        if (loaded.length) await loadShippedJudgements(store, log);
      }
      judgementWatch ??= watchJudgements(store, (change) => {
        // The screening index and the graph take in just the targets a judgement touches.
        if (change) {
          screening.retarget(change);
          graph.retarget(change);
        } else {
          screening.refresh();
          graph.refresh();
        }
      });
      await judgementWatch.check();
      step(2, 'building the screening index');
      let started = Date.now();
      await screening.start();
      log(`screening index built in ${Date.now() - started} ms`);
      step(3, 'building the graph');
      started = Date.now();
      await graph.graph();
      log(`graph built in ${Date.now() - started} ms`);
      readiness = { ready: true, stage: 'ready' };
    },
  };
}
