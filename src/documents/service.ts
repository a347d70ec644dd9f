// The documents room's domain functions, behind both `interdict ingest` and the /documents routes:
// ingest (content-addressed, whole or nothing), mention finding as an in-process job with progress,
// review of mentions, claims from passages through the analyst path, passages by locator, search.
import { createHash, randomUUID } from 'node:crypto';
import { NotFoundError, UnprocessableError, ValidationError } from '../model/errors.ts';
import { model } from '../model/ftm.ts';
import { AnalystEdits } from '../graph/edits.ts';
import type { Screener } from '../screening/screener.ts';
import type { EntityReader, Store } from '../store/types.ts';
import type { EvidenceGrade } from '../model/grades.ts';
import type { Statement } from '../model/statement.ts';
import { entityIdOf } from '../model/entity.ts';
import { DEFAULT_LIMITS, extractDocument, type DocumentMetadata, type ExtractLimits } from './extract.ts';
import { MentionFinder, type EntityCandidate, type FoundMention } from './mentions.ts';
import { DocumentRepository, type DocumentRow, type MentionRow, type SearchHit } from './repository.ts';
import { formatLocator, parseLocator, quoteHash, type Locator } from './locator.ts';
import { paragraphAt, type Paragraph } from './text.ts';

export interface IngestInput {
  bytes: Uint8Array;
  fileName: string;
  /** Overrides of what the file says about itself. */
  metadata?: Partial<DocumentMetadata>;
  author: string;
  /** The confidential workspace it belongs to (the caller checked the author may write there); absent: shared. */
  workspace?: string | null;
}

export interface IngestResult {
  document: Omit<DocumentRow, 'text'>;
  /** False when the same bytes were ingested before: one document. */
  created: boolean;
  paragraphs: number;
  warnings: string[];
}

export interface MentionJob {
  id: string;
  documentId: string;
  status: 'queued' | 'running' | 'done' | 'failed';
  progress: number;
  mentions: number | null;
  error: string | null;
  startedAt: string;
  finishedAt: string | null;
}

export const CLAIM_KINDS = ['relationship', 'property', 'transfer'] as const;
export type ClaimKind = (typeof CLAIM_KINDS)[number];

export interface ClaimInput {
  kind?: ClaimKind;
  /** The passage: a locator string, or paragraph with start/end (document offsets). */
  locator?: string;
  paragraph?: number;
  start?: number;
  end?: number;
  /** Checked by the analyst path (`AnalystEdits`), which refuses a claim without one. */
  evidenceGrade?: EvidenceGrade;
  claimDate?: string;
  /** relationship / transfer: the FtM schema (default UnknownLink / ArmsTransfer) and properties. */
  schema?: string;
  properties?: PropertyValues;
  /** property: the entity, property and value. */
  entityId?: string;
  prop?: string;
  value?: string;
  dataset?: string;
  /** True: return the pre-filled claim without writing it. */
  propose?: boolean;
}

export type PropertyValues = Record<string, string | string[]>;

/** Where every claim from a document points: the document, the passage, and how strong the claim is. */
interface ClaimSource {
  sourceDocument: string;
  locator: string;
  evidenceGrade?: EvidenceGrade;
  claimDate: string | null;
}

export type ClaimDraft =
  | ({ kind: 'property'; entityId: string | null; prop: string | null; value: string | null } & ClaimSource)
  | ({ kind: 'relationship' | 'transfer'; schema: string; properties: PropertyValues } & ClaimSource);

interface ClaimProposal {
  draft: ClaimDraft;
  quote: string;
  mentions: MentionView[];
  entities: string[];
}

export type ClaimResult = (ClaimProposal & { proposed: true }) | (ClaimProposal & { proposed: false; id?: string; dataset?: string; statements: Statement[] });

export const DOCUMENT_SOURCE_PREFIX = 'doc-';

