// Tables of the documents room (src/documents/): original bytes by SHA-256, text with paragraph
// offsets, mentions, and a full-text index (FTS5 on SQLite, tsvector on PostgreSQL). Additive: the
// statement tables do not know them; a mention names an entity id the store knows, which a resolver
// can later map to its canonical id.
import { sql, type Kysely } from 'kysely';
import { ensureIndex } from './ddl.ts';

export interface DocumentsTable {
  /** SHA-256 of the original bytes, hex; in a workspace, of `<workspace>:<that hash>` (each scope keeps its own copy). */
  id: string;
  media_type: string;
  file_name: string;
  size: number;
  title: string | null;
  author: string | null;
  publisher: string | null;
  published_at: string | null;
  url: string | null;
  language: string | null;
  page_count: number;
  text_layer: string; // 'text' | 'none' (a scanned PDF)
  text: string;
  created_at: string;
  created_by: string;
  /** The confidential workspace (its id, `ws_…`) the document belongs to; null: shared with every reader. */
  workspace: string | null;
}

export interface DocumentBlobsTable {
  /** The document's id (named when ids were only hashes of the bytes). */
  sha256: string;
  bytes: Uint8Array;
}

export interface DocumentPassagesTable {
  document_id: string;
  paragraph: number; // 1-based, over the whole document
  page: number; // 1-based; 1 for formats without pages
  start: number; // character offsets into documents.text (UTF-16 code units, as JavaScript counts)
  end: number;
  text: string;
}

export interface DocumentMentionsTable {
  id: string;
  document_id: string;
  kind: 'entity' | 'vessel' | 'imo' | 'mmsi' | 'passport' | 'date' | 'quantity' | 'country';
  start: number;
  end: number;
  paragraph: number;
  page: number;
  text: string;
  value: string | null; // normalised value (IMO number, ISO date, country code...)
  entity_id: string | null; // the linked entity (the best candidate, or the analyst's choice)
  score: number | null;
  candidates: string; // JSON: [{id, caption, schema, score, datasets, explanations}]
  status: 'proposed' | 'accepted' | 'rejected' | 'relinked';
  reviewed_by: string | null;
  reviewed_at: string | null;
}

export interface DocumentsDatabase {
  documents: DocumentsTable;
  document_blobs: DocumentBlobsTable;
  document_passages: DocumentPassagesTable;
  document_mentions: DocumentMentionsTable;
}

export async function migrateDocuments(db: Kysely<any>, engine: 'sqlite' | 'postgres'): Promise<void> {
  const k = db as Kysely<DocumentsDatabase>;
  await k.schema
    .createTable('documents')
    .ifNotExists()
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('media_type', 'text', (c) => c.notNull())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('title', 'text')
    .addColumn('author', 'text')
    .addColumn('publisher', 'text')
    .addColumn('published_at', 'text')
    .addColumn('url', 'text')
    .addColumn('language', 'text')
    .addColumn('page_count', 'integer', (c) => c.notNull())
    .addColumn('text_layer', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('workspace', 'text')
    .execute();
  // Databases made before workspaces existed get the column (null: shared, as every document was).
  const table = (await k.introspection.getTables()).find((t) => t.name === 'documents');
  if (table && !table.columns.some((c) => c.name === 'workspace')) await k.schema.alterTable('documents').addColumn('workspace', 'text').execute();
  await k.schema
    .createTable('document_blobs')
    .ifNotExists()
    .addColumn('sha256', 'text', (c) => c.primaryKey())
    .addColumn('bytes', engine === 'postgres' ? 'bytea' : 'blob', (c) => c.notNull())
    .execute();
  await k.schema
    .createTable('document_passages')
    .ifNotExists()
    .addColumn('document_id', 'text', (c) => c.notNull())
    .addColumn('paragraph', 'integer', (c) => c.notNull())
    .addColumn('page', 'integer', (c) => c.notNull())
    .addColumn('start', 'integer', (c) => c.notNull())
    .addColumn('end', 'integer', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('document_passages_pk', ['document_id', 'paragraph'])
    .execute();
  await k.schema
    .createTable('document_mentions')
    .ifNotExists()
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('document_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('start', 'integer', (c) => c.notNull())
    .addColumn('end', 'integer', (c) => c.notNull())
    .addColumn('paragraph', 'integer', (c) => c.notNull())
    .addColumn('page', 'integer', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('value', 'text')
    .addColumn('entity_id', 'text')
    .addColumn('score', 'real')
    .addColumn('candidates', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('reviewed_by', 'text')
    .addColumn('reviewed_at', 'text')
    .execute();
  await ensureIndex(k, 'document_mentions_document', (index) => index.on('document_mentions').columns(['document_id', 'start']));
  await ensureIndex(k, 'document_mentions_entity', (index) => index.on('document_mentions').columns(['entity_id', 'document_id']));
  if (engine === 'sqlite') {
    // Trigram tokens find a name inside unspaced scripts (金正恩, 김정은은) as well as in spaced ones.
    await sql`create virtual table if not exists document_fts using fts5(document_id unindexed, paragraph unindexed, text, tokenize = 'trigram')`.execute(db);
  } else {
    await ensureIndex(db, 'document_passages_fts', (index) => index.on('document_passages').using('gin').expression(sql`to_tsvector('simple', text)`));
  }
}
