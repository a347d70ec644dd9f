// Request counts for the rate limits (issue 13), in the database every `interdict serve` replica shares,
// so N replicas give one budget, not N. One row per key (an API key, a user, a client address): the
// window it is counting in and how many requests it has seen there. Counting is one atomic upsert.
import { sql, type Kysely } from 'kysely';
import { ensureIndex } from './ddl.ts';

export interface RateLimitsTable {
  key: string;
  /** When the key's current window began (milliseconds since the epoch). */
  window_start: number;
  count: number;
}

export interface RateLimitTables {
  rate_limits: RateLimitsTable;
}

export async function migrateRateLimits(db: Kysely<any>): Promise<void> {
  await db.schema.createTable('rate_limits').ifNotExists()
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('window_start', 'bigint', (c) => c.notNull())
    .addColumn('count', 'integer', (c) => c.notNull())
    .execute();
  await ensureIndex(db, 'rate_limits_by_window', (index) => index.on('rate_limits').column('window_start'));
}

export interface RateCount {
  /** Requests in the key's current window, this one included. */
  count: number;
  /** When that window began (ms since the epoch). */
  windowStart: number;
}

export class RateCounter {
  constructor(private readonly db: Kysely<RateLimitTables>) {}

  /**
   * Counts one request of `key` at `now`: a window that ended starts again with this request. One
   * statement, so two replicas counting the same key at once each see the other's request.
   */
  async count(key: string, windowMs: number, now = Date.now()): Promise<RateCount> {
    const ended = now - windowMs;
    const { rows } = await sql<{ count: number | string; window_start: number | string }>`
      insert into rate_limits (key, window_start, count) values (${key}, ${now}, 1)
      on conflict (key) do update set
        count = case when rate_limits.window_start <= ${ended} then 1 else rate_limits.count + 1 end,
        window_start = case when rate_limits.window_start <= ${ended} then ${now} else rate_limits.window_start end
      returning count, window_start`.execute(this.db);
    return { count: Number(rows[0].count), windowStart: Number(rows[0].window_start) };
  }

  /** The key's count in its current window without counting (0: none open at `now`). */
  async read(key: string, windowMs: number, now = Date.now()): Promise<RateCount> {
    const row = await this.db.selectFrom('rate_limits').select(['count', 'window_start']).where('key', '=', key).where('window_start', '>', now - windowMs).executeTakeFirst();
    return row ? { count: Number(row.count), windowStart: Number(row.window_start) } : { count: 0, windowStart: now };
  }

  /** Forgets keys whose windows began before `before` (an address seen once is not kept for ever). */
  async prune(before: number): Promise<void> {
    await this.db.deleteFrom('rate_limits').where('window_start', '<', before).execute();
  }
}
