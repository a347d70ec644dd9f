// Screening over HTTP: yente-compatible /match, /search with facets, OpenRefine /reconcile and
// /algorithms. Thin: parse, call the ScreeningService, send. Validation errors become 400s naming
// the field (src/server/errors.ts); an unknown dataset is a 404.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { algorithmNames, DEFAULT_ALGORITHM } from '../../screening/algorithms.ts';
import { MAX_BODY_BYTES, MAX_MATCH_LIMIT, MAX_QUERIES_PER_REQUEST, MAX_SEARCH_LIMIT } from '../../screening/limits.ts';
import { reconcileManifest } from '../../screening/reconcile.ts';
import type { ScreeningService } from '../../screening/service.ts';
import type { ServerContext } from '../context.ts';

const datasetParams = {
  type: 'object',
  properties: {
    dataset: {
      type: 'string',
      maxLength: 200,
      description: 'a dataset name; `default`: the sanctions lists for /match and /reconcile, every live dataset for /search; `all`: every live dataset (case files and analysts\' datasets included)',
    },
  },
  required: ['dataset'],
} as const;

const listOfStrings = { type: 'array', items: { type: 'string' } } as const;

export async function screeningRoutes(app: FastifyInstance, ctx: ServerContext & { screening: ScreeningService }): Promise<void> {
  const { screening } = ctx;

  if (!app.hasContentTypeParser('application/x-www-form-urlencoded')) {
    // OpenRefine posts its batches as a form field.
    app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: MAX_BODY_BYTES }, (_req, body, done) => {
      done(null, Object.fromEntries(new URLSearchParams(body as string)));
    });
  }

  app.post(
    '/match/:dataset',
    {
      bodyLimit: MAX_BODY_BYTES,
      schema: {
        summary: `Match entities by example (yente-compatible); at most ${MAX_QUERIES_PER_REQUEST} queries and ${MAX_BODY_BYTES} bytes per request`,
        description:
          'Each result has a `band` (match: score ≥ threshold; review: a score from 0.55 up to the threshold, or a near-exact name with a ' +
          'conflicting or missing detail; clear) and a one-line `reason`; each response a `band` and `warnings` naming values read leniently ' +
          'or left out. The answer names its `scope`, the `lists` (versions, publication dates, stale flags) and their `warnings`.',
        tags: ['screening'],
        params: datasetParams,
        querystring: {
          type: 'object',
          properties: {
            limit: { type: 'integer', minimum: 1, maximum: MAX_MATCH_LIMIT, default: 5, description: 'results per query' },
            threshold: { type: 'number', minimum: 0, maximum: 1, description: 'score at which a result is a match (default: the matcher\'s documented threshold)' },
            cutoff: { type: 'number', minimum: 0, maximum: 1, description: 'results scoring at or below this are left out' },
            algorithm: { type: 'string', default: DEFAULT_ALGORITHM, description: `one of ${algorithmNames().join(', ')}` },
            include_dataset: { ...listOfStrings, description: 'only these datasets' },
            exclude_dataset: { ...listOfStrings, description: 'leave out these datasets' },
            exclude_schema: { ...listOfStrings, description: 'leave out these schemata' },
            topics: { ...listOfStrings, description: 'only entities with one of these topics' },
          },
        },
        body: {
          // Shapes are checked by the screening service, which names the offending field.
          type: 'object',
          properties: {
            queries: { description: 'query key → {"schema": "Person", "properties": {"name": [...], "birthDate": [...]}}' },
            weights: { description: 'feature weight overrides: {feature: number}' },
          },
        },
      },
    },
    async (req, reply) => {
      const { dataset } = req.params as { dataset: string };
      const result = await screening.match(dataset, req.body, req.query as Record<string, unknown>);
      void reply.header('x-batch-size', String(Object.keys(result.responses).length));
      return result;
    },
  );

  app.get(
    '/search/:dataset',
    {
      schema: {
        summary: 'Search entities by name or identifier, with facets (schema, countries, datasets, topics) and paging',
        tags: ['screening'],
        params: datasetParams,
        querystring: {
          type: 'object',
          properties: {
            q: { type: 'string', description: 'a name or identifier; empty lists everything' },
            schema: { type: 'string', description: 'only this schema and its descendants' },
            countries: { ...listOfStrings, description: 'ISO country codes' },
            datasets: listOfStrings,
            topics: listOfStrings,
            limit: { type: 'integer', minimum: 0, maximum: MAX_SEARCH_LIMIT, default: 10 },
            offset: { type: 'integer', minimum: 0, default: 0 },
          },
        },
      },
    },
    async (req) => {
      const { dataset } = req.params as { dataset: string };
      return screening.search(dataset, req.query as Record<string, unknown>);
    },
  );

  app.get(
    '/reconcile/:dataset',
    {
      schema: {
        summary: 'OpenRefine reconciliation service manifest (or a batch in `queries`)',
        tags: ['screening'],
        params: datasetParams,
        querystring: { type: 'object', properties: { queries: { type: 'string', description: 'JSON batch of reconciliation queries' } } },
      },
    },
    async (req) => {
      const { dataset } = req.params as { dataset: string };
      const { queries } = req.query as { queries?: string };
      if (queries) return screening.reconcile(dataset, queries);
      await screening.checkDataset(dataset);
      return reconcileManifest(dataset, baseUrl(req));
    },
  );

  app.post(
    '/reconcile/:dataset',
    {
      bodyLimit: MAX_BODY_BYTES,
      schema: {
        summary: 'OpenRefine reconciliation queries: form field `queries` with a JSON batch',
        tags: ['screening'],
        params: datasetParams,
      },
    },
    async (req, reply) => {
      const { dataset } = req.params as { dataset: string };
      const body = (req.body ?? {}) as Record<string, unknown>;
      const result = await screening.reconcile(dataset, body.queries);
      void reply.header('x-batch-size', String(Object.keys(result).length));
      return result;
    },
  );

  app.get('/algorithms', { schema: { summary: 'Matching algorithms accepted by /match (yente names map to Interdict\'s matcher)', tags: ['screening'] } }, async () => {
    const threshold = await screening.defaultThreshold();
    return {
      algorithms: algorithmNames().map((name) => ({ name, description: name === DEFAULT_ALGORITHM ? 'Interdict matcher' : `accepted for yente compatibility; runs ${DEFAULT_ALGORITHM}`, features: {} })),
      default: DEFAULT_ALGORITHM,
      best: DEFAULT_ALGORITHM,
      threshold,
    };
  });
}

function baseUrl(req: FastifyRequest): string {
  return `${req.protocol}://${req.host}`;
}
