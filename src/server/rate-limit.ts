// Request rate limits (issue 13): one budget per API key, or per client address for everyone else, and a
// much smaller one for the routes that check passwords and sign-in links, where guessing would happen.
// Health checks are never limited: an orchestrator's probes must not be refused by a busy client.
// Counts are kept in the database when replicas share one (INTERDICT_RATE_LIMIT_STORE=database, the
// default on PostgreSQL), so each budget holds across them; in this process's memory otherwise.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import rateLimit from '@fastify/rate-limit';
import type { Kysely } from 'kysely';
import type { Config } from '../config.ts';
import { InterdictError, UnavailableError } from '../model/errors.ts';
import { RateCounter, type RateLimitTables } from '../store/rate-limits.ts';
import { SqlStore } from '../store/sql-store.ts';
import type { Store } from '../store/types.ts';

const UNLIMITED_ROUTES = new Set(['/healthz', '/readyz', '/', '/app/*']);

/**
 * A key's or a signed-in user's own budget follows it across addresses (colleagues behind one office
 * address do not share one); without either, the address is the client. The web app's own files are
 * not counted: a page load fetches many.
 */
export function rateKey(req: FastifyRequest): string {
  const p = req.principal;
  if (p?.kind === 'key') return `key:${p.id}`;
  if (p?.kind === 'user') return `user:${p.id}`;
  return `ip:${req.ip}`;
}

/** The route option for sign-in and sign-in-link routes: per address, whatever the request carries. */
export function signInRateLimit(config: Pick<Config, 'signInRateLimitPerMinute'>): { rateLimit: false | { max: number; timeWindow: number; keyGenerator: (req: FastifyRequest) => string } } {
  if (config.signInRateLimitPerMinute <= 0) return { rateLimit: false };
  return { rateLimit: { max: config.signInRateLimitPerMinute, timeWindow: 60_000, keyGenerator: (req) => `sign-in:${req.ip}` } };
}

/**
 * Registers the limiter before the routes. Its checks run as route hooks, after the app-level hook that
 * identifies the caller (authenticate.ts), so a key is counted by its id once it is known to be valid.
 * A 429 goes through the error handler: the usual `{error, detail, status}` and a Retry-After header;
 * so does the 503 of a request the database store failed to count.
 */
export async function installRateLimit(app: FastifyInstance, config: Pick<Config, 'rateLimitPerMinute' | 'rateLimitStore'>, store: Store): Promise<void> {
  await app.register(rateLimit, {
    ...(config.rateLimitStore === 'database' ? { store: databaseStore(store) } : {}),
    global: config.rateLimitPerMinute > 0,
    max: config.rateLimitPerMinute,
    timeWindow: 60_000,
    keyGenerator: rateKey,
    allowList: (req) => UNLIMITED_ROUTES.has(req.routeOptions.url ?? ''),
    errorResponseBuilder: (_req, context) => Object.assign(new Error(`too many requests: at most ${context.max} a minute; retry in ${context.after}`), { statusCode: context.statusCode }),
  });
}

type Answer = (error: Error | null, result: { current: number; ttl: number }) => void;

/** Keys whose windows began this long ago are forgotten (every window here is a minute). */
const FORGET_AFTER_MS = 10 * 60_000;
/** When a client refused because counting failed may try again. */
const RETRY_AFTER_FAILURE_S = 5;

/**
 * A request that could not be counted is refused: 503 with Retry-After, not a bare 500, and never let
 * through uncounted (a failing database must not switch the limits off). The cause goes to the log.
 */
const countingFailed = (cause: unknown) =>
  new UnavailableError(`requests cannot be counted for the rate limit just now, so this one was not served; retry in ${RETRY_AFTER_FAILURE_S} s`, RETRY_AFTER_FAILURE_S, cause);

/**
 * @fastify/rate-limit's store interface (`incr`, `read`, `child`) over the shared database: each request
 * is one atomic upsert (src/store/rate-limits.ts), and now and then a delete of long-ended windows.
 */
function databaseStore(store: Store) {
  if (!(store instanceof SqlStore)) throw new InterdictError('INTERDICT_RATE_LIMIT_STORE=database needs the SQL store');
  const counter = new RateCounter(store.db as unknown as Kysely<RateLimitTables>);
  let prunedAt = 0;
  const answer = (pending: Promise<{ count: number; windowStart: number }>, windowMs: number, now: number, done: Answer) =>
    pending.then(({ count, windowStart }) => done(null, { current: count, ttl: Math.max(0, windowStart + windowMs - now) }), (error: unknown) => done(countingFailed(error), { current: 0, ttl: 0 }));
  return class DatabaseRateStore {
    incr(key: string, done: Answer, windowMs: number): void {
      const now = Date.now();
      if (now - prunedAt > FORGET_AFTER_MS / 2) {
        prunedAt = now;
        counter.prune(now - FORGET_AFTER_MS).catch(() => undefined); // a missed prune is made up by the next
      }
      void answer(counter.count(key, windowMs, now), windowMs, now, done);
    }

    read(key: string, done: Answer, windowMs: number): void {
      const now = Date.now();
      void answer(counter.read(key, windowMs, now), windowMs, now, done);
    }

    child(): DatabaseRateStore {
      return new DatabaseRateStore();
    }
  };
}
