// Monitoring over HTTP (issue 14): portfolios uploaded as the batch CSV layout or FtM JSON lines, the
// alert inbox with its filters, an alert with its history, decisions (four eyes for a true match) and
// assignment. The same domain functions as `interdict portfolio` and `interdict alerts`.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { atLeast } from '../../access/roles.ts';
import { snapshotDirFor } from '../../graph/snapshot.ts';
import { Monitor } from '../../monitor/monitor.ts';
import { liveScreening, uploadPortfolio, type LiveScreening } from '../../monitor/service.ts';
import { readScreeningInput } from '../../screening/batch-input.ts';
import { actorFor } from '../authenticate.ts';
import { PortfolioAccess } from '../portfolio-access.ts';
import type { ServerContext } from '../context.ts';
import { ErrorBody, ERRORS } from '../schemas/common.ts';
import { AlertDetail, AlertPage, AlertQuery, Assignment, DecisionBody, DecisionResult, PortfolioList, UploadQuery, UploadReport } from '../schemas/monitor.ts';

const UPLOAD_TYPES = ['text/csv', 'application/x-ndjson', 'application/jsonl', 'text/plain'];
const UPLOAD_LIMIT = 100 * 1024 * 1024;
const NameParams = Type.Object({ name: Type.String({ minLength: 1, maxLength: 100, pattern: '^[A-Za-z0-9][A-Za-z0-9 ._-]*$' }) });
const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 100 }) });

export async function monitorRoutes(server: FastifyInstance, ctx: ServerContext): Promise<void> {
  const app = server.withTypeProvider<TypeBoxTypeProvider>();
  const monitor = Monitor.of(ctx.store);
  const access = new PortfolioAccess(monitor, ctx.store);
  // Screening the live lists takes seconds to build: kept while the live versions stay the same.
  let live: { key: string; screening: Promise<LiveScreening> } | undefined;
  const liveNow = async () => {
    const key = (await ctx.store.liveVersions()).map((v) => v.id).join(',');
    if (live?.key !== key) live = { key, screening: liveScreening(ctx.store, { snapshotDir: snapshotDirFor(ctx.config) }) };
    return live.screening;
  };

  app.get('/portfolios', { schema: { summary: 'Portfolios under watch with their record counts', tags: ['monitoring'], response: { 200: PortfolioList, ...ERRORS } } }, async (req) => ({
    results: await access.portfolios(req),
  }));

  await app.register(async (plain) => {
    const uploads = plain.withTypeProvider<TypeBoxTypeProvider>();
    uploads.removeContentTypeParser(['text/plain']);
    uploads.addContentTypeParser(UPLOAD_TYPES, { parseAs: 'string', bodyLimit: UPLOAD_LIMIT }, (_req, body, done) => done(null, body));
    uploads.put(
      '/portfolios/:name',
      {
        schema: {
          summary: 'Upload records to watch (batch CSV with your reference in `id`, or FtM JSON lines): screened on arrival; `mode=replace` (default) removes references the file lacks',
          tags: ['monitoring'],
          params: NameParams,
          querystring: UploadQuery,
          response: { 200: UploadReport, ...ERRORS, 413: ErrorBody, 415: ErrorBody, 422: ErrorBody },
        },
      },
      async (req, reply) => {
        if (typeof req.body !== 'string') return reply.status(415).send({ error: `send the file as ${UPLOAD_TYPES.join(', ')}`, status: 415 });
        // The CLI's reader, so both read a file the same way (line numbers, lenient values, unscreenable rows).
        const dir = mkdtempSync(join(tmpdir(), 'interdict-portfolio-'));
        try {
          const format = req.headers['content-type']?.includes('csv') ? 'csv' : req.body.trimStart().startsWith('{') ? 'jsonl' : 'csv';
          const file = join(dir, `${req.params.name}.${format}`);
          writeFileSync(file, req.body);
          const workspace = await access.uploadTarget(req, req.params.name, req.query.workspace);
          const rows = await readScreeningInput(file, { format, schema: req.query.schema });
          return await uploadPortfolio(ctx.store, req.params.name, rows, { mode: req.query.mode ?? 'replace', actor: actorFor(req), live: await liveNow(), workspace });
        } finally {
          rmSync(dir, { recursive: true, force: true });
        }
      },
    );
  });

  app.get('/alerts', { schema: { summary: 'The alert inbox, newest first, filtered by portfolio, list, status, kind, band, assignee and age', tags: ['monitoring'], querystring: AlertQuery, response: { 200: AlertPage, ...ERRORS } } }, async (req) => {
    const { older_than_days: olderThanDays, workspace, ...filters } = req.query;
    return monitor.alerts({ ...filters, workspace: await access.scope(req, workspace), olderThanDays, hiddenWorkspaces: await access.hiddenWorkspaces(req) });
  });

  app.get('/alerts/:id', { schema: { summary: 'An alert with what raised it and its decision history', tags: ['monitoring'], params: IdParams, response: { 200: AlertDetail, ...ERRORS } } }, async (req) => {
    await access.checkAlert(req, req.params.id);
    return monitor.alertDetail(req.params.id);
  });

  app.post(
    '/alerts/:id/decisions',
    {
      schema: {
        summary: 'Decide an alert (in_review, false_positive, true_match, escalated, open) with a reason; a true match is closed by a second person with the reviewer role',
        tags: ['monitoring'],
        params: IdParams,
        body: DecisionBody,
        response: { 200: DecisionResult, ...ERRORS, 409: ErrorBody },
      },
    },
    async (req) => {
      const principal = req.principal!;
      await access.checkAlert(req, req.params.id, true);
      const result = await monitor.decide(req.params.id, req.body, { name: actorFor(req), mayCloseTrueMatch: atLeast(principal.role, 'reviewer') });
      return { ...result, alert: await monitor.alert(req.params.id) };
    },
  );

  app.put('/alerts/:id/assignee', { schema: { summary: 'Assign an alert (null: unassign)', tags: ['monitoring'], params: IdParams, body: Assignment, response: { 200: AlertDetail, ...ERRORS } } }, async (req) => {
    await access.checkAlert(req, req.params.id, true);
    await monitor.assign(req.params.id, req.body.assignee, actorFor(req));
    return monitor.alertDetail(req.params.id);
  });
}
