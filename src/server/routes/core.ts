// Health, catalog, datasets, versions, diffs and entities.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { freshness } from '../../ingest/freshness.ts';
import { NotFoundError, ValidationError } from '../../model/errors.ts';
import { hasSchema, schemaIsA } from '../../model/ftm.ts';
import { DiffCache, pageOfDiff } from '../../store/diff.ts';
import { resolverFor } from '../../resolve/service.ts';
import type { ServerContext } from '../context.ts';
import { entityView } from '../entities.ts';
import { seesFor } from '../visibility.ts';
import { ErrorBody, ERRORS } from '../schemas/common.ts';
import { Catalog, DiffKind, DiffPage, EntityView, Health, Readiness as ReadinessAnswer, VersionHistory } from '../schemas/core.ts';

const DIFF_PAGE_SIZE = 100;
const DatasetParams = Type.Object({ name: Type.String({ maxLength: 200 }) });

export interface Readiness {
  ready: boolean;
  stage: string;
  /** How far the start is: step of steps, and within a step (lists imported) done of total. */
  progress?: { step: number; steps: number; done?: number; total?: number; percent: number };
}

export async function coreRoutes(server: FastifyInstance, ctx: ServerContext & { readiness: () => Readiness; openapi: () => unknown }): Promise<void> {
  const app = server.withTypeProvider<TypeBoxTypeProvider>();
  app.get('/healthz', { schema: { summary: 'The process is up', tags: ['system'], response: { 200: Health } } }, async () => ({ status: 'ok' as const }));

  app.get('/readyz', { schema: { summary: 'Data loaded and indexes built', tags: ['system'], response: { 200: ReadinessAnswer, 503: ReadinessAnswer } } }, async (_req, reply) => {
    const r = ctx.readiness();
    return reply.status(r.ready ? 200 : 503).send({ status: r.ready ? 'ready' : 'starting', stage: r.stage, ...(r.progress ? { progress: r.progress } : {}) });
  });

  app.get('/openapi.json', { schema: { hide: true } }, async () => ctx.openapi());

  app.get('/catalog', { schema: { summary: 'Datasets with live version, publication date, counts and stale flags', tags: ['lists'], response: { 200: Catalog, 500: ErrorBody } } }, async (req) => {
    const sees = await seesFor(req, ctx.store);
    const datasets = (await ctx.store.datasets()).filter((d) => !sees || sees(d.name));
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
    return { datasets: out, warnings: out.flatMap((d) => (d.warning ? [d.warning] : [])) };
  });

  app.get(
    '/datasets/:name/versions',
    { schema: { summary: 'The history of versions of a dataset', tags: ['lists'], params: DatasetParams, response: { 200: VersionHistory, ...ERRORS } } },
    async (req) => {
      await checkSeen(req, req.params.name);
      return { dataset: req.params.name, versions: await ctx.store.versions(req.params.name) };
    },
  );

  // A dataset hidden from the asker answers as an unknown one does.
  const checkSeen = async (req: FastifyRequest, name: string) => {
    const sees = await seesFor(req, ctx.store);
    if (sees && !sees(name)) throw new NotFoundError(`unknown dataset: ${name}`); // the store's own words for an unknown one
  };

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
        params: DatasetParams,
        querystring: Type.Object({
          from: Type.Optional(Type.String({ description: 'older version: id, label or publication date (default: the one before `to`)' })),
          to: Type.Optional(Type.String({ description: 'newer version (default: the latest)' })),
          kind: Type.Optional(DiffKind),
          schema: Type.Optional(Type.String({ maxLength: 64, description: 'only this schema and its descendants, e.g. Person, LegalEntity' })),
          q: Type.Optional(Type.String({ maxLength: 200, description: 'only entries whose name or id contains this' })),
          offset: Type.Optional(Type.Integer({ minimum: 0, default: 0 })),
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, default: DIFF_PAGE_SIZE })),
        }),
        response: { 200: DiffPage, ...ERRORS },
      },
    },
    async (req) => {
      // The defaults are applied by the schema; `??` only satisfies the type.
      const { from, to, kind, schema, q, offset = 0, limit = DIFF_PAGE_SIZE } = req.query;
      await checkSeen(req, req.params.name);
      if (schema && !hasSchema(schema)) throw new ValidationError('schema', `unknown schema "${schema}"`);
      return pageOfDiff(await diffOf(req.params.name, from, to), { kind, schema, q, offset, limit }, schemaIsA);
    },
  );

  app.get(
    '/entities/:id',
    {
      schema: {
        summary: 'An entity as FtM JSON, with adjacent entities nested and optionally every value\'s provenance',
        tags: ['entities'],
        params: Type.Object({ id: Type.String({ maxLength: 512 }) }),
        querystring: Type.Object({
          provenance: Type.Optional(Type.Boolean({ default: false, description: "every value's statements, with dataset, version, source document and evidence grade" })),
          nested: Type.Optional(Type.Boolean({ default: true, description: 'the entities that point at this one, under their reverse properties' })),
        }),
        response: { 200: EntityView, ...ERRORS },
      },
    },
    async (req) => {
      const { id } = req.params;
      const { provenance = false, nested = true } = req.query;
      // Any member, referent or canonical id answers with the resolved target and its members (src/resolve/).
      const resolver = resolverFor(ctx.store);
      const sees = await seesFor(req, ctx.store);
      const view = await entityView(await resolver.reader(), id, { provenance, nested, sees });
      if (!view) throw new NotFoundError(`no entity ${id}`);
      const members = await resolver.members(view.id);
      return { ...view, members: sees ? members.filter((m) => sees(m.dataset)) : members };
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
