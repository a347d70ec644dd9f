// Schema changes every process makes as it opens the store, written to take no lock when there is
// nothing to change.
import { PostgresAdapter, sql, type Kysely } from 'kysely';

/**
 * Runs `create` (a CREATE INDEX … IF NOT EXISTS) unless an index `name` exists. On PostgreSQL the
 * statement locks its table against writes before it finds the index there: a process opening the
 * store waited for every transaction writing that table (a worker's re-screen, an import). SQLite's
 * takes no such lock.
 */
export async function ensureIndex(db: Kysely<any>, name: string, create: () => Promise<unknown>): Promise<void> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    const { rows } = await sql<{ found: string | null }>`select to_regclass(${name})::text as found`.execute(db);
    if (rows[0]?.found) return;
  }
  await create();
}
