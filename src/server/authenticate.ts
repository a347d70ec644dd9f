// Who is asking, and may they (issue 13). Every request is identified from an API key
// (`Authorization: ApiKey idk_…`, as yente clients send it, or `Bearer`) or a session cookie, then
// checked against the route's rule (access-rules.ts). Writes from a browser session must echo the
// session's CSRF token. There is no anonymous write in any configuration.
import type { FastifyInstance, FastifyReply, FastifyRequest, RouteOptions } from 'fastify';
import { Accounts, actorOf, ANONYMOUS, type Principal } from '../access/accounts.ts';
import { atLeast } from '../access/roles.ts';
import { sameDigest, sha256 } from '../access/secrets.ts';
import { Sessions, type Session } from '../access/sessions.ts';
import { AuthenticationError, ForbiddenError } from '../model/errors.ts';
import type { Store } from '../store/types.ts';
import { ruleFor, type AccessRule } from './access-rules.ts';
import { ErrorBody } from './schemas/common.ts';

export const SESSION_COOKIE = 'interdict_session';
export const CSRF_HEADER = 'x-csrf-token';
/** Methods that only read: no CSRF token needed, and nothing to audit. */
export const SAFE_METHODS: ReadonlySet<string> = new Set(['GET', 'HEAD', 'OPTIONS']);

declare module 'fastify' {
  interface FastifyRequest {
    /** Who is asking; null when nobody signed in (only public routes get that far). */
    principal: Principal | null;
    /** The browser session, when the request came with one. */
    session: Session | null;
  }
  interface FastifyContextConfig {
    access?: AccessRule;
  }
}

export interface AccessOptions {
  store: Store;
  /** Anonymous visitors may call `viewer` routes (an explicit setting, off by default). */
  anonymousRead: boolean;
}

export interface AccessHandle {
  accounts: Accounts;
  sessions: Sessions;
}

export function installAccess(app: FastifyInstance, options: AccessOptions): AccessHandle {
  const accounts = Accounts.of(options.store);
  const sessions = Sessions.of(options.store);
  app.decorateRequest('principal', null);
  app.decorateRequest('session', null);

  app.addHook('onRoute', (route: RouteOptions) => {
    const methods = (Array.isArray(route.method) ? route.method : [route.method]).filter((m) => m !== 'HEAD' && m !== 'OPTIONS');
    if (!methods.length) return; // the HEAD twin of a GET route follows its GET rule
    const rules = new Set(methods.map((m) => ruleFor(m, route.url)));
    const [rule] = rules;
    if (rules.size !== 1 || rule === undefined) {
      throw new Error(`route ${methods.join('/')} ${route.url} has no access rule: add one to src/server/access-rules.ts`);
    }
    route.config = { ...(route.config as object), access: rule };
    const schema = route.schema as Record<string, any> | undefined;
    if (rule !== 'public' && schema && !schema.hide) {
      // 503: the rate limiter could not count the request (its database store failed).
      schema.response = { 401: ErrorBody, 403: ErrorBody, 429: ErrorBody, 503: ErrorBody, ...(schema.response ?? {}) };
    }
  });

  app.addHook('onRequest', async (req) => {
    const rule = req.routeOptions.config?.access;
    if (!rule) return; // no route: the not-found handler answers
    await identify(req, accounts, sessions);
    if (rule === 'public') return;
    if (!req.principal) {
      if (options.anonymousRead && rule === 'viewer') req.principal = ANONYMOUS; // viewer routes only read
      else throw new AuthenticationError('sign in, or send an API key (Authorization: ApiKey idk_…)');
    }
    if (!atLeast(req.principal.role, rule)) throw new ForbiddenError(`this needs the ${rule} role; ${actorOf(req.principal)} is a ${req.principal.role}`);
  });

  return { accounts, sessions };
}

/** Sets the request's principal from its API key or session cookie; a key that is sent must be valid. */
async function identify(req: FastifyRequest, accounts: Accounts, sessions: Sessions): Promise<void> {
  const header = req.headers.authorization;
  if (header) {
    const m = /^(?:ApiKey|Bearer)\s+(\S+)$/i.exec(header);
    if (!m) throw new AuthenticationError('the Authorization header must be "ApiKey <key>" or "Bearer <key>"');
    req.principal = await accounts.authenticateKey(m[1]);
    return;
  }
  const secret = cookieValue(req.headers.cookie, SESSION_COOKIE);
  if (!secret) return;
  const session = await sessions.find(secret);
  if (!session) return;
  // A forged cross-site form can send the cookie but cannot read the token the web app echoes.
  if (!SAFE_METHODS.has(req.method)) {
    const sent = req.headers[CSRF_HEADER];
    if (typeof sent !== 'string' || !sameDigest(sha256(sent), sha256(session.csrfToken))) {
      throw new ForbiddenError(`a write from a browser session needs its CSRF token in the ${CSRF_HEADER} header`);
    }
  }
  req.session = session;
  req.principal = session.principal;
}

export function cookieValue(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return decodeURIComponent(part.slice(eq + 1).trim());
  }
  return undefined;
}

export function setSessionCookie(reply: FastifyReply, secret: string, expiresAt: string, secure: boolean): void {
  const maxAge = Math.max(0, Math.round((new Date(expiresAt).getTime() - Date.now()) / 1000));
  reply.header('Set-Cookie', `${SESSION_COOKIE}=${secret}; Path=/; HttpOnly; SameSite=Strict; Max-Age=${maxAge}${secure ? '; Secure' : ''}`);
}

export function clearSessionCookie(reply: FastifyReply): void {
  reply.header('Set-Cookie', `${SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0`);
}

/** The actor recorded for a write: the signed-in user or key, never a header the client chose. */
export function actorFor(req: FastifyRequest): string {
  if (!req.principal) throw new AuthenticationError('sign in, or send an API key (Authorization: ApiKey idk_…)');
  return actorOf(req.principal);
}
