// Monitoring over HTTP (issue 14): portfolios uploaded as the batch CSV layout or FtM JSON lines, the
// alert inbox with its filters, an alert with its history, decisions (four eyes for a true match) and
// assignment. The same domain functions as `interdict portfolio` and `interdict alerts`.
import { createHash } from 'node:crypto';
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { atLeast } from '../../access/roles.ts';
import { snapshotDirFor } from '../../graph/snapshot.ts';
import { Monitor } from '../../monitor/monitor.ts';
import { liveScreening, uploadPortfolio, type LiveScreening } from '../../monitor/service.ts';
import { screeningInputRows } from '../../screening/batch-input.ts';
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
    // The body stays a stream: it goes to a temporary file and is read from there row by row, as
    // `interdict portfolio add` reads its file, so a large portfolio is never held whole in memory.
    uploads.addContentTypeParser(UPLOAD_TYPES, (_req, payload, done) => done(null, payload));
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
        if (!(req.body instanceof Readable)) return reply.status(415).send({ error: `send the file as ${UPLOAD_TYPES.join(', ')}`, status: 415 });
        const workspace = await access.uploadTarget(req, req.params.name, req.query.workspace);
        // The CLI's reader, so both read a file the same way (line numbers, lenient values, unscreenable rows).
        const dir = mkdtempSync(join(tmpdir(), 'interdict-portfolio-'));
        try {
          const csv = req.headers['content-type']?.includes('csv');
          // Without a CSV content type the first bytes tell CSV from JSON lines, as before.
          const file = join(dir, csv ? 'upload.csv' : 'upload');
          // The audit record keeps the file's digest and size (src/server/audit-writes.ts), not the stream.
          // A body that could not be read whole leaves the connection unusable: it is closed after the answer.
          req.body = await saveBody(req.body, file, UPLOAD_LIMIT).catch((error: unknown) => {
            void reply.header('connection', 'close');
            throw error;
          });
          const rows = await screeningInputRows(file, { format: csv ? 'csv' : undefined, schema: req.query.schema });
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

/**
 * Writes a request body to `file`; its SHA-256 and size. Past `limit` bytes it fails with 413 and
 * discards the rest rather than destroying the request, so that the client still gets the answer.
 */
function saveBody(body: Readable, file: string, limit: number): Promise<{ sha256: string; bytes: number }> {
  const hash = createHash('sha256');
  const out = createWriteStream(file);
  let bytes = 0;
  return new Promise((resolve, reject) => {
    const fail = (error: Error) => {
      body.off('data', onData).off('end', onEnd).resume();
      out.destroy();
      reject(error);
    };
    const onData = (chunk: Buffer) => {
      bytes += chunk.length;
      if (bytes > limit) return fail(Object.assign(new Error(`the file is larger than ${limit / 1024 / 1024} MB`), { statusCode: 413 }));
      hash.update(chunk);
      if (out.write(chunk)) return;
      body.pause();
      out.once('drain', () => body.resume());
    };
    const onEnd = () => out.end(() => resolve({ sha256: hash.digest('hex'), bytes }));
    body.on('data', onData).once('end', onEnd).once('error', fail);
    out.once('error', fail);
  });
}
