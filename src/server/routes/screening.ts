// Screening over HTTP: yente-compatible /match, /search with facets, OpenRefine /reconcile and
// /algorithms. Thin: parse, call the ScreeningService, send. Validation errors become 400s naming
// the field (src/server/errors.ts); an unknown dataset is a 404.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { DEFAULT_ALGORITHM, algorithmNames, matcherOf } from '../../screening/algorithms.ts';
import { MAX_BODY_BYTES, MAX_QUERIES_PER_REQUEST } from '../../screening/limits.ts';
import { isPlainObject } from '../../screening/query.ts';
import { reconcileManifest } from '../../screening/reconcile.ts';
import type { ScreeningService } from '../../screening/service.ts';
import type { ServerContext } from '../context.ts';
import { keyDatasets } from '../key-scope.ts';
import type { ScreeningAudit } from '../screening-audit.ts';
import { ErrorBody, ERRORS } from '../schemas/common.ts';
import { seesFor } from '../visibility.ts';
import { stringify } from 'csv-stringify/sync';
import { BATCH_CSV_COLUMNS, batchCsvRows } from '../../screening/batch-output.ts';
import {
  Algorithms,
  BatchCsv,
  BatchJsonLines,
  BatchResultsBody,
  DatasetParams,
  MatchBody,
  MatchQuerystring,
  MatchResponse,
  ReconcileBody,
  ReconcileManifest,
  ReconcileQuerystring,
  ReconcileResults,
  SearchQuerystring,
  SearchResponse,
} from '../schemas/screening.ts';

/** Batch results sent back to be written as a file: a few hundred bytes per result without explanations. */
const MAX_BATCH_RESULTS_BYTES = 50 * 1024 * 1024;

/** A body over the limit is refused before it is read. */
const BODY_ERRORS = { ...ERRORS, 413: ErrorBody } as const;

/**
 * `audit` records every screening (the server always passes it: src/server/app.ts). Without it nothing is
 * recorded: the screening routes mounted alone, as contract tests and bench:screen do, with no accounts.
 */
export async function screeningRoutes(server: FastifyInstance, ctx: ServerContext & { screening: ScreeningService; audit?: ScreeningAudit }): Promise<void> {
  const app = server.withTypeProvider<TypeBoxTypeProvider>();
  const { screening } = ctx;
  const audit = ctx.audit;

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
        params: DatasetParams,
        querystring: MatchQuerystring,
        body: MatchBody,
        response: { 200: MatchResponse, ...BODY_ERRORS },
      },
    },
    async (req, reply) => {
      const { dataset } = req.params;
      const within = keyDatasets(req.principal, dataset, req.query.include_dataset, 'include_dataset');
      const result = await screening.match(dataset, req.body, within ? { ...req.query, include_dataset: within } : req.query, await seesFor(req, ctx.store));
      await audit?.match(req, result);
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
        params: DatasetParams,
        querystring: SearchQuerystring,
        response: { 200: SearchResponse, ...ERRORS },
      },
    },
    async (req) => {
      const { dataset } = req.params;
      const within = keyDatasets(req.principal, dataset, req.query.datasets, 'datasets');
      const result = await screening.search(dataset, within ? { ...req.query, datasets: within } : req.query, await seesFor(req, ctx.store));
      await audit?.search(req, req.query, result);
      return result;
    },
  );

  app.get(
    '/reconcile/:dataset',
    {
      schema: {
        summary: 'OpenRefine reconciliation service manifest (or a batch in `queries`)',
        tags: ['screening'],
        params: DatasetParams,
        querystring: ReconcileQuerystring,
        response: { 200: Type.Union([ReconcileManifest, ReconcileResults], { description: 'the manifest, or with `queries` their candidates' }), ...ERRORS },
      },
    },
    async (req) => {
      const { dataset } = req.params;
      const { queries } = req.query;
      const within = keyDatasets(req.principal, dataset, undefined, 'dataset');
      if (queries) return reconcile(req, dataset, queries, within);
      await screening.checkDataset(dataset, await seesFor(req, ctx.store));
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
        params: DatasetParams,
        body: ReconcileBody,
        response: { 200: ReconcileResults, ...BODY_ERRORS },
      },
    },
    async (req, reply) => {
      const { dataset } = req.params;
      const within = keyDatasets(req.principal, dataset, undefined, 'dataset');
      const result = await reconcile(req, dataset, isPlainObject(req.body) ? req.body.queries : undefined, within);
      void reply.header('x-batch-size', String(Object.keys(result).length));
      return result;
    },
  );

  // The web app's batch downloads, written by the module `interdict screen` uses, so both write one schema.
  app.post(
    '/batch/results.csv',
    {
      bodyLimit: MAX_BATCH_RESULTS_BYTES,
      schema: {
        summary: 'A screened batch (records as `interdict screen` writes them) as the CLI\'s CSV',
        tags: ['screening'],
        body: BatchResultsBody,
        response: { 200: BatchCsv, ...BODY_ERRORS },
      },
    },
    async (req, reply) => {
      const rows = [[...BATCH_CSV_COLUMNS], ...req.body.records.flatMap(batchCsvRows)];
      return reply.type('text/csv; charset=utf-8').send(stringify(rows));
    },
  );

  app.post(
    '/batch/results.jsonl',
    {
      bodyLimit: MAX_BATCH_RESULTS_BYTES,
      schema: {
        summary: 'A screened batch as the CLI\'s JSON lines: each record checked against the schema, one per line',
        tags: ['screening'],
        body: BatchResultsBody,
        response: { 200: BatchJsonLines, ...BODY_ERRORS },
      },
    },
    async (req, reply) => reply.type('application/x-ndjson; charset=utf-8').send(req.body.records.map((r) => `${JSON.stringify(r)}\n`).join('')),
  );

  /** Reconciliation answers carry no scope, so the record asks for it beside them. */
  async function reconcile(req: FastifyRequest, dataset: string, queries: unknown, within: string[] | undefined) {
    const result = await screening.reconcile(dataset, queries, await seesFor(req, ctx.store), within);
    if (audit) await audit.reconcile(req, queries, await screening.screeningContext(dataset, within), result);
    return result;
  }

  app.get(
    '/algorithms',
    { schema: { summary: "Matching algorithms accepted by /match (yente names map to Interdict's matcher)", tags: ['screening'], response: { 200: Algorithms, 500: ErrorBody } } },
    async () => ({
      algorithms: algorithmNames().map((name) => ({
        name,
        description: matcherOf(name) === name ? (name === DEFAULT_ALGORITHM ? 'Interdict matcher, hand-set weights (the default)' : 'Interdict matcher, learned weights (logistic regression)') : `accepted for yente compatibility; runs ${DEFAULT_ALGORITHM}`,
        features: {},
      })),
      default: DEFAULT_ALGORITHM,
      best: DEFAULT_ALGORITHM,
      threshold: await screening.defaultThreshold(),
    }),
  );
}

function baseUrl(req: FastifyRequest): string {
  return `${req.protocol}://${req.host}`;
}
