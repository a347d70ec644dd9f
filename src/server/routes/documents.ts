// Documents over HTTP: upload (raw bytes), mention jobs and reviews, claims from passages, passages
// by locator, full-text search, and the documents that mention an entity. Thin: DocumentService does the work.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { actorFor } from '../authenticate.ts';
import { DEFAULT_LIMITS } from '../../documents/extract.ts';
import { DocumentService } from '../../documents/service.ts';
import { ANALYST_DATASET } from '../../graph/edits.ts';
import type { ScreeningService } from '../../screening/service.ts';
import { downstreamReader } from '../../resolve/service.ts';
import type { ServerContext } from '../context.ts';
import { ERRORS, ErrorBody } from '../schemas/common.ts';
import { NotFoundError } from '../../model/errors.ts';
import { seesAny, type Sees } from '../../model/visibility.ts';
import { entityView } from '../entities.ts';
import { checkWrite, resolveWorkspace, seesFor, storeAsSeen } from '../visibility.ts';
import {
  ClaimBody,
  ClaimCreated,
  ClaimProposal,
  DocumentMeta,
  DocumentWithText,
  EntityDocuments,
  ISO_DATE,
  IngestResult,
  MENTION_KINDS,
  Mention,
  MentionJob,
  Passage,
  SearchHit,
} from '../schemas/documents.ts';

const UPLOAD_TYPES = ['application/octet-stream', 'application/pdf', 'text/html', 'text/plain', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'];

const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 300 }) });
/** 422: a file that cannot be read, a claim the analyst path refuses, a quote that no longer matches. */
const WITH_422 = { ...ERRORS, 422: ErrorBody } as const;

