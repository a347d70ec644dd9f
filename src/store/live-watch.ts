// Live versions switched by other processes (a CLI import, a scheduled sync, another server on the
// same PostgreSQL) reach this one: the watcher notices a dataset's new live version and fires
// `Store.onLiveChange`, so the screening index and the graph rebuild and swap as they do after an
// import in this process.
//
// SQLite: a look at the tiny `datasets` table on a short interval (one indexed read, no statements).
// PostgreSQL: LISTEN on a channel the importing transaction NOTIFYs at commit, with the same look on a
// slower interval as a safety net while the listening connection is down.
import { sql, type Kysely, type Transaction } from 'kysely';
import type pg from 'pg';
import type { Database } from './schema.ts';

/** The PostgreSQL channel an import or analyst edit NOTIFYs when it switches a live version. */
export const LIVE_CHANNEL = 'interdict_live';

/** How often SQLite is looked at, and PostgreSQL without a notification. */
export const SQLITE_INTERVAL_MS = 1_000;
export const POSTGRES_INTERVAL_MS = 10_000;

/**
 * Called inside the transaction that switches `dataset`'s live version: PostgreSQL delivers the
 * notification at commit. Resolves with the live key the commit will make visible, so the store can
 * tell its own switches from other processes' ones whenever the watcher happens to look.
 */
export async function announceLiveSwitch(trx: Transaction<Database>, engine: 'sqlite' | 'postgres', dataset: string): Promise<string | null> {
  if (engine === 'postgres') await sql`select pg_notify(${LIVE_CHANNEL}, ${dataset})`.execute(trx);
  const row = await liveRows(trx).where('datasets.name', '=', dataset).executeTakeFirst();
  return row ? liveKeyOf(row) : null;
}

/** Each dataset's live version and its write time (an analyst edit appends in place, so the id alone does not tell). */
function liveRows(db: Kysely<Database>) {
  return db
    .selectFrom('datasets')
    .leftJoin('dataset_versions', 'dataset_versions.id', 'datasets.live_version_id')
    .select(['datasets.name as name', 'datasets.live_version_id as live', 'dataset_versions.imported_at as at']);
}

function liveKeyOf(row: { live: number | string | null; at: string | null }): string | null {
  return row.live === null ? null : `${Number(row.live)}@${String(row.at)}`;
}

/** What the watcher needs of the store: its database, the live-change signal to fire, and its own switches. */
export interface WatchedStore {
  readonly db: Kysely<Database>;
  readonly engine: 'sqlite' | 'postgres';
  notifyLiveChange(dataset: string): void;
  /** True once for a live key this store made live itself (it announces those on its own). */
  madeLiveHere(dataset: string, liveKey: string | null): boolean;
}

export interface LiveWatchOptions {
  /** The PostgreSQL URL to LISTEN on (the store's own); without it PostgreSQL is only polled. */
  databaseUrl?: string | null;
  intervalMs?: number;
  log?: (line: string) => void;
}

export interface LiveWatch {
  /** Looks now (tests, and after a notification). Resolves with the datasets it announced. */
  check(): Promise<string[]>;
  stop(): Promise<void>;
}

/** The watcher for a store that has a database to watch (an in-memory reader has none: null). */
export function watchStore(store: object, options: LiveWatchOptions = {}): LiveWatch | null {
  const s = store as Partial<WatchedStore>;
  if (!s.db || !s.engine || typeof s.notifyLiveChange !== 'function' || typeof s.madeLiveHere !== 'function') return null;
  return watchLiveVersions(s as WatchedStore, options);
}

export function watchLiveVersions(store: WatchedStore, options: LiveWatchOptions = {}): LiveWatch {
  const log = options.log ?? (() => undefined);
  let known: Map<string, string | null> | null = null;
  let stopped = false;
  let running: Promise<string[]> | null = null;
  let queued: Promise<string[]> | null = null;

  async function look(): Promise<string[]> {
    // Own switches are told apart by the live key the store recorded inside its transaction, not by
    // timing: a look may run between the commit and the store's own announcement (it once announced
    // a switch twice under load, and then swallowed another process's next switch).
    const rows = await liveRows(store.db).execute();
    const now = new Map(rows.map((r) => [r.name, liveKeyOf(r)]));
    const before = known;
    known = now;
    if (!before) return [];
    const changed: string[] = [];
    for (const [name, live] of now) {
      if (before.get(name) === live) continue;
      if (store.madeLiveHere(name, live)) continue;
      changed.push(name);
    }
    if (stopped) return [];
    for (const name of changed) {
      log(`live version of ${name} switched by another process: rebuilding`);
      store.notifyLiveChange(name);
    }
    return changed;
  }

  /** One look at a time; a call during a look gets the next look, which starts after it (calls meanwhile share it). */
  function check(): Promise<string[]> {
    if (running) {
      queued ??= running.then(() => {
        queued = null;
        return check();
      });
      return queued;
    }
    running = look()
      .catch((err) => {
        log(`live-version check failed: ${(err as Error).message}`);
        return [] as string[];
      })
      .finally(() => {
        running = null;
      });
    return running;
  }

  void check(); // the starting point
  const interval = options.intervalMs ?? (store.engine === 'postgres' ? POSTGRES_INTERVAL_MS : SQLITE_INTERVAL_MS);
  const timer = setInterval(() => void check(), interval);
  timer.unref();

  const listener = store.engine === 'postgres' && options.databaseUrl ? listen(options.databaseUrl, () => void check(), log, () => stopped) : null;

  return {
    check,
    async stop() {
      stopped = true;
      clearInterval(timer);
      await listener?.stop();
      await running?.catch(() => undefined);
    },
  };
}

/** A dedicated connection LISTENing on the channel; it reconnects after a second when it drops. */
function listen(url: string, onNotify: () => void, log: (line: string) => void, isStopped: () => boolean) {
  let client: pg.Client | null = null;
  let retry: NodeJS.Timeout | null = null;
  const connect = async () => {
    if (isStopped()) return;
    // Loaded here, not at start: SQLite users never need the PostgreSQL driver.
    const { default: driver } = await import('pg');
    const c = new driver.Client({ connectionString: url });
    client = c;
    c.on('notification', (msg) => {
      if (msg.channel === LIVE_CHANNEL) onNotify();
    });
    c.on('error', (err) => {
      log(`live-version listener: ${err.message}; reconnecting`);
      drop(c);
    });
    try {
      await c.connect();
      await c.query(`listen ${LIVE_CHANNEL}`);
      onNotify(); // anything switched while not listening
    } catch (err) {
      log(`live-version listener could not connect: ${(err as Error).message}`);
      drop(c);
    }
  };
  const drop = (c: pg.Client) => {
    void c.end().catch(() => undefined);
    if (client === c) client = null;
    if (!isStopped() && !retry) {
      retry = setTimeout(() => {
        retry = null;
        void connect();
      }, 1_000);
      retry.unref();
    }
  };
  void connect();
  return {
    async stop() {
      if (retry) clearTimeout(retry);
      const c = client;
      client = null;
      await c?.end().catch(() => undefined);
    },
  };
}
