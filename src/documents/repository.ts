// The documents' rows over the store's Kysely connection, on SQLite or PostgreSQL. A document is
// written whole in one transaction (bytes, text, passages, full-text rows) or not at all.
import { sql, type Kysely } from 'kysely';
import type { Store } from '../store/types.ts';
import { SqlStore } from '../store/sql-store.ts';
import type { DocumentMentionsTable, DocumentsDatabase, DocumentsTable } from '../store/documents-schema.ts';
import type { Paragraph } from './text.ts';

export type DocumentRow = DocumentsTable;
export type MentionRow = DocumentMentionsTable;

export interface SearchFilter {
  q?: string;
  entityId?: string;
  /** Other ids of the same target (its member records). */
  alsoIds?: string[];
  from?: string;
  to?: string;
  source?: string;
  limit: number;
  offset: number;
  /** Workspaces whose documents are left out (before paging). */
  hidden?: readonly string[];
}

export interface SearchHit {
  documentId: string;
  title: string | null;
  publisher: string | null;
  publishedAt: string | null;
  paragraph: number;
  page: number;
  start: number;
  end: number;
  text: string;
}

const CASELESS_SCRIPT = /[\p{Script=Han}\p{Script=Hangul}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}]/u;

export class DocumentRepository {
  readonly db: Kysely<DocumentsDatabase>;
  readonly engine: 'sqlite' | 'postgres';

  constructor(store: Store) {
    if (!(store instanceof SqlStore)) throw new Error('documents need the SQL store');
    this.db = store.db as unknown as Kysely<DocumentsDatabase>;
    this.engine = store.engine;
  }

  async get(id: string): Promise<DocumentRow | undefined> {
    return this.db.selectFrom('documents').selectAll().where('id', '=', id).executeTakeFirst();
  }

  /** The workspace of each of these documents (null: shared). */
  async workspacesOf(ids: string[]): Promise<Map<string, string | null>> {
    if (!ids.length) return new Map();
    const rows = await this.db.selectFrom('documents').select(['id', 'workspace']).where('id', 'in', [...new Set(ids)]).execute();
    return new Map(rows.map((r) => [r.id, r.workspace]));
  }

  /** The workspaces that hold documents (the reader's predicate picks those it may not see). */
  async workspaces(): Promise<string[]> {
    const rows = await this.db.selectFrom('documents').select('workspace').distinct().where('workspace', 'is not', null).execute();
    return rows.map((r) => r.workspace!);
  }

  /** `hidden`: workspaces whose documents are left out, before paging, so a page is never short. */
  async list(limit = 100, offset = 0, hidden: readonly string[] = []): Promise<Omit<DocumentRow, 'text'>[]> {
    let q = this.db.selectFrom('documents');
    if (hidden.length) q = q.where((eb) => eb.or([eb('workspace', 'is', null), eb('workspace', 'not in', [...hidden])]));
    return q
      .select(['id', 'media_type', 'file_name', 'size', 'title', 'author', 'publisher', 'published_at', 'url', 'language', 'page_count', 'text_layer', 'created_at', 'created_by', 'workspace'])
      .orderBy('created_at', 'desc')
      .orderBy('id')
      .limit(limit)
      .offset(offset)
      .execute();
  }

  async bytes(id: string): Promise<Uint8Array | undefined> {
    return (await this.db.selectFrom('document_blobs').select('bytes').where('sha256', '=', id).executeTakeFirst())?.bytes;
  }

  /** Writes the document whole; false when the same bytes are there already. */
  async insert(doc: DocumentRow, bytes: Uint8Array, paragraphs: Paragraph[]): Promise<boolean> {
    return this.db.transaction().execute(async (trx) => {
      if (await trx.selectFrom('documents').select('id').where('id', '=', doc.id).executeTakeFirst()) return false;
      await trx.insertInto('document_blobs').values({ sha256: doc.id, bytes: Buffer.from(bytes) }).execute();
      await trx.insertInto('documents').values(doc).execute();
      for (let i = 0; i < paragraphs.length; i += 500) {
        const chunk = paragraphs.slice(i, i + 500);
        await trx.insertInto('document_passages').values(chunk.map((p) => ({ document_id: doc.id, paragraph: p.paragraph, page: p.page, start: p.start, end: p.end, text: p.text }))).execute();
        if (this.engine === 'sqlite') {
          for (const p of chunk) await sql`insert into document_fts (document_id, paragraph, text) values (${doc.id}, ${p.paragraph}, ${p.text})`.execute(trx);
        }
      }
      return true;
    });
  }

  async passages(documentId: string, fromParagraph = 1, toParagraph = 2_147_483_647): Promise<Paragraph[]> {
    return this.db
      .selectFrom('document_passages')
      .select(['paragraph', 'page', 'start', 'end', 'text'])
      .where('document_id', '=', documentId)
      .where('paragraph', '>=', fromParagraph)
      .where('paragraph', '<=', toParagraph)
      .orderBy('paragraph')
      .execute();
  }

