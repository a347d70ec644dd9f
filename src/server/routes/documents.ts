// Documents over HTTP: upload (raw bytes), mention jobs and reviews, claims from passages, passages
// by locator, full-text search, and the documents that mention an entity. Thin: DocumentService does the work.
import type { FastifyInstance } from 'fastify';
import { authorOf } from '../../graph/edits.ts';
import { DEFAULT_LIMITS } from '../../documents/extract.ts';
import { DocumentService, type ClaimInput } from '../../documents/service.ts';
import type { ScreeningService } from '../../screening/service.ts';
import { downstreamReader } from '../../resolve/service.ts';
import type { ServerContext } from '../context.ts';

const AUTHOR_HEADER = 'x-interdict-author';
const UPLOAD_TYPES = ['application/octet-stream', 'application/pdf', 'text/html', 'text/plain', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'];

export async function documentRoutes(app: FastifyInstance, ctx: ServerContext & { screening: ScreeningService }): Promise<void> {
  const maxBytes = ctx.config.documentMaxBytes ?? DEFAULT_LIMITS.maxBytes;
  const documents = new DocumentService(ctx.store, () => ctx.screening.screener(), { ...DEFAULT_LIMITS, maxBytes }, downstreamReader(ctx.store));

  await app.register(async (uploads) => {
    // Uploads are raw bytes; the body is never parsed as text or JSON here.
    uploads.removeContentTypeParser(['text/plain']);
    uploads.addContentTypeParser(UPLOAD_TYPES, { parseAs: 'buffer', bodyLimit: maxBytes }, (_req, body, done) => done(null, body));
    uploads.post(
      '/documents',
      {
        schema: {
          summary: 'Ingest a PDF, HTML, DOCX or text file (the raw bytes as the body); the same bytes twice are one document. Starts a mention job.',
          tags: ['documents'],
          querystring: {
            type: 'object',
            properties: {
              fileName: { type: 'string', maxLength: 300 },
              title: { type: 'string', maxLength: 500 },
              author: { type: 'string', maxLength: 500 },
              publisher: { type: 'string', maxLength: 500 },
              publishedAt: { type: 'string', pattern: '^\\d{4}(-\\d{2}(-\\d{2})?)?$' },
              url: { type: 'string', maxLength: 2000 },
              language: { type: 'string', maxLength: 20 },
              mentions: { type: 'boolean', default: true },
            },
          },
        },
      },
      async (req, reply) => {
        const q = req.query as Record<string, string | boolean | undefined>;
        const body = req.body;
        if (!Buffer.isBuffer(body)) return reply.status(415).send({ error: `send the file's bytes with a Content-Type of ${UPLOAD_TYPES.join(', ')}`, status: 415 });
        const uploader = authorOf(req.headers[AUTHOR_HEADER], undefined);
        const result = await documents.ingest({
          bytes: body,
          fileName: (q.fileName as string) || 'upload',
          author: uploader,
          metadata: { title: q.title as string, author: q.author as string, publisher: q.publisher as string, publishedAt: q.publishedAt as string, url: q.url as string, language: q.language as string },
        });
        const job = q.mentions === false ? null : await documents.startMentions(result.document.id);
        return reply.status(result.created ? 201 : 200).send({ ...result, job });
      },
    );
  });

  app.get('/documents', { schema: { summary: 'Ingested documents, newest first', tags: ['documents'] } }, async () => ({ documents: await documents.repo.list() }));

  app.get(
    '/documents/search',
    {
      schema: {
        summary: 'Full-text search of documents in any script, with filters by entity mentioned, publication date and source',
        tags: ['documents'],
        querystring: { type: 'object', properties: { q: { type: 'string' }, entity: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' }, source: { type: 'string' }, limit: { type: 'integer' }, offset: { type: 'integer' } } },
      },
    },
    async (req) => documents.search(req.query as Record<string, unknown>),
  );

  app.get('/documents/jobs/:jobId', { schema: { summary: 'A mention job and its progress', tags: ['documents'] } }, async (req) => documents.job((req.params as { jobId: string }).jobId));

  app.get('/documents/:id', { schema: { summary: 'A document: metadata, text and paragraphs with their pages and offsets', tags: ['documents'] } }, async (req) => {
    const doc = await documents.get((req.params as { id: string }).id);
    return { ...doc, paragraphs: await documents.repo.passages(doc.id) };
  });

  app.get('/documents/:id/original', { schema: { summary: 'The original bytes, as a download (never rendered)', tags: ['documents'] } }, async (req, reply) => {
    const doc = await documents.get((req.params as { id: string }).id);
    const bytes = await documents.repo.bytes(doc.id);
    return reply
      .header('Content-Type', 'application/octet-stream')
      .header('Content-Disposition', `attachment; filename="${doc.file_name.replace(/[^\w.-]/g, '_')}"`)
      .send(Buffer.from(bytes!));
  });

  app.get('/documents/:id/mentions', { schema: { summary: "A document's mentions with their candidate entities, scores and explanations", tags: ['documents'], querystring: { type: 'object', properties: { kind: { type: 'string' }, entity: { type: 'string' } } } } }, async (req) => {
    const q = req.query as { kind?: string; entity?: string };
    return { mentions: await documents.mentions((req.params as { id: string }).id, { kind: q.kind, entityId: q.entity }) };
  });

  app.post('/documents/:id/mentions', { schema: { summary: 'Find the mentions again (a job; reviewed mentions stay)', tags: ['documents'] } }, async (req, reply) =>
    reply.status(202).send(await documents.startMentions((req.params as { id: string }).id)),
  );

  app.post(
    '/documents/:id/mentions/:mentionId',
    { schema: { summary: 'Accept, reject or relink a mention', tags: ['documents'], body: { type: 'object', properties: { action: { type: 'string', enum: ['accept', 'reject', 'relink'] }, entityId: { type: 'string' }, author: { type: 'string' } } } } },
    async (req) => {
      const { id, mentionId } = req.params as { id: string; mentionId: string };
      const body = (req.body ?? {}) as { action?: unknown; entityId?: unknown; author?: unknown };
      return documents.reviewMention(id, mentionId, body, authorOf(req.headers[AUTHOR_HEADER], body.author));
    },
  );

  app.get(
    '/documents/:id/passage',
    { schema: { summary: 'The passage a locator points at, with the quoted text', tags: ['documents'], querystring: { type: 'object', properties: { locator: { type: 'string' }, paragraph: { type: 'integer' }, start: { type: 'integer' }, end: { type: 'integer' } } } } },
    async (req) => documents.passage((req.params as { id: string }).id, req.query as Record<string, unknown>),
  );

  app.post(
    '/documents/:id/claims',
    {
      schema: {
        summary: 'Propose (propose: true) or create a claim from a passage: a relationship, a property value or an arms transfer, sourced to the document and locator',
        tags: ['documents'],
        body: { type: 'object' },
      },
    },
    async (req, reply) => {
      const body = (req.body ?? {}) as ClaimInput & { author?: unknown };
      const result = await documents.claim((req.params as { id: string }).id, body, authorOf(req.headers[AUTHOR_HEADER], body.author));
      return reply.status(result.proposed ? 200 : 201).send(result);
    },
  );

  app.get('/entities/:id/documents', { schema: { summary: 'Documents that mention an entity, with the passages', tags: ['documents'] } }, async (req) =>
    documents.entityDocuments((req.params as { id: string }).id),
  );
}
