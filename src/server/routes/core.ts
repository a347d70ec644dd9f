// Health, catalog, datasets, versions, diffs and entities.
import type { FastifyInstance } from 'fastify';
import { freshness } from '../../ingest/freshness.ts';
import { NotFoundError, ValidationError } from '../../model/errors.ts';
import { hasSchema, schemaIsA } from '../../model/ftm.ts';
import { DiffCache, DIFF_KINDS, pageOfDiff, type DiffKind } from '../../store/diff.ts';
import { resolverFor } from '../../resolve/service.ts';
import type { ServerContext } from '../context.ts';
import { entityView } from '../entities.ts';

export interface Readiness {
  ready: boolean;
  stage: string;
  /** How far the start is: step of steps, and within a step (lists imported) done of total. */
  progress?: { step: number; steps: number; done?: number; total?: number; percent: number };
}

export async function coreRoutes(app: FastifyInstance, ctx: ServerContext & { readiness: () => Readiness; openapi: () => unknown }): Promise<void> {
  app.get('/healthz', { schema: { summary: 'The process is up', tags: ['system'] } }, async () => ({ status: 'ok' }));

  app.get('/readyz', { schema: { summary: 'Data loaded and indexes built', tags: ['system'] } }, async (_req, reply) => {
    const r = ctx.readiness();
    return reply.status(r.ready ? 200 : 503).send({ status: r.ready ? 'ready' : 'starting', stage: r.stage, ...(r.progress ? { progress: r.progress } : {}) });
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

  // Diffs cost seconds to compute and are paged and filtered many times: computed once per pair of
  // versions. (Not ahead of time on a live switch: the indexes rebuild then, and nobody may look.)
  const diffs = new DiffCache();
  const diffOf = async (name: string, from?: string, to?: string) => {
    const latest = (await ctx.store.versions(name))[0]?.id ?? 0;
    return diffs.get(`${name}\u0000${from ?? ''}\u0000${to ?? ''}\u0000${latest}`, () => ctx.store.diff(name, from, to));
  };

  app.get(
    '/datasets/:name/diff',
    {
      schema: {
        summary: 'Entities added, removed and changed between two versions: a page of them, list entries first, with counts per schema',
        tags: ['lists'],
        params: datasetParams,
        querystring: {
          type: 'object',
          properties: {
            from: { type: 'string', description: 'older version: id, label or publication date (default: the one before `to`)' },
            to: { type: 'string', description: 'newer version (default: the latest)' },
            kind: { type: 'string', enum: [...DIFF_KINDS] },
            schema: { type: 'string', maxLength: 64, description: 'only this schema and its descendants, e.g. Person, LegalEntity' },
            q: { type: 'string', maxLength: 200, description: 'only entries whose name or id contains this' },
            offset: { type: 'integer', minimum: 0, default: 0 },
            limit: { type: 'integer', minimum: 1, maximum: 1000, default: 100 },
          },
        },
      },
    },
    async (req) => {
      const { name } = req.params as { name: string };
      const { from, to, kind, schema, q, offset, limit } = req.query as { from?: string; to?: string; kind?: DiffKind; schema?: string; q?: string; offset: number; limit: number };
      if (schema && !hasSchema(schema)) throw new ValidationError('schema', `unknown schema "${schema}"`);
      return pageOfDiff(await diffOf(name, from, to), { kind, schema, q, offset, limit }, schemaIsA);
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
  return {
    stale: f.stale,
    age_days: f.ageDays,
    retired: f.retired !== null,
    ...(f.retired ? { retired_on: f.retired.on, superseded_by: f.retired.supersededBy, retirement_note: f.retired.note } : {}),
    warning: f.warning,
  };
}