  /** Replaces the machine's mentions of a document; the analyst's reviews of the same span and link stay. */
  async replaceMentions(documentId: string, rows: MentionRow[]): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await trx.deleteFrom('document_mentions').where('document_id', '=', documentId).where('status', '=', 'proposed').execute();
      const reviewed = new Set((await trx.selectFrom('document_mentions').select('id').where('document_id', '=', documentId).execute()).map((r) => r.id));
      const fresh = rows.filter((r) => !reviewed.has(r.id));
      for (let i = 0; i < fresh.length; i += 500) await trx.insertInto('document_mentions').values(fresh.slice(i, i + 500)).execute();
    });
  }

  async mentions(documentId: string, filter: { kind?: MentionRow['kind']; entityId?: string } = {}): Promise<MentionRow[]> {
    let q = this.db.selectFrom('document_mentions').selectAll().where('document_id', '=', documentId);
    if (filter.kind) q = q.where('kind', '=', filter.kind);
    if (filter.entityId) q = q.where('entity_id', '=', filter.entityId);
    return q.orderBy('start').orderBy('id').execute();
  }

  async mention(documentId: string, id: string): Promise<MentionRow | undefined> {
    return this.db.selectFrom('document_mentions').selectAll().where('document_id', '=', documentId).where('id', '=', id).executeTakeFirst();
  }

  async review(id: string, change: Pick<MentionRow, 'status' | 'entity_id' | 'reviewed_by' | 'reviewed_at'>): Promise<void> {
    await this.db.updateTable('document_mentions').set(change).where('id', '=', id).execute();
  }

  /** Mentions of an entity that an analyst has not rejected, with their documents. */
  async mentionsOfEntity(entityIds: string[]): Promise<(MentionRow & { title: string | null; published_at: string | null; publisher: string | null })[]> {
    if (entityIds.length === 0) return [];
    return this.db
      .selectFrom('document_mentions as m')
      .innerJoin('documents as d', 'd.id', 'm.document_id')
      .selectAll('m')
      .select(['d.title', 'd.published_at', 'd.publisher'])
      .where('m.entity_id', 'in', entityIds)
      .where('m.status', '!=', 'rejected')
      .orderBy('d.published_at', 'desc')
      .orderBy('m.document_id')
      .orderBy('m.start')
      .limit(1000)
      .execute();
  }

  async search(f: SearchFilter): Promise<SearchHit[]> {
    let q = this.db
      .selectFrom('document_passages as p')
      .innerJoin('documents as d', 'd.id', 'p.document_id')
      .select(['p.document_id as documentId', 'd.title as title', 'd.publisher as publisher', 'd.published_at as publishedAt', 'p.paragraph as paragraph', 'p.page as page', 'p.start as start', 'p.end as end', 'p.text as text']);
    if (f.q) {
      const text = f.q;
      if (this.engine === 'sqlite') {
        // FTS5 trigrams need three characters; shorter queries scan with LIKE.
        if ([...text].length >= 3) {
          const phrase = `"${text.replace(/"/g, '""')}"`;
          q = q.where(({ exists, selectFrom }) =>
            exists(selectFrom(sql<{ document_id: string; paragraph: number }>`document_fts`.as('f')).select(sql`1`.as('one')).where(sql<boolean>`f.document_id = p.document_id and f.paragraph = p.paragraph and document_fts match ${phrase}`)),
          );
        } else q = q.where(sql<boolean>`p.text like ${'%' + text.replace(/[%_]/g, '') + '%'}`);
      } else if (CASELESS_SCRIPT.test(text)) {
        q = q.where(sql<boolean>`position(lower(${text}) in lower(p.text)) > 0`);
      } else {
        q = q.where(sql<boolean>`to_tsvector('simple', p.text) @@ plainto_tsquery('simple', ${text})`);
      }
    }
    if (f.entityId) {
      // A target's mentions may name its canonical id or any of its member records (mentions found before a merge).
      const ids = [f.entityId, ...(f.alsoIds ?? [])];
      q = q.where(({ exists, selectFrom }) =>
        exists(selectFrom('document_mentions as m').select('m.id').whereRef('m.document_id', '=', 'p.document_id').whereRef('m.paragraph', '=', 'p.paragraph').where('m.entity_id', 'in', ids).where('m.status', '!=', 'rejected')),
      );
    }
    if (f.hidden?.length) {
      const hidden = [...f.hidden];
      q = q.where((eb) => eb.or([eb('d.workspace', 'is', null), eb('d.workspace', 'not in', hidden)]));
    }
    if (f.from) q = q.where('d.published_at', '>=', f.from);
    if (f.to) q = q.where('d.published_at', '<=', f.to + '\uffff');
    if (f.source) {
      const like = `%${f.source.toLowerCase().replace(/[%_]/g, '')}%`;
      q = q.where((eb) => eb.or([eb(sql`lower(coalesce(d.publisher, ''))`, 'like', like), eb(sql`lower(coalesce(d.url, ''))`, 'like', like), eb(sql`lower(d.file_name)`, 'like', like)]));
    }
    return q.orderBy('d.published_at', 'desc').orderBy('p.document_id').orderBy('p.paragraph').limit(f.limit).offset(f.offset).execute() as Promise<SearchHit[]>;
  }
}
