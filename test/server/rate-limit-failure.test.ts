// Issue 13: when the rate limiter counts in the database and the database fails it, a request is
// refused with 503 and Retry-After, and the failure is logged: not a bare 500, and never served
// uncounted (a broken store must not switch the limits off).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql, type Kysely } from 'kysely';
import { loadConfig } from '../../src/config.ts';
import { buildApp, type AppHandle } from '../../src/server/app.ts';
import { migrateRateLimits } from '../../src/store/rate-limits.ts';
import type { SqlStore } from '../../src/store/sql-store.ts';
import { apiKey } from '../support/credentials.ts';
import { ENGINES, freshStoreForBlock } from '../support/engines.ts';

describe.each(ENGINES)('a rate limiter whose database fails, on %s', (engine) => {
  const t = freshStoreForBlock(engine);
  let handle: AppHandle;
  const logged: { level: number; err?: { message: string } }[] = [];
  let key: Record<string, string>;
  const db = () => (t.store as SqlStore).db as unknown as Kysely<any>;

  beforeAll(async () => {
    const config = { ...loadConfig({ INTERDICT_RATE_LIMIT: '100', INTERDICT_RATE_LIMIT_STORE: 'database', INTERDICT_LOG_LEVEL: 'warn' }), databaseUrl: t.url, sqlitePath: t.sqlitePath, loadBundled: false };
    handle = await buildApp(config, t.store, { logStream: { write: (line) => void logged.push(JSON.parse(line)) } });
    await handle.app.ready();
    key = { authorization: `ApiKey ${await apiKey(t.store, 'viewer')}` };
  });
  afterAll(async () => handle?.app.close());

  it('answers 503 with Retry-After and logs why, then counts again once the database is back', async () => {
    expect((await handle.app.inject({ url: '/catalog', headers: key })).statusCode).toBe(200);

    await sql`drop table rate_limits`.execute(db()); // the limiter's table gone; keys and sessions still work
    for (const res of [await handle.app.inject({ url: '/catalog', headers: key }), await handle.app.inject({ method: 'POST', url: '/auth/sign-in', payload: { name: 'x', password: 'some password' } })]) {
      expect(res.statusCode, res.body).toBe(503);
      expect(res.headers['retry-after']).toBe('5');
      expect(res.json()).toMatchObject({ status: 503, error: expect.stringMatching(/cannot be counted for the rate limit.*retry in 5 s/) });
      expect(res.body).not.toMatch(/rate_limits/); // the database's own words go to the log only
    }
    const errors = logged.filter((l) => l.level >= 50);
    expect(errors.length).toBe(2);
    for (const line of errors) expect(line.err?.message).toMatch(/cannot be counted for the rate limit.*: .*rate_limits/); // with its cause

    await migrateRateLimits(db());
    expect((await handle.app.inject({ url: '/catalog', headers: key })).statusCode).toBe(200);
  });
});
