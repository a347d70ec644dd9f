// Opens the store on the engine the configuration names: PostgreSQL for postgres:// URLs, else SQLite.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { CompiledQuery, Kysely, PostgresDialect, SqliteDialect, SqliteDriver, type DatabaseConnection, type Driver, type SqliteDialectConfig } from 'kysely';
import SqliteDatabase from 'better-sqlite3';
import type { Database } from './schema.ts';
import { SqlStore } from './sql-store.ts';
import { checkpointInBackground } from './checkpointer.ts';
import { STATEMENT_COLUMNS, type StatementRow } from './rows.ts';
import type { Store } from './types.ts';

export interface StoreLocation {
  databaseUrl: string | null;
  sqlitePath: string;
}

export async function openStore(location: StoreLocation): Promise<Store> {
  const store = location.databaseUrl ? await openPostgres(location.databaseUrl) : openSqlite(location.sqlitePath);
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
  const db = new Kysely<Database>({ dialect: new ImmediateSqliteDialect({ database }) });
  // Prepared on first use (after migration); many rows per statement cut the per-call overhead.
  const PER_STATEMENT = 100;
  const values = (n: number) => Array.from({ length: n }, () => `(${STATEMENT_COLUMNS.map(() => '?').join(', ')})`).join(', ');
  const sqlFor = (n: number) => `insert or ignore into statements (${STATEMENT_COLUMNS.join(', ')}) values ${values(n)}`;
  let one: SqliteDatabase.Statement | undefined;
  let many: SqliteDatabase.Statement | undefined;
  const bulkInsert = (rows: StatementRow[]) => {
    one ??= database.prepare(sqlFor(1));
    many ??= database.prepare(sqlFor(PER_STATEMENT));
    let inserted = 0;
    let i = 0;
    for (; i + PER_STATEMENT <= rows.length; i += PER_STATEMENT) {
      const args: unknown[] = [];
      for (let j = i; j < i + PER_STATEMENT; j++) for (const c of STATEMENT_COLUMNS) args.push(rows[j][c]);
      inserted += many.run(args).changes;
    }
    for (; i < rows.length; i++) inserted += one.run(STATEMENT_COLUMNS.map((c) => rows[i][c])).changes;
    return inserted;
  };
  const prepared = new Map<string, SqliteDatabase.Statement>();
  const rawSelect = (text: string, params: unknown[]) => {
    let statement = prepared.get(text);
    if (!statement) {
      statement = database.prepare(text).raw(true);
      prepared.set(text, statement);
    }
    return statement.all(params) as unknown[][];
  };
  const writes = new Map<string, SqliteDatabase.Statement>();
  const runEach = (text: string, rows: unknown[][]) => {
    let statement = writes.get(text);
    if (!statement) writes.set(text, (statement = database.prepare(text)));
    const write = statement;
    database.transaction(() => rows.forEach((row) => write.run(row))).immediate();
  };
  const background = path === ':memory:' ? undefined : () => {
    database.pragma('wal_autocheckpoint = 0');
    return checkpointInBackground(path);
  };
  return new SqlStore(db, 'sqlite', bulkInsert, rawSelect, background, runEach);
}

/**
 * Kysely begins SQLite transactions deferred: one that reads and then writes fails at once with
 * "database is locked", without waiting, when another connection committed in between (its snapshot
 * is stale). Taking the write lock at `begin` makes it wait its turn (busy_timeout) instead.
 */
class ImmediateSqliteDialect extends SqliteDialect {
  constructor(private readonly settings: SqliteDialectConfig) {
    super(settings);
  }

  override createDriver(): Driver {
    return new ImmediateSqliteDriver(this.settings);
  }
}

class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }
}

/** The driver is loaded only here: loading it cost every SQLite command a third of its start (bench:answers). */
async function openPostgres(url: string): Promise<SqlStore> {
  const { default: pg } = await import('pg');
  const pool = new pg.Pool({ connectionString: url, max: 8 });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return new SqlStore(db, 'postgres');
}
