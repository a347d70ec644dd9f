// Table definitions (Kysely types) and the migration that creates them on either engine.
import { sql, type ColumnDefinitionBuilder, type Generated, type Kysely } from 'kysely';
import { migrateResolve } from './judgements-schema.ts';
import { migrateDocuments } from './documents-schema.ts';
import { migrateAccess } from './access-schema.ts';
import { migrateJobs } from './jobs-schema.ts';
import { migrateMonitor } from './monitor-schema.ts';
import { migrateRateLimits } from './rate-limits.ts';
import { ensureIndex } from './ddl.ts';

export interface DatasetsTable {
  name: string;
  title: string;
  publisher: string;
  licence: string;
  live_version_id: number | null;
  created_at: string;
  /** `publisher` or `analyst` (see DatasetKind); null only in databases made before it existed. */
  kind: string | null;
}

export interface VersionsTable {
  id: Generated<number>;
  dataset: string;
  version: string;
  published_at: string | null;
  imported_at: string;
  status: string;
  format: string;
  source_files: string; // JSON array
  entity_count: number;
  statement_count: number;
  schema_counts: string; // JSON object
  author: string;
}

export interface StatementsTable {
  version_id: number;
  id: string;
  entity_id: string;
  canonical_id: string;
  prop: string;
  schema: string;
  value: string;
  dataset: string;
  lang: string | null;
  original_value: string | null;
  first_seen: string;
  last_seen: string;
  source_document: string | null;
  locator: string | null;
  claim_date: string | null;
  evidence_grade: string;
  review_status: string;
  author: string;
  /** 1 when the value is another entity's id (Sanction.entity, UnknownLink.subject...): indexed for reverse look-ups. */
  is_ref: number;
}

/** Diffs kept once computed (versions do not change; `stamp` catches analyst edits to a live version in place). */
export interface VersionDiffsTable {
  from_id: number;
  to_id: number;
  stamp: string;
  /** JSON: added, removed, changed and targets, as `diff` answers them. */
  body: string;
}

export interface Database {
  datasets: DatasetsTable;
  dataset_versions: VersionsTable;
  statements: StatementsTable;
  version_diffs: VersionDiffsTable;
}

export async function migrate(db: Kysely<Database>, engine: 'sqlite' | 'postgres'): Promise<void> {
  // Ids sort by their bytes on both engines (SQLite's default; PostgreSQL's "C" collation), so streams
  // of several versions merge in the same order whatever the server's locale.
  const byteOrder = (c: ColumnDefinitionBuilder) => (engine === 'postgres' ? c.modifyEnd(sql`collate "C"`) : c);
  await db.schema
    .createTable('datasets')
    .ifNotExists()
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('publisher', 'text', (c) => c.notNull())
    .addColumn('licence', 'text', (c) => c.notNull())
    .addColumn('live_version_id', 'integer')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('kind', 'text')
    .execute();
  await addDatasetKind(db);
  let versions = db.schema.createTable('dataset_versions').ifNotExists();
  versions =
    engine === 'postgres'
      ? versions.addColumn('id', 'serial', (c) => c.primaryKey())
      : versions.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement());
  await versions
    .addColumn('dataset', 'text', (c) => c.notNull())
    .addColumn('version', 'text', (c) => c.notNull())
    .addColumn('published_at', 'text')
    .addColumn('imported_at', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('format', 'text', (c) => c.notNull())
    .addColumn('source_files', 'text', (c) => c.notNull())
    .addColumn('entity_count', 'integer', (c) => c.notNull())
    .addColumn('statement_count', 'integer', (c) => c.notNull())
    .addColumn('schema_counts', 'text', (c) => c.notNull())
    .addColumn('author', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('statements')
    .ifNotExists()
    .addColumn('version_id', 'integer', (c) => c.notNull())
    .addColumn('id', 'text', (c) => byteOrder(c.notNull()))
    .addColumn('entity_id', 'text', (c) => byteOrder(c.notNull()))
    .addColumn('canonical_id', 'text', (c) => byteOrder(c.notNull()))
    .addColumn('prop', 'text', (c) => c.notNull())
    .addColumn('schema', 'text', (c) => c.notNull())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('dataset', 'text', (c) => c.notNull())
    .addColumn('lang', 'text')
    .addColumn('original_value', 'text')
    .addColumn('first_seen', 'text', (c) => c.notNull())
    .addColumn('last_seen', 'text', (c) => c.notNull())
    .addColumn('source_document', 'text')
    .addColumn('locator', 'text')
    .addColumn('claim_date', 'text')
    .addColumn('evidence_grade', 'text', (c) => c.notNull())
    .addColumn('review_status', 'text', (c) => c.notNull())
    .addColumn('author', 'text', (c) => c.notNull())
    .addColumn('is_ref', 'integer', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('statements_pk', ['version_id', 'canonical_id', 'entity_id', 'id'])
    // SQLite: the rows live in the primary-key tree itself, one B-tree less to write per statement.
    .$call((t) => (engine === 'sqlite' ? t.modifyEnd(sql`without rowid`) : t))
    .execute();
  // The primary key clusters a version's statements by entity, the order parsers write them in, so
  // inserts append instead of splitting pages all over the tree, and a version streams in entity order.
  await ensureIndex(db, 'statements_canonical', (index) => index.on('statements').columns(['canonical_id', 'version_id']));
  // References between entities: a partial index keeps it small, and a flag keeps its test cheap on insert.
  await ensureIndex(db, 'statements_refs', (index) => index.on('statements').columns(['value', 'version_id']).where(sql.ref('is_ref'), '=', 1));
  await ensureIndex(db, 'versions_dataset', (index) => index.on('dataset_versions').columns(['dataset', 'id']));
  await db.schema
    .createTable('version_diffs')
    .ifNotExists()
    .addColumn('from_id', 'integer', (c) => c.notNull())
    .addColumn('to_id', 'integer', (c) => c.notNull())
    .addColumn('stamp', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('version_diffs_pk', ['from_id', 'to_id'])
    .execute();
  await migrateResolve(db, engine);
  await migrateDocuments(db, engine);
  await migrateAccess(db);
  await migrateJobs(db);
  await migrateMonitor(db, engine);
  await migrateRateLimits(db);
}

/**
 * Databases made before datasets had a kind: add the column and decide it from what wrote the live
 * version (analyst edits and claim files are analysts'; every list format is its publisher's).
 */
async function addDatasetKind(db: Kysely<Database>): Promise<void> {
  const tables = await db.introspection.getTables();
  const datasets = tables.find((t) => t.name === 'datasets');
  if (!datasets || datasets.columns.some((c) => c.name === 'kind')) return;
  await db.schema.alterTable('datasets').addColumn('kind', 'text').execute();
  await sql`
    update datasets set kind = case when exists (
      select 1 from dataset_versions v where v.id = datasets.live_version_id
        and v.format in ('analyst', 'statements-csv', 'interdict-case-csv', 'arms-transfers-csv')
    ) then 'analyst' else 'publisher' end
    where kind is null
  `.execute(db);
}
