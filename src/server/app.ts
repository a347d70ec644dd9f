// The HTTP server: Fastify with the API routes, the built web app, and a strict CSP.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Fastify, { type FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';
import type { Config } from '../config.ts';
import type { Store } from '../store/types.ts';
import { loadBundledIfEmpty } from '../ingest/bundled.ts';
import { installErrorHandler } from './errors.ts';
import { collectOpenApi } from './openapi.ts';
import { coreRoutes, type Readiness } from './routes/core.ts';
import { graphRoutes } from './routes/graph.ts';
import { transferRoutes } from './routes/transfers.ts';
import { analystRoutes } from './routes/analyst.ts';
import { GraphService } from '../graph/service.ts';
import { ScreeningService } from '../screening/service.ts';
import { screeningRoutes } from './routes/screening.ts';
import { TransferService } from '../transfers/service.ts';
import { documentRoutes } from './routes/documents.ts';

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
}

export async function buildApp(config: Config, store: Store, options: { logger?: boolean } = {}): Promise<AppHandle> {
  const app = Fastify({ logger: options.logger ?? false, bodyLimit: BODY_LIMIT, routerOptions: { maxParamLength: 512 } });
  installErrorHandler(app);
  const openapi = collectOpenApi(app);
  let readiness: Readiness = { ready: false, stage: 'starting' };
  app.addHook('onSend', async (_req, reply, payload) => {
    reply.header('Content-Security-Policy', CSP);
    reply.header('X-Content-Type-Options', 'nosniff');
    reply.header('Referrer-Policy', 'no-referrer');
    return payload;
  });

  const ctx = { config, store };
  const graph = new GraphService(store);
  const screening = new ScreeningService(store, { subscribe: (listener) => store.onLiveChange(listener) });
  const transfers = new TransferService(store);
  const detachGraph = graph.attach(store);
  app.addHook('onClose', async () => {
    detachGraph();
    await screening.close();
  });
  await app.register(async (api) => {
    await coreRoutes(api, { ...ctx, readiness: () => readiness, openapi });
    await screeningRoutes(api, { ...ctx, screening });
    await graphRoutes(api, { ...ctx, graph });
    await transferRoutes(api, { ...ctx, transfers });
    await analystRoutes(api, ctx);
    await documentRoutes(api, { ...ctx, screening });
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
    async prepare(log = () => undefined) {
      readiness = { ready: false, stage: 'loading bundled lists' };
      if (config.loadBundled) await loadBundledIfEmpty(store, log);
      readiness = { ready: false, stage: 'building the screening index' };
      let started = Date.now();
      await screening.start();
      log(`screening index built in ${Date.now() - started} ms`);
      readiness = { ready: false, stage: 'building the graph' };
      started = Date.now();
      await graph.graph();
      log(`graph built in ${Date.now() - started} ms`);
      readiness = { ready: true, stage: 'ready' };
    },
  };
}
