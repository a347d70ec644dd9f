// Issue 13: rate limits hold across the `interdict serve` replicas that share one PostgreSQL. Each
// server counts in the database (INTERDICT_RATE_LIMIT_STORE=database, the default there), so a key's
// budget is the same whichever replica its requests reach, not one budget per replica.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Kysely } from 'kysely';
import { loadConfig } from '../../src/config.ts';
import { buildApp, type AppHandle } from '../../src/server/app.ts';
import { openStore } from '../../src/store/open.ts';
import { RateCounter, type RateLimitTables } from '../../src/store/rate-limits.ts';
import type { SqlStore } from '../../src/store/sql-store.ts';
import type { Store } from '../../src/store/types.ts';
import { apiKey } from '../support/credentials.ts';
import { ENGINES, freshStoreForBlock, PG_URL } from '../support/engines.ts';

const PER_MINUTE = 6;

describe('which store counts requests', () => {
  it('is the database on PostgreSQL and memory on SQLite, unless INTERDICT_RATE_LIMIT_STORE says', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://db/interdict' }).rateLimitStore).toBe('database');
    expect(loadConfig({}).rateLimitStore).toBe('memory');
    expect(loadConfig({ DATABASE_URL: 'postgres://db/interdict', INTERDICT_RATE_LIMIT_STORE: 'memory' }).rateLimitStore).toBe('memory');
    expect(loadConfig({ INTERDICT_RATE_LIMIT_STORE: 'Database' }).rateLimitStore).toBe('database');
    expect(() => loadConfig({ INTERDICT_RATE_LIMIT_STORE: 'redis' })).toThrow(/INTERDICT_RATE_LIMIT_STORE/);
  });
});

describe.each(ENGINES)('request counts in the database on %s', (engine) => {
  const t = freshStoreForBlock(engine);

  it('count within a window, start again after it, and forget long-ended windows', async () => {
    const counter = new RateCounter((t.store as SqlStore).db as unknown as Kysely<RateLimitTables>);
    const start = 1_800_000_000_000;
    expect(await counter.count('key:a', 60_000, start)).toEqual({ count: 1, windowStart: start });
    expect(await counter.count('key:a', 60_000, start + 59_999)).toEqual({ count: 2, windowStart: start });
    expect(await counter.count('key:b', 60_000, start + 10)).toEqual({ count: 1, windowStart: start + 10 });
    expect(await counter.read('key:a', 60_000, start + 59_999)).toEqual({ count: 2, windowStart: start });
    expect(await counter.count('key:a', 60_000, start + 60_000)).toEqual({ count: 1, windowStart: start + 60_000 });
    await counter.prune(start + 5);
    expect((await counter.read('key:b', 60_000, start + 20)).count).toBe(1);
    expect((await counter.read('key:a', 60_000, start + 60_001)).count).toBe(1);
    await counter.prune(start + 60_000 + 1);
    expect((await counter.read('key:a', 60_000, start + 60_001)).count).toBe(0);
    expect((await counter.read('key:b', 60_000, start + 20)).count).toBe(0);
  });
});

describe.skipIf(!PG_URL)('two servers on one PostgreSQL', () => {
  const t = freshStoreForBlock('postgres');
  const servers: { handle: AppHandle; store: Store; url: string }[] = [];

  beforeAll(async () => {
    for (let i = 0; i < 2; i++) {
      const config = { ...loadConfig({ DATABASE_URL: t.url!, INTERDICT_RATE_LIMIT: String(PER_MINUTE), INTERDICT_LOG_LEVEL: 'warn' }), sqlitePath: t.sqlitePath, loadBundled: false };
      expect(config.rateLimitStore).toBe('database');
      const store = await openStore(config);
      const handle = await buildApp(config, store, { logger: false });
      servers.push({ handle, store, url: await handle.app.listen({ port: 0, host: '127.0.0.1' }) });
    }
  }, 60_000);
  afterAll(async () => {
    for (const { handle, store } of servers) {
      await handle.app.close();
      await store.close();
    }
  });

  /** The i-th request goes to server i mod 2. */
  const alternate = (i: number, path: string, headers: Record<string, string> = {}) => fetch(`${servers[i % 2].url}${path}`, { headers });

  it("share one key's budget: requests alternating between them are refused at the (N+1)th, with Retry-After", async () => {
    const key = { authorization: `ApiKey ${await apiKey(t.store, 'viewer')}` };
    for (let i = 0; i < PER_MINUTE; i++) expect((await alternate(i, '/catalog', key)).status, `request ${i + 1}`).toBe(200);
    for (const i of [PER_MINUTE, PER_MINUTE + 1]) {
      const refused = await alternate(i, '/catalog', key);
      expect(refused.status, `request ${i + 1}, to server ${(i % 2) + 1}`).toBe(429);
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(Number(refused.headers.get('retry-after'))).toBeLessThanOrEqual(60);
      expect(await refused.json()).toMatchObject({ status: 429, error: expect.stringMatching(/too many requests/) });
    }
    // Another key keeps its own budget on both.
    const other = { authorization: `ApiKey ${await apiKey(t.store, 'analyst')}` };
    expect([(await alternate(0, '/catalog', other)).status, (await alternate(1, '/catalog', other)).status]).toEqual([200, 200]);
  });

  it("share an address's budget for callers without a key", async () => {
    for (let i = 0; i < PER_MINUTE; i++) expect((await alternate(i, '/auth/me')).status, `request ${i + 1}`).toBe(200);
    expect((await alternate(PER_MINUTE, '/auth/me')).status).toBe(429);
    expect((await alternate(PER_MINUTE + 1, '/auth/me')).status).toBe(429);
  });
});
