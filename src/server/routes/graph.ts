// Graph analysis over HTTP: adjacency, paths, neighbourhoods, exposure (with the 50 % rule),
// centrality and export. Thin: parse the query, call the GraphService, send.
import type { FastifyInstance } from 'fastify';
import { filterFromText } from '../../graph/graph.ts';
import { commaList } from '../../model/params.ts';
import { LIMITS, type GraphService } from '../../graph/service.ts';
import { EXPORT_FORMATS } from '../../graph/export.ts';
import type { EdgeFilter } from '../../graph/types.ts';
import { EVIDENCE_GRADES, type EvidenceGrade } from '../../model/grades.ts';
import type { ServerContext } from '../context.ts';

const idParams = { type: 'object', properties: { id: { type: 'string', minLength: 1, maxLength: 300 } }, required: ['id'] } as const;

/** Filter fields every traversal takes, as query parameters. */
const filterQuery = {
  types: { type: 'string', description: 'comma-separated relationship types: Ownership, UnknownLink, possibleSameAs, ArmsTransfer.supplier, ...' },
  minGrade: { type: 'string', enum: [...EVIDENCE_GRADES], description: 'only links at least this strong' },
  from_date: { type: 'string', description: 'only links whose dates overlap this window (ISO date)' },
  to_date: { type: 'string', description: 'only links whose dates overlap this window (ISO date)' },
  sameAs: { type: 'boolean', default: true, description: 'follow possible same-as hypotheses' },
} as const;

type FilterQuery = { types?: string; minGrade?: string; from_date?: string; to_date?: string; sameAs?: boolean };

/** A route's JSON schema for an integer option, from the service's bounds (a JSON body takes no default). */
function intSchema(bounds: { min: number; max: number; default: number }, withDefault = true) {
  return { type: 'integer', minimum: bounds.min, maximum: bounds.max, ...(withDefault ? { default: bounds.default } : {}) } as const;
}

function filterOf(q: FilterQuery): EdgeFilter {
  return filterFromText({ types: q.types, minGrade: q.minGrade, fromDate: q.from_date, toDate: q.to_date, sameAs: q.sameAs });
}