export async function documentRoutes(server: FastifyInstance, ctx: ServerContext & { screening: ScreeningService }): Promise<void> {
  const app = server.withTypeProvider<TypeBoxTypeProvider>();
  const maxBytes = ctx.config.documentMaxBytes ?? DEFAULT_LIMITS.maxBytes;
  const documents = new DocumentService(ctx.store, () => ctx.screening.screener(), { ...DEFAULT_LIMITS, maxBytes }, downstreamReader(ctx.store));
  const seesDocument = (sees: Sees, workspace: string | null) => workspace === null || sees === null || sees(workspace);
  /** A document the asker may read; one of a workspace hidden from it answers as an unknown id does. */
  const visibleDocument = async (req: FastifyRequest, id: string) => {
    const doc = await documents.get(id);
    if (!seesDocument(await seesFor(req, ctx.store), doc.workspace)) throw new NotFoundError(`no document ${id}`);
    return doc;
  };
  /** A mention without the candidates the asker may not see (nor its link to one of them). */
  const shownMention = <M extends { entityId: string | null; score: number | null; candidates: { id: string; datasets: string[] }[] }>(m: M, sees: Sees): M => {
    if (sees === null) return m;
    const hidden = m.candidates.filter((c) => !seesAny(sees, c.datasets)).map((c) => c.id);
    if (!hidden.length) return m;
    const unlinked = m.entityId !== null && hidden.includes(m.entityId);
    return { ...m, candidates: m.candidates.filter((c) => !hidden.includes(c.id)), ...(unlinked ? { entityId: null, score: null } : {}) };
  };
  /** The workspaces holding documents the asker may not read (none when it sees everything: no query). */
  const hiddenWorkspaces = async (req: FastifyRequest): Promise<string[]> => {
    const sees = await seesFor(req, ctx.store);
    return sees === null ? [] : (await documents.repo.workspaces()).filter((w) => !sees(w));
  };
  /** Keeps the items of documents the asker may read. */
  const visibleOnly = async <T>(req: FastifyRequest, items: T[], documentId: (item: T) => string) => {
    const sees = await seesFor(req, ctx.store);
    if (sees === null) return items;
    const workspaces = await documents.repo.workspacesOf(items.map(documentId));
    return items.filter((item) => seesDocument(sees, workspaces.get(documentId(item)) ?? null));
  };

  await app.register(async (plain) => {
    const uploads = plain.withTypeProvider<TypeBoxTypeProvider>();
    // Uploads are raw bytes; the body is never parsed as text or JSON here.
    uploads.removeContentTypeParser(['text/plain']);
    uploads.addContentTypeParser(UPLOAD_TYPES, { parseAs: 'buffer', bodyLimit: maxBytes }, (_req, body, done) => done(null, body));
    uploads.post(
      '/documents',
      {
        schema: {
          summary: 'Ingest a PDF, HTML, DOCX or text file (the raw bytes as the body); the same bytes twice in one workspace (or the shared space) are one document. Starts a mention job.',
          tags: ['documents'],
          querystring: Type.Object({
            file_name: Type.Optional(Type.String({ maxLength: 300 })),
            title: Type.Optional(Type.String({ maxLength: 500 })),
            author: Type.Optional(Type.String({ maxLength: 500 })),
            publisher: Type.Optional(Type.String({ maxLength: 500 })),
            published_at: Type.Optional(Type.String({ pattern: ISO_DATE })),
            url: Type.Optional(Type.String({ maxLength: 2000 })),
            language: Type.Optional(Type.String({ maxLength: 20 })),
            mentions: Type.Optional(Type.Boolean({ default: true, description: 'start the mention job' })),
            workspace: Type.Optional(Type.String({ maxLength: 100, description: 'the confidential workspace it belongs to (its id, or its name among your workspaces; its analysts only); default: shared' })),
          }),
          response: { 200: IngestResult, 201: IngestResult, ...WITH_422, 413: ErrorBody, 415: ErrorBody },
        },
      },
      async (req, reply) => {
        const q = req.query;
        const body = req.body;
        if (!Buffer.isBuffer(body)) return reply.status(415).send({ error: `send the file's bytes with a Content-Type of ${UPLOAD_TYPES.join(', ')}`, status: 415 });
        const workspace = q.workspace ? await resolveWorkspace(req, ctx.store, q.workspace) : null;
        if (workspace) await checkWrite(req, ctx.store, workspace);
        const result = await documents.ingest({
          bytes: body,
          fileName: q.file_name || 'upload',
          author: actorFor(req),
          workspace,
          metadata: { title: q.title, author: q.author, publisher: q.publisher, publishedAt: q.published_at, url: q.url, language: q.language },
        });
        const job = q.mentions === false ? null : await documents.startMentions(result.document.id);
        return reply.status(result.created ? 201 : 200).send({ ...result, job });
      },
    );
  });

  app.get(
    '/documents',
    { schema: { summary: 'Ingested documents, newest first', tags: ['documents'], response: { 200: Type.Object({ documents: Type.Array(DocumentMeta) }, { additionalProperties: false }), ...ERRORS } } },
    async (req) => ({ documents: await documents.repo.list(100, 0, await hiddenWorkspaces(req)) }),
  );

  app.get(
    '/documents/search',
    {
      schema: {
        summary: 'Full-text search of documents in any script, with filters by entity mentioned, publication date and source',
        tags: ['documents'],
        querystring: Type.Object({
          q: Type.Optional(Type.String({ maxLength: 500, description: 'words or a phrase, in any script' })),
          entity: Type.Optional(Type.String({ maxLength: 200, description: 'only passages that mention this entity (not rejected)' })),
          from: Type.Optional(Type.String({ pattern: ISO_DATE, description: 'published on or after (ISO date)' })),
          to: Type.Optional(Type.String({ pattern: ISO_DATE, description: 'published on or before (ISO date)' })),
          source: Type.Optional(Type.String({ maxLength: 500, description: 'publisher, URL or file name contains' })),
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 20 })),
          offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 10_000, default: 0 })),
        }),
        response: { 200: Type.Object({ results: Type.Array(SearchHit), limit: Type.Integer(), offset: Type.Integer() }, { additionalProperties: false }), ...ERRORS },
      },
    },
    async (req) => {
      return documents.search(req.query, await hiddenWorkspaces(req));
    },
  );

  app.get(
    '/documents/jobs/:jobId',
    { schema: { summary: 'A mention job and its progress', tags: ['documents'], params: Type.Object({ jobId: Type.String({ maxLength: 100 }) }), response: { 200: MentionJob, ...ERRORS } } },
    async (req) => documents.job(req.params.jobId),
  );

  app.get(
    '/documents/:id',
    { schema: { summary: 'A document: metadata, text and paragraphs with their pages and offsets', tags: ['documents'], params: IdParams, response: { 200: DocumentWithText, ...ERRORS } } },
    async (req) => {
      const doc = await visibleDocument(req, req.params.id);
      return { ...doc, paragraphs: await documents.repo.passages(doc.id) };
    },
  );

  app.get(
    '/documents/:id/original',
    {
      schema: {
        summary: 'The original bytes, as a download (never rendered)',
        tags: ['documents'],
        params: IdParams,
        response: { 200: Type.Unsafe<Uint8Array>({ type: 'string', format: 'binary', description: 'the file, as application/octet-stream' }), ...ERRORS },
      },
    },
    async (req, reply) => {
      const doc = await visibleDocument(req, req.params.id);
      const bytes = (await documents.repo.bytes(doc.id)) ?? new Uint8Array();
      return reply
        .header('Content-Type', 'application/octet-stream')
        .header('Content-Disposition', `attachment; filename="${doc.file_name.replace(/[^\w.-]/g, '_')}"`)
        .send(Buffer.from(bytes));
    },
  );

  app.get(
    '/documents/:id/mentions',
    {
      schema: {
        summary: "A document's mentions with their candidate entities, scores and explanations",
        tags: ['documents'],
        params: IdParams,
        querystring: Type.Object({ kind: Type.Optional(Type.Enum([...MENTION_KINDS])), entity: Type.Optional(Type.String({ maxLength: 300, description: 'only mentions linked to this entity' })) }),
        response: { 200: Type.Object({ mentions: Type.Array(Mention) }, { additionalProperties: false }), ...ERRORS },
      },
    },
    async (req) => {
      await visibleDocument(req, req.params.id);
      const sees = await seesFor(req, ctx.store);
      return { mentions: (await documents.mentions(req.params.id, { kind: req.query.kind, entityId: req.query.entity })).map((m) => shownMention(m, sees)) };
    },
  );

  app.post(
    '/documents/:id/mentions',
    { schema: { summary: 'Find the mentions again (a job; reviewed mentions stay)', tags: ['documents'], params: IdParams, response: { 202: MentionJob, ...ERRORS } } },
    async (req, reply) => {
      await visibleDocument(req, req.params.id);
      return reply.status(202).send(await documents.startMentions(req.params.id));
    },
  );

  app.post(
    '/documents/:id/mentions/:mentionId',
    {
      schema: {
        summary: 'Accept, reject or relink a mention',
        tags: ['documents'],
        params: Type.Object({ id: IdParams.properties.id, mentionId: Type.String({ minLength: 1, maxLength: 100 }) }),
        body: Type.Object(
          {
            action: Type.Enum(['accept', 'reject', 'relink']),
            entity_id: Type.Optional(Type.String({ minLength: 1, maxLength: 300, description: 'relink: the entity the mention names' })),
            author: Type.Optional(Type.String({ maxLength: 200 })),
          },
          { additionalProperties: false },
        ),
        response: { 200: Mention, ...WITH_422 },
      },
    },
    async (req) => {
      const { id, mentionId } = req.params;
      const { action, entity_id } = req.body;
      await visibleDocument(req, id);
      const sees = await seesFor(req, ctx.store);
      // Relinking to an entity hidden from the asker answers as an unknown one does.
      if (action === 'relink' && entity_id && sees && !(await entityView(downstreamReader(ctx.store), entity_id, { provenance: false, nested: false, sees }))) throw new NotFoundError(`no entity ${entity_id}`);
      return shownMention(await documents.reviewMention(id, mentionId, { action, entityId: entity_id }, actorFor(req)), await seesFor(req, ctx.store));
    },
  );

  app.get(
    '/documents/:id/passage',
    {
      schema: {
        summary: 'The passage a locator points at, with the quoted text (422 when the quote hash no longer matches)',
        tags: ['documents'],
        params: IdParams,
        querystring: Type.Object({
          locator: Type.Optional(Type.String({ maxLength: 200, description: '`page P, para N, chars A-B, quote sha256:…`' })),
          paragraph: Type.Optional(Type.Integer({ minimum: 1 })),
          start: Type.Optional(Type.Integer({ minimum: 0 })),
          end: Type.Optional(Type.Integer({ minimum: 0 })),
        }),
        response: { 200: Passage, ...WITH_422 },
      },
    },
    async (req) => {
      await visibleDocument(req, req.params.id);
      return documents.passage(req.params.id, req.query);
    },
  );

  app.post(
    '/documents/:id/claims',
    {
      schema: {
        summary: 'Propose (propose: true) or create a claim from a passage: a relationship, a property value or an arms transfer, sourced to the document and locator',
        tags: ['documents'],
        params: IdParams,
        body: ClaimBody,
        response: { 200: ClaimProposal, 201: ClaimCreated, ...WITH_422 },
      },
    },
    async (req, reply) => {
      const { evidence_grade, claim_date, entity_id, author: _ignored, ...rest } = req.body;
      const doc = await visibleDocument(req, req.params.id);
      // A claim from a workspace's document stays in that workspace unless the analyst names a dataset.
      const dataset = rest.dataset ?? doc.workspace ?? undefined;
      if (!rest.propose) await checkWrite(req, ctx.store, dataset ?? ANALYST_DATASET);
      const result = await documents.claim(req.params.id, { ...rest, dataset, evidenceGrade: evidence_grade, claimDate: claim_date, entityId: entity_id }, actorFor(req), await storeAsSeen(req, ctx.store));
      return result.proposed ? reply.status(200).send(result) : reply.status(201).send(result);
    },
  );

  app.get(
    '/entities/:id/documents',
    { schema: { summary: 'Documents that mention an entity, with the passages', tags: ['documents'], params: IdParams, response: { 200: EntityDocuments, ...ERRORS } } },
    async (req) => {
      const sees = await seesFor(req, ctx.store);
      // An entity hidden from the asker answers as an unknown one does.
      if (sees && !(await entityView(downstreamReader(ctx.store), req.params.id, { provenance: false, nested: false, sees }))) throw new NotFoundError(`no entity ${req.params.id}`);
      const found = await documents.entityDocuments(req.params.id);
      const shown = (await visibleOnly(req, found.documents, (d) => d.documentId)).map((d) => ({ ...d, mentions: d.mentions.map((m) => shownMention(m, sees)) }));
      return { ...found, documents: shown };
    },
  );
}