/** The source id claims cite: the document's SHA-256 with a prefix that reads as an entity id. */
export function documentSourceId(sha256: string): string {
  return DOCUMENT_SOURCE_PREFIX + sha256;
}

export class DocumentService {
  readonly repo: DocumentRepository;
  private readonly jobs = new Map<string, MentionJob>();
  private readonly running = new Map<string, Promise<void>>();
  private finder: { screener: Screener; finder: MentionFinder } | null = null;

  constructor(
    private readonly store: Store,
    private readonly screener: () => Promise<Screener>,
    private readonly limits: ExtractLimits = DEFAULT_LIMITS,
    /** What entity ids are read through: resolved targets (src/resolve downstreamReader) where judgements merge records. */
    private readonly reader: Pick<EntityReader, 'getEntity'> = store,
  ) {
    this.repo = new DocumentRepository(store);
  }

  async ingest(input: IngestInput): Promise<IngestResult> {
    return (await this.ingestMany([input]))[0];
  }

  /** Every file is read and checked before any is written: one bad file leaves the store as it was. */
  async ingestMany(inputs: IngestInput[]): Promise<IngestResult[]> {
    const prepared = [];
    for (const input of inputs) {
      const id = await this.scopedId(createHash('sha256').update(input.bytes).digest('hex'), input.workspace ?? null);
      const existing = await this.repo.get(id);
      prepared.push({ input, id, existing, extracted: existing ? null : await extractDocument(input.bytes, input.fileName, this.limits) });
    }
    const results: IngestResult[] = [];
    for (const { input, id, existing, extracted } of prepared) {
      if (existing || !extracted) {
        results.push({ document: withoutText(existing!), created: false, paragraphs: (await this.repo.passages(id)).length, warnings: [] });
        continue;
      }
      const meta = { ...extracted.metadata, ...definedOnly(input.metadata ?? {}) };
      const row: DocumentRow = {
        id,
        media_type: extracted.mediaType,
        file_name: input.fileName.split(/[\\/]/).pop()!.slice(0, 300),
        size: input.bytes.length,
        title: meta.title ?? null,
        author: meta.author ?? null,
        publisher: meta.publisher ?? null,
        published_at: meta.publishedAt ?? null,
        url: meta.url ?? null,
        language: meta.language ?? null,
        page_count: extracted.pageCount,
        text_layer: extracted.textLayer,
        text: extracted.text,
        created_at: new Date().toISOString(),
        created_by: input.author,
        workspace: input.workspace ?? null,
      };
      const created = await this.repo.insert(row, input.bytes, extracted.paragraphs);
      results.push({ document: withoutText(row), created, paragraphs: extracted.paragraphs.length, warnings: extracted.warnings });
    }
    return results;
  }

  /**
   * A document's id: the SHA-256 of its bytes in the shared space, of the workspace and that hash in a
   * workspace. So the same bytes are one document within a scope, and a copy kept in a workspace the
   * uploader cannot read is never met: the answer, its work and its id are those of new bytes.
   */
  private async scopedId(sha256: string, workspace: string | null): Promise<string> {
    const id = workspace === null ? sha256 : createHash('sha256').update(`${workspace}:${sha256}`).digest('hex');
    // Databases made before kept a workspace's document under the bare hash: a shared copy goes beside it.
    const taken = workspace === null ? await this.repo.get(id) : undefined;
    return taken && taken.workspace !== null ? createHash('sha256').update(`shared:${sha256}`).digest('hex') : id;
  }

  async get(id: string): Promise<DocumentRow> {
    const doc = await this.repo.get(id);
    if (!doc) throw new NotFoundError(`no document ${id}`);
    return doc;
  }

  // ---- mentions ------------------------------------------------------------------------------

