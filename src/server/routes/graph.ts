// Graph analysis over HTTP: adjacency, paths, neighbourhoods, exposure (with the 50 % rule),
// centrality and export. Thin: parse the query, call the GraphService, send.
// The pattern for every route file: TypeBox schemas for the request and every answer, so handlers
// are typed without casts and /openapi.json describes what each route sends.
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { filterFromText } from '../../graph/graph.ts';
import { commaList } from '../../model/params.ts';
import { LIMITS, type GraphService } from '../../graph/service.ts';
import { EXPORT_FORMATS } from '../../graph/export.ts';
import type { EdgeFilter } from '../../graph/types.ts';
import type { EvidenceGrade as EvidenceGradeName } from '../../model/grades.ts';
import type { ServerContext } from '../context.ts';
import { seesFor } from '../visibility.ts';
import { ERRORS, EvidenceGrade } from '../schemas/common.ts';
import { refuseOldNames, withApiNames } from '../param-names.ts';
import { AdjacentPage, Centrality, ExposureResult, GraphStats, Neighbourhood, OwnershipAssessment, PathsResult } from '../schemas/graph.ts';

const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 300 }) });

/** Filter fields every traversal takes, as query parameters. */
const filterQuery = {
  types: Type.Optional(Type.String({ description: 'comma-separated relationship types: Ownership, UnknownLink, possibleSameAs, ArmsTransfer.supplier, ...' })),
  min_grade: Type.Optional({ ...EvidenceGrade, description: 'only links at least this strong' }),
  from_date: Type.Optional(Type.String({ description: 'only links whose dates overlap this window (ISO date)' })),
  to_date: Type.Optional(Type.String({ description: 'only links whose dates overlap this window (ISO date)' })),
  same_as: Type.Optional(Type.Boolean({ default: true, description: 'follow possible same-as hypotheses' })),
};

/** An integer option from the service's bounds (a LIMITS entry; a JSON body takes no default). */
function int(bounds: { min: number; max: number; default: number }, options: { description?: string; withDefault?: boolean } = {}) {
  const { withDefault = true, description } = options;
  return Type.Optional(Type.Integer({ minimum: bounds.min, maximum: bounds.max, ...(withDefault ? { default: bounds.default } : {}), ...(description ? { description } : {}) }));
}

function filterOf(q: { types?: string; min_grade?: EvidenceGradeName; from_date?: string; to_date?: string; same_as?: boolean }): EdgeFilter {
  return filterFromText({ types: q.types, minGrade: q.min_grade, fromDate: q.from_date, toDate: q.to_date, sameAs: q.same_as });
}

/** The API's snake_case names of the domain's fields (errors name what the client sent); the old camelCase names are refused. */
const PARAM_NAMES = { minGrade: 'min_grade', fromDate: 'from_date', toDate: 'to_date', sameAs: 'same_as', includeSameAs: 'same_as', maxHops: 'max_hops' } as const;
const preValidation = refuseOldNames(PARAM_NAMES);
const named = <T>(run: () => Promise<T>) => withApiNames(PARAM_NAMES, run);

const SubgraphQuery = Type.Object({
  ids: Type.String({ minLength: 1, description: 'comma-separated entity ids' }),
  hops: int(LIMITS.subgraphHops, { description: 'add the neighbourhood of each id' }),
  ...filterQuery,
});

