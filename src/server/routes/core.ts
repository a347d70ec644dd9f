// Health, catalog, datasets, versions, diffs and entities.
import type { FastifyInstance } from 'fastify';
import { freshness } from '../../ingest/freshness.ts';
import { NotFoundError } from '../../model/errors.ts';
import { resolverFor } from '../../resolve/service.ts';
import type { ServerContext } from '../context.ts';
import { entityView } from '../entities.ts';

export interface Readiness {
  ready: boolean;
  stage: string;
}

export async function coreRoutes(app: FastifyInstance, ctx: ServerContext & { readiness: () => Readiness; openapi: () => unknown }): Promise<void> {
  app.get('/healthz', { schema: { summary: 'The process is up', tags: ['system'] } }, async () => ({ status: 'ok' }));

  app.get('/readyz', { schema: { summary: 'Data loaded and indexes built', tags: ['system'] } }, async (_req, reply) => {
    const r = ctx.readiness();
    return reply.status(r.ready ? 200 : 503).send({ status: r.ready ? 'ready' : 'starting', stage: r.stage });
  });

  app.get('/openapi.json', { schema: { hide: true } }, async () => ctx.openapi());

  app.get('/catalog', { schema: { summary: 'Datasets with live version, publication date, counts and stale flags', tags: ['lists'] } }, async () => {
    const datasets = await ctx.store.datasets();
    const out = datasets.map((d) => ({
      name: d.name,
      title: d.title,
      publisher: d.publisher,
      licence: d.licence,
      versions: d.versions,
      version: d.live?.version ?? null,
      published_at: d.live?.publishedAt ?? null,
      imported_at: d.live?.importedAt ?? null,
      entity_count: d.live?.entityCount ?? 0,
      target_count: d.live?.schemaCounts.$targets ?? 0,
      statement_count: d.live?.statementCount ?? 0,
      schema_counts: d.live?.schemaCounts ?? {},
      ...(d.live ? pickFreshness(freshness(d.live, ctx.config.staleAfterDays)) : { stale: true, age_days: null, warning: `${d.name}: no live version` }),
    }));
    return { datasets: out, warnings: out.filter((d) => d.warning).map((d) => d.warning) };
  });

  const datasetParams = { type: 'object', properties: { name: { type: 'string' } }, required: ['name'] } as const;

  app.get('/datasets/:name/versions', { schema: { summary: 'The history of versions of a dataset', tags: ['lists'], params: datasetParams } }, async (req) => {
    const { name } = req.params as { name: string };
    return { dataset: name, versions: await ctx.store.versions(name) };
  });

  app.get(
    '/datasets/:name/diff',
    {
      schema: {
        summary: 'Entities added, removed and changed between two versions',
        tags: ['lists'],
        params: datasetParams,
        querystring: { type: 'object', properties: { from: { type: 'string' }, to: { type: 'string' } } },
      },
    },
    async (req) => {
      const { name } = req.params as { name: string };
      const { from, to } = req.query as { from?: string; to?: string };
      return ctx.store.diff(name, from, to);
    },
  );

  app.get(
    '/entities/:id',
    {
      schema: {
        summary: 'An entity as FtM JSON, with adjacent entities nested and optionally every value\'s provenance',
        tags: ['entities'],
        params: { type: 'object', properties: { id: { type: 'string', maxLength: 512 } }, required: ['id'] },
        querystring: { type: 'object', properties: { provenance: { type: 'boolean', default: false }, nested: { type: 'boolean', default: true } } },
      },
    },
    async (req) => {
      const { id } = req.params as { id: string };
      const { provenance, nested } = req.query as { provenance: boolean; nested: boolean };
      // Any member, referent or canonical id answers with the resolved target and its members (src/resolve/).
      const resolver = resolverFor(ctx.store);
      const view = await entityView(await resolver.reader(), id, { provenance, nested });
      if (!view) throw new NotFoundError(`no entity ${id}`);
      return { ...view, members: await resolver.members(view.id) };
    },
  );
}

function pickFreshness(f: ReturnType<typeof freshness>) {
  return { stale: f.stale, age_days: f.ageDays, warning: f.warning };
}