  /** Starts (or returns the running) mention job of a document. */
  async startMentions(documentId: string): Promise<MentionJob> {
    await this.get(documentId);
    const running = [...this.jobs.values()].find((j) => j.documentId === documentId && (j.status === 'queued' || j.status === 'running'));
    if (running) return running;
    const job: MentionJob = { id: randomUUID(), documentId, status: 'queued', progress: 0, mentions: null, error: null, startedAt: new Date().toISOString(), finishedAt: null };
    this.jobs.set(job.id, job);
    const run = this.runMentions(job).finally(() => this.running.delete(job.id));
    this.running.set(job.id, run);
    return job;
  }

  job(id: string): MentionJob {
    const job = this.jobs.get(id);
    if (!job) throw new NotFoundError(`no job ${id}`);
    return job;
  }

  /** Waits for a job to finish (CLI, tests). */
  async waitFor(jobId: string): Promise<MentionJob> {
    await this.running.get(jobId);
    return this.job(jobId);
  }

  private async runMentions(job: MentionJob): Promise<void> {
    try {
      job.status = 'running';
      const doc = await this.get(job.documentId);
      const finder = await this.mentionFinder();
      const found = await finder.find(doc.text, { onProgress: (p) => (job.progress = Math.round(p * 100) / 100) });
      const paragraphs = await this.repo.passages(doc.id);
      const rows = found.map((m) => mentionRow(doc.id, m, paragraphAt(paragraphs, m.start)));
      await this.repo.replaceMentions(doc.id, rows);
      job.mentions = rows.length;
      job.progress = 1;
      job.status = 'done';
    } catch (err) {
      job.status = 'failed';
      job.error = (err as Error).message;
    } finally {
      job.finishedAt = new Date().toISOString();
    }
  }

  private async mentionFinder(): Promise<MentionFinder> {
    const screener = await this.screener();
    if (this.finder?.screener !== screener) this.finder = { screener, finder: new MentionFinder(screener) };
    return this.finder.finder;
  }

  async mentions(documentId: string, filter: { kind?: MentionRow['kind']; entityId?: string } = {}) {
    await this.get(documentId);
    return (await this.repo.mentions(documentId, filter)).map(mentionView);
  }

  /** accept, reject, or relink (to another entity) a mention; recorded with the reviewer. */
  async reviewMention(documentId: string, mentionId: string, body: { action?: unknown; entityId?: unknown }, reviewer: string) {
    const mention = await this.repo.mention(documentId, mentionId);
    if (!mention) throw new NotFoundError(`no mention ${mentionId} in document ${documentId}`);
    const action = body.action;
    if (action !== 'accept' && action !== 'reject' && action !== 'relink') throw new ValidationError('action', 'must be accept, reject or relink');
    let entityId = mention.entity_id;
    if (action === 'relink') {
      if (typeof body.entityId !== 'string' || !body.entityId) throw new UnprocessableError('entity_id', 'is required to relink');
      const entity = await this.reader.getEntity(body.entityId);
      if (!entity) throw new NotFoundError(`no entity ${body.entityId}`);
      entityId = entity.id;
    } else if (action === 'accept' && !entityId) throw new UnprocessableError('action', 'the mention links no entity: relink it instead');
    const status = action === 'accept' ? 'accepted' : action === 'reject' ? 'rejected' : 'relinked';
    await this.repo.review(mention.id, { status, entity_id: entityId, reviewed_by: reviewer, reviewed_at: new Date().toISOString() });
    return mentionView((await this.repo.mention(documentId, mentionId))!);
  }

  // ---- passages and claims -------------------------------------------------------------------

  /** The passage a locator points at, with the quoted span; a quote hash that no longer matches is a 422. */
  async passage(documentId: string, query: { locator?: unknown; paragraph?: unknown; start?: unknown; end?: unknown }) {
    const doc = await this.get(documentId);
    const locator = await this.locatorOf(doc, query);
    const [paragraph] = await this.repo.passages(doc.id, locator.paragraph, locator.paragraph);
    const quote = doc.text.slice(locator.start, locator.end);
    if (locator.quoteHash && locator.quoteHash !== quoteHash(quote)) {
      throw new UnprocessableError('locator', `the quote hash ${locator.quoteHash} does not match the text at ${locator.start}-${locator.end}`);
    }
    return { documentId: doc.id, title: doc.title, locator: formatLocator(locator), page: locator.page, paragraph, start: locator.start, end: locator.end, quote };
  }

