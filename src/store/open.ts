// Opens the store on the engine the configuration names: PostgreSQL for postgres:// URLs, else SQLite.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import SqliteDatabase from 'better-sqlite3';
import pg from 'pg';
import type { Database } from './schema.ts';
import { SqlStore } from './sql-store.ts';
import { STATEMENT_COLUMNS, type StatementRow } from './rows.ts';
import type { Store } from './types.ts';

export interface StoreLocation {
  databaseUrl: string | null;
  sqlitePath: string;
}

export async function openStore(location: StoreLocation): Promise<Store> {
  const store = location.databaseUrl ? openPostgres(location.databaseUrl) : openSqlite(location.sqlitePath);
  await store.migrate();
  return store;
}

function openSqlite(path: string): SqlStore {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const database = new SqliteDatabase(path);
  database.pragma('journal_mode = WAL');
  database.pragma('synchronous = NORMAL');
  database.pragma('cache_size = -64000'); // 64 MB page cache
  database.pragma('busy_timeout = 10000');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database }) });
  let insert: SqliteDatabase.Statement | undefined; // prepared on first use, after migration
  const bulkInsert = (rows: StatementRow[]) => {
    insert ??= database.prepare(
      `insert or ignore into statements (${STATEMENT_COLUMNS.join(', ')}) values (${STATEMENT_COLUMNS.map(() => '?').join(', ')})`,
    );
    let inserted = 0;
    for (const r of rows) inserted += insert.run(STATEMENT_COLUMNS.map((c) => r[c])).changes;
    return inserted;
  };
  return new SqlStore(db, 'sqlite', bulkInsert);
}

function openPostgres(url: string): SqlStore {
  const pool = new pg.Pool({ connectionString: url, max: 8 });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return new SqlStore(db, 'postgres');
}