export async function graphRoutes(app: FastifyInstance, ctx: ServerContext & { graph: GraphService }): Promise<void> {
  const { graph } = ctx;

  app.get(
    '/entities/:id/adjacent',
    {
      schema: {
        summary: 'Direct links of an entity, strongest evidence first, each with its provenance (paged)',
        tags: ['graph'],
        params: idParams,
        querystring: { type: 'object', properties: { ...filterQuery, offset: intSchema(LIMITS.offset), limit: intSchema(LIMITS.pageLimit) } },
      },
    },
    async (req) => {
      const q = req.query as FilterQuery & { offset?: number; limit?: number };
      return graph.adjacent((req.params as { id: string }).id, { filter: filterOf(q), offset: q.offset, limit: q.limit });
    },
  );

  app.get(
    '/graph/paths',
    {
      schema: {
        summary: 'Shortest and k-shortest paths between two entities, every edge with its provenance',
        tags: ['graph'],
        querystring: {
          type: 'object',
          required: ['from', 'to'],
          properties: {
            from: { type: 'string', minLength: 1 },
            to: { type: 'string', minLength: 1 },
            maxHops: intSchema(LIMITS.maxHops),
            k: intSchema(LIMITS.k),
            ...filterQuery,
          },
        },
      },
    },
    async (req) => {
      const q = req.query as FilterQuery & { from: string; to: string; maxHops?: number; k?: number };
      return graph.paths(q.from, q.to, { maxHops: q.maxHops, k: q.k, filter: filterOf(q) });
    },
  );

  app.get(
    '/graph/neighborhood',
    {
      schema: {
        summary: 'The N-hop neighbourhood of an entity for the explorer, capped, with counts of what was cut',
        tags: ['graph'],
        querystring: {
          type: 'object',
          required: ['id'],
          properties: { id: { type: 'string', minLength: 1 }, hops: intSchema(LIMITS.neighbourhoodHops), limit: intSchema(LIMITS.neighbourhoodLimit), ...filterQuery },
        },
      },
    },
    async (req) => {
      const q = req.query as FilterQuery & { id: string; hops?: number; limit?: number };
      return graph.neighbourhood(q.id, { hops: q.hops, limit: q.limit, filter: filterOf(q) });
    },
  );

  app.get(
    '/entities/:id/exposure',
    {
      schema: {
        summary: 'Designated entities within N hops, with weighted paths, and the OFAC 50 % rule computation',
        tags: ['graph'],
        params: idParams,
        querystring: { type: 'object', properties: { hops: intSchema(LIMITS.exposureHops), ...filterQuery } },
      },
    },
    async (req) => {
      const q = req.query as FilterQuery & { hops?: number };
      return graph.exposure((req.params as { id: string }).id, { hops: q.hops, filter: filterOf(q) });
    },
  );

  app.get(
    '/entities/:id/ownership',
    { schema: { summary: 'The OFAC 50 % rule for one entity: aggregate ownership by blocked persons, with every term', tags: ['graph'], params: idParams } },
    async (req) => graph.ownership((req.params as { id: string }).id),
  );

  const subgraphQuery = {
    type: 'object',
    required: ['ids'],
    properties: { ids: { type: 'string', minLength: 1, description: 'comma-separated entity ids' }, hops: { ...intSchema(LIMITS.subgraphHops), description: 'add the neighbourhood of each id' }, ...filterQuery },
  } as const;

  app.get(
    '/graph/centrality',
    { schema: { summary: 'Degree, betweenness, PageRank and Louvain communities of a subgraph', tags: ['graph'], querystring: subgraphQuery } },
    async (req) => {
      const q = req.query as FilterQuery & { ids: string; hops?: number };
      return graph.centrality(commaList(q.ids), { hops: q.hops, filter: filterOf(q) });
    },
  );

  app.post(
    '/graph/centrality',
    {
      schema: {
        summary: 'Centrality for a subgraph given in the body (for long id lists)',
        tags: ['graph'],
        body: {
          type: 'object',
          required: ['ids'],
          properties: { ids: { type: 'array', items: { type: 'string' }, minItems: 1, maxItems: 5000 }, hops: intSchema(LIMITS.subgraphHops, false), types: { type: 'array', items: { type: 'string' } }, minGrade: { type: 'string', enum: [...EVIDENCE_GRADES] } },
        },
      },
    },
    async (req) => {
      const b = req.body as { ids: string[]; hops?: number; types?: string[]; minGrade?: EvidenceGrade };
      return graph.centrality(b.ids, { hops: b.hops, filter: { types: b.types, minGrade: b.minGrade } });
    },
  );

  app.get(
    '/graph/export',
    {
      schema: {
        summary: 'A subgraph as GEXF (Gephi), GraphML (yEd) or FtM JSON lines',
        tags: ['graph'],
        querystring: { ...subgraphQuery, properties: { ...subgraphQuery.properties, format: { type: 'string', enum: [...EXPORT_FORMATS], default: 'gexf' } } },
      },
    },
    async (req, reply) => {
      const q = req.query as FilterQuery & { ids: string; hops?: number; format?: string };
      const out = await graph.export(commaList(q.ids), q.format ?? 'gexf', { hops: q.hops, filter: filterOf(q) });
      const ext = q.format === 'ftm' ? 'ftm.json' : (q.format ?? 'gexf');
      return reply.header('content-type', out.contentType).header('content-disposition', `attachment; filename="interdict-subgraph.${ext}"`).send(out.body);
    },
  );

  app.get('/graph/stats', { schema: { summary: 'Size of the loaded graph and its build warnings', tags: ['graph'] } }, async () => graph.stats());
}