  private async locatorOf(doc: DocumentRow, q: { locator?: unknown; paragraph?: unknown; start?: unknown; end?: unknown }): Promise<Locator> {
    if (typeof q.locator === 'string' && q.locator) {
      const l = parseLocator(q.locator);
      this.checkRange(doc, l.start, l.end, 'locator');
      return l;
    }
    const paragraphs = await this.repo.passages(doc.id);
    let start = intOf(q.start, 'start');
    let end = intOf(q.end, 'end');
    if (q.paragraph !== undefined && q.paragraph !== null && q.paragraph !== '') {
      const n = intOf(q.paragraph, 'paragraph');
      const p = paragraphs.find((x) => x.paragraph === n);
      if (!p) throw new NotFoundError(`document ${doc.id} has no paragraph ${n}`);
      start ??= p.start;
      end ??= p.end;
    }
    if (start === undefined || end === undefined) throw new ValidationError('locator', 'give a locator, a paragraph, or start and end');
    this.checkRange(doc, start, end, 'start');
    const p = paragraphAt(paragraphs, start)!;
    if (end > p.end) throw new ValidationError('end', `the range ${start}-${end} crosses the end of paragraph ${p.paragraph} (${p.end})`);
    return { page: p.page, paragraph: p.paragraph, start, end, quoteHash: quoteHash(doc.text.slice(start, end)) };
  }

  private checkRange(doc: DocumentRow, start: number, end: number, field: string): void {
    if (!(start >= 0 && end > start && end <= doc.text.length)) throw new ValidationError(field, `the range ${start}-${end} is not inside the text (0-${doc.text.length})`);
  }

  /**
   * A claim from a passage: pre-filled from the entities mentioned in it; with `propose` it is only
   * returned, otherwise written through the analyst path with the document and locator as its source.
   * `writer`: the store as the author sees it (the adapter's: entities of hidden workspaces unknown).
   */
  async claim(documentId: string, input: ClaimInput, author: string, writer: Pick<Store, 'getEntity' | 'addStatements'> = this.store): Promise<ClaimResult> {
    const doc = await this.get(documentId);
    const locator = await this.locatorOf(doc, input);
    const kind = input.kind ?? 'relationship';
    if (!CLAIM_KINDS.includes(kind)) throw new ValidationError('kind', `must be ${CLAIM_KINDS.join(', ')}`);
    const inPassage = (await this.repo.mentions(doc.id)).filter((m) => m.start >= locator.start && m.end <= locator.end && m.status !== 'rejected');
    const entities = [...new Set(await Promise.all(inPassage.filter((m) => m.entity_id).map((m) => this.recordOf(m.entity_id!))))];
    const quote = doc.text.slice(locator.start, locator.end);
    const source: ClaimSource = { sourceDocument: documentSourceId(doc.id), locator: formatLocator(locator), evidenceGrade: input.evidenceGrade, claimDate: input.claimDate ?? null };
    const dates = inPassage.filter((m) => m.kind === 'date' && m.value && /^\d{4}/.test(m.value)).map((m) => m.value!);
    let draft: ClaimDraft;
    if (kind === 'property') {
      draft = { kind, entityId: input.entityId ?? entities[0] ?? null, prop: input.prop ?? null, value: input.value ?? null, ...source };
    } else {
      const schema = input.schema ?? (kind === 'transfer' ? 'ArmsTransfer' : 'UnknownLink');
      const properties = input.properties ? { ...input.properties } : prefill(schema, entities, inPassage);
      draft = { kind, schema, properties, ...source, claimDate: input.claimDate ?? dates[0] ?? null };
    }
    const proposal: ClaimProposal = { draft, quote, mentions: inPassage.map(mentionView), entities };
    if (input.propose === true) return { proposed: true, ...proposal };
    const edits = new AnalystEdits(writer);
    if (draft.kind === 'property') {
      const result = await edits.addStatements([{ entityId: draft.entityId, prop: draft.prop, value: draft.value, ...source }], input.dataset, author);
      return { proposed: false, ...proposal, statements: result.statements };
    }
    const created = await edits.createEntity({ schema: draft.schema, properties: draft.properties, dataset: input.dataset, ...source, claimDate: draft.claimDate ?? undefined }, author);
    return { proposed: false, ...proposal, ...created };
  }

