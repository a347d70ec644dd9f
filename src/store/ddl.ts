// Schema changes every process makes as it opens the store, written to take no lock when there is
// nothing to change.
import { PostgresAdapter, sql, type CreateIndexBuilder, type Kysely } from 'kysely';

/**
 * Creates the index `name` (CREATE INDEX … IF NOT EXISTS, as `define` shapes it: table, columns, …)
 * unless it exists. On PostgreSQL that statement locks its table against writes before it finds the
 * index there: a process opening the store waited for every transaction writing that table (a
 * worker's re-screen, an import). SQLite's takes no such lock. The name is given once, here: the
 * one looked up is the one created.
 */
export async function ensureIndex(db: Kysely<any>, name: string, define: (index: CreateIndexBuilder) => CreateIndexBuilder<any>): Promise<void> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    const { rows } = await sql<{ found: string | null }>`select to_regclass(${name})::text as found`.execute(db);
    if (rows[0]?.found) return;
  }
  await define(db.schema.createIndex(name).ifNotExists()).execute();
}