export async function graphRoutes(server: FastifyInstance, ctx: ServerContext & { graph: GraphService }): Promise<void> {
  const app = server.withTypeProvider<TypeBoxTypeProvider>();
  const { graph } = ctx;

  app.get(
    '/entities/:id/adjacent',
    {
      preValidation,
      schema: {
        summary: 'Direct links of an entity, strongest evidence first, each with its provenance (paged)',
        tags: ['graph'],
        params: IdParams,
        querystring: Type.Object({ ...filterQuery, offset: int(LIMITS.offset), limit: int(LIMITS.pageLimit) }),
        response: { 200: AdjacentPage, ...ERRORS },
      },
    },
    async (req) => {
      const sees = await seesFor(req, ctx.store);
      return named(() => graph.adjacent(req.params.id, { filter: filterOf(req.query), offset: req.query.offset, limit: req.query.limit, sees }));
    },
  );

  app.get(
    '/graph/paths',
    {
      preValidation,
      schema: {
        summary: 'Shortest and k-shortest paths between two entities, every edge with its provenance',
        tags: ['graph'],
        querystring: Type.Object({
          from: Type.String({ minLength: 1 }),
          to: Type.String({ minLength: 1 }),
          max_hops: int(LIMITS.maxHops),
          k: int(LIMITS.k),
          ...filterQuery,
        }),
        response: { 200: PathsResult, ...ERRORS },
      },
    },
    async (req) => {
      const sees = await seesFor(req, ctx.store);
      return named(() => graph.paths(req.query.from, req.query.to, { maxHops: req.query.max_hops, k: req.query.k, filter: filterOf(req.query), sees }));
    },
  );

  app.get(
    '/graph/neighborhood',
    {
      preValidation,
      schema: {
        summary: 'The N-hop neighbourhood of an entity for the explorer, capped, with counts of what was cut',
        tags: ['graph'],
        querystring: Type.Object({ id: Type.String({ minLength: 1 }), hops: int(LIMITS.neighbourhoodHops), limit: int(LIMITS.neighbourhoodLimit), ...filterQuery }),
        response: { 200: Neighbourhood, ...ERRORS },
      },
    },
    async (req) => {
      const sees = await seesFor(req, ctx.store);
      return named(() => graph.neighbourhood(req.query.id, { hops: req.query.hops, limit: req.query.limit, filter: filterOf(req.query), sees }));
    },
  );

  app.get(
    '/entities/:id/exposure',
    {
      preValidation,
      schema: {
        summary: 'Designated entities within N hops, with weighted paths, and the OFAC 50 % rule computation',
        tags: ['graph'],
        params: IdParams,
        querystring: Type.Object({ hops: int(LIMITS.exposureHops), ...filterQuery }),
        response: { 200: ExposureResult, ...ERRORS },
      },
    },
    async (req) => {
      const sees = await seesFor(req, ctx.store);
      return named(() => graph.exposure(req.params.id, { hops: req.query.hops, filter: filterOf(req.query), sees }));
    },
  );

  app.get(
    '/entities/:id/ownership',
    {
      schema: {
        summary: 'The OFAC 50 % rule for one entity: aggregate ownership by blocked persons, with every term',
        tags: ['graph'],
        params: IdParams,
        response: { 200: OwnershipAssessment, ...ERRORS },
      },
    },
    async (req) => {
      const sees = await seesFor(req, ctx.store);
      return named(() => graph.ownership(req.params.id, sees));
    },
  );

  app.get(
    '/graph/centrality',
    {
      preValidation,
      schema: {
        summary: 'Degree, betweenness, PageRank and Louvain communities of a subgraph',
        tags: ['graph'],
        querystring: SubgraphQuery,
        response: { 200: Centrality, ...ERRORS },
      },
    },
    async (req) => {
      const sees = await seesFor(req, ctx.store);
      return named(() => graph.centrality(commaList(req.query.ids), { hops: req.query.hops, filter: filterOf(req.query), sees }));
    },
  );

  app.post(
    '/graph/centrality',
    {
      preValidation,
      schema: {
        summary: 'Centrality for a subgraph given in the body (for long id lists)',
        tags: ['graph'],
        body: Type.Object({
          ids: Type.Array(Type.String(), { minItems: 1, maxItems: 5000 }),
          hops: int(LIMITS.subgraphHops, { withDefault: false }),
          types: Type.Optional(Type.Array(Type.String())),
          min_grade: Type.Optional(EvidenceGrade),
        }),
        response: { 200: Centrality, ...ERRORS },
      },
    },
    async (req) => {
      const sees = await seesFor(req, ctx.store);
      return named(() => graph.centrality(req.body.ids, { hops: req.body.hops, filter: { types: req.body.types, minGrade: req.body.min_grade }, sees }));
    },
  );

  app.get(
    '/graph/export',
    {
      preValidation,
      schema: {
        summary: 'A subgraph as GEXF (Gephi), GraphML (yEd) or FtM JSON lines (a file, not JSON)',
        tags: ['graph'],
        querystring: Type.Object({ ...SubgraphQuery.properties, format: Type.Optional(Type.Enum([...EXPORT_FORMATS], { default: 'gexf' })) }),
        // A string body with a non-JSON content type is sent as it is, never through the JSON serializer.
        response: { 200: Type.String({ description: 'the file: application/gexf+xml, application/graphml+xml or application/x-ndjson' }), ...ERRORS },
      },
    },
    async (req, reply) => {
      const format = req.query.format ?? 'gexf';
      const sees = await seesFor(req, ctx.store);
      const out = await named(() => graph.export(commaList(req.query.ids), format, { hops: req.query.hops, filter: filterOf(req.query), sees }));
      const ext = format === 'ftm' ? 'ftm.json' : format;
      return reply.header('content-type', out.contentType).header('content-disposition', `attachment; filename="interdict-subgraph.${ext}"`).send(out.body);
    },
  );

  app.get(
    '/graph/stats',
    { schema: { summary: 'Size of the loaded graph and its build warnings', tags: ['graph'], response: { 200: GraphStats, ...ERRORS } } },
    async (req) => graph.stats(await seesFor(req, ctx.store)),
  );
}