  /** A record id to write a claim on: a canonical id of several records becomes one of its member records. */
  private async recordOf(id: string): Promise<string> {
    if (await this.store.getEntity(id)) return id;
    const referent = (await this.reader.getEntity(id))?.referents?.[0];
    return referent ? entityIdOf(referent) : id;
  }

  // ---- search --------------------------------------------------------------------------------

  /** `hidden`: workspaces whose documents the reader may not see (left out before paging). */
  async search(params: { q?: unknown; entity?: unknown; from?: unknown; to?: unknown; source?: unknown; limit?: unknown; offset?: unknown }, hidden: readonly string[] = []): Promise<{ results: SearchHit[]; limit: number; offset: number }> {
    const str = (v: unknown, field: string, max = 500) => {
      if (v === undefined || v === null || v === '') return undefined;
      if (typeof v !== 'string' || v.length > max) throw new ValidationError(field, `must be a string of at most ${max} characters`);
      return v.trim();
    };
    const limit = intOf(params.limit, 'limit') ?? 20;
    const offset = intOf(params.offset, 'offset') ?? 0;
    if (limit < 1 || limit > 200) throw new ValidationError('limit', 'must be between 1 and 200');
    if (offset < 0 || offset > 10_000) throw new ValidationError('offset', 'must be between 0 and 10000');
    for (const f of ['from', 'to'] as const) {
      const v = str(params[f], f, 10);
      if (v && !/^\d{4}(-\d{2}(-\d{2})?)?$/.test(v)) throw new ValidationError(f, `"${v}" is not an ISO date`);
    }
    let entityId = str(params.entity, 'entity', 200);
    let alsoIds: string[] = [];
    if (entityId) {
      const entity = await this.reader.getEntity(entityId);
      alsoIds = entity ? idsOfTarget(entity, entityId) : [];
      entityId = entity?.id ?? entityId;
    }
    const results = await this.repo.search({ q: str(params.q, 'q'), entityId, alsoIds, from: str(params.from, 'from'), to: str(params.to, 'to'), source: str(params.source, 'source'), limit, offset, hidden });
    return { results, limit, offset };
  }

  /** The documents that mention an entity, each with the passages. */
  async entityDocuments(entityId: string) {
    const entity = await this.reader.getEntity(entityId);
    if (!entity) throw new NotFoundError(`no entity ${entityId}`);
    const rows = await this.repo.mentionsOfEntity(idsOfTarget(entity, entityId));
    const byDoc = new Map<string, { documentId: string; title: string | null; publishedAt: string | null; publisher: string | null; mentions: MentionView[]; passages: Paragraph[] }>();
    for (const r of rows) {
      let d = byDoc.get(r.document_id);
      if (!d) byDoc.set(r.document_id, (d = { documentId: r.document_id, title: r.title, publishedAt: r.published_at, publisher: r.publisher, mentions: [], passages: [] }));
      d.mentions.push(mentionView(r));
    }
    for (const d of byDoc.values()) {
      const wanted = [...new Set(d.mentions.map((m) => m.paragraph))];
      const passages = await this.repo.passages(d.documentId, Math.min(...wanted), Math.max(...wanted));
      d.passages = passages.filter((p) => wanted.includes(p.paragraph));
    }
    return { entityId: entity.id, documents: [...byDoc.values()] };
  }
}

