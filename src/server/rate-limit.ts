// Request rate limits (issue 13): one budget per API key, or per client address for everyone else, and a
// much smaller one for the routes that check passwords and sign-in links, where guessing would happen.
// Health checks are never limited: an orchestrator's probes must not be refused by a busy client.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import rateLimit from '@fastify/rate-limit';
import type { Config } from '../config.ts';

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
 * A 429 goes through the error handler: the usual `{error, detail, status}` and a Retry-After header.
 */
export async function installRateLimit(app: FastifyInstance, config: Pick<Config, 'rateLimitPerMinute'>): Promise<void> {
  await app.register(rateLimit, {
    global: config.rateLimitPerMinute > 0,
    max: config.rateLimitPerMinute,
    timeWindow: 60_000,
    keyGenerator: rateKey,
    allowList: (req) => UNLIMITED_ROUTES.has(req.routeOptions.url ?? ''),
    errorResponseBuilder: (_req, context) => Object.assign(new Error(`too many requests: at most ${context.max} a minute; retry in ${context.after}`), { statusCode: context.statusCode }),
  });
}