/** A relationship's two ends (or a transfer's supplier and recipient) from the first two entities in the passage. */
function prefill(schema: string, entities: string[], mentions: MentionRow[]): PropertyValues {
  const props: PropertyValues = {};
  if (schema === 'ArmsTransfer') {
    if (entities[0]) props.supplier = entities[0];
    if (entities[1]) props.recipient = entities[1];
    const quantity = mentions.find((m) => m.kind === 'quantity');
    if (quantity) props.quantity = quantity.text;
    // The countries in the order the passage names them: a guess the analyst corrects.
    const countries = [...new Set(mentions.filter((m) => m.kind === 'country' && m.value).map((m) => m.value!))];
    if (countries[0]) props.originCountry = countries[0];
    if (countries[1]) props.destinationCountry = countries[1];
    const date = mentions.find((m) => m.kind === 'date' && m.value && /^\d{4}/.test(m.value))?.value;
    if (date) props.deliveryDate = date;
    return props;
  }
  const edge = model.schemata[schema]?.edge;
  if (edge) {
    if (entities[0]) props[edge.source] = entities[0];
    if (entities[1]) props[edge.target] = entities[1];
  }
  return props;
}

function mentionRow(documentId: string, m: FoundMention, p: { paragraph: number; page: number } | undefined): MentionRow {
  // The id is stable over reruns for the same span, kind and link, so an analyst's review survives.
  const id = createHash('sha256').update(`${documentId}:${m.kind}:${m.start}:${m.end}:${m.entityId ?? m.value ?? ''}`).digest('hex').slice(0, 24);
  return {
    id,
    document_id: documentId,
    kind: m.kind,
    start: m.start,
    end: m.end,
    paragraph: p?.paragraph ?? 0,
    page: p?.page ?? 1,
    text: m.text,
    value: m.value,
    entity_id: m.entityId,
    score: m.score,
    candidates: JSON.stringify(m.candidates),
    status: 'proposed',
    reviewed_by: null,
    reviewed_at: null,
  };
}

export interface MentionView {
  id: string;
  kind: MentionRow['kind'];
  start: number;
  end: number;
  paragraph: number;
  page: number;
  text: string;
  value: string | null;
  entityId: string | null;
  score: number | null;
  status: MentionRow['status'];
  reviewedBy: string | null;
  candidates: EntityCandidate[];
}

export function mentionView(r: MentionRow): MentionView {
  const candidates: EntityCandidate[] = JSON.parse(r.candidates);
  return {
    id: r.id,
    kind: r.kind,
    start: r.start,
    end: r.end,
    paragraph: r.paragraph,
    page: r.page,
    text: r.text,
    value: r.value,
    entityId: r.entity_id,
    score: r.score,
    status: r.status,
    reviewedBy: r.reviewed_by,
    candidates,
  };
}

function withoutText(row: DocumentRow): Omit<DocumentRow, 'text'> {
  const { text: _text, ...rest } = row;
  return rest;
}

function definedOnly<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== null && v !== '')) as Partial<T>;
}

function intOf(v: unknown, field: string): number | undefined {
  if (v === undefined || v === null || v === '') return undefined;
  const n = typeof v === 'number' ? v : typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : NaN;
  if (!Number.isSafeInteger(n) || n < 0) throw new ValidationError(field, 'must be a non-negative integer');
  return n;
}

/** Every id a target's mentions may carry: its id (canonical), the id asked for, and its member records. */
function idsOfTarget(entity: { id: string; referents?: string[] }, asked: string): string[] {
  return [...new Set([entity.id, asked, ...(entity.referents ?? []).map(entityIdOf)])];
}
