// Signing in and out, one's own password, and (for admins) users, API keys and the audit trail.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { welcomeLink, type Principal } from '../../access/accounts.ts';
import { AuditTrail } from '../../access/audit.ts';
import { AuthenticationError, ValidationError } from '../../model/errors.ts';
import { clearSessionCookie, cookieValue, SESSION_COOKIE, setSessionCookie, type AccessHandle } from '../authenticate.ts';
import type { ServerContext } from '../context.ts';
import { ErrorBody, ERRORS } from '../schemas/common.ts';
import { signInRateLimit } from '../rate-limit.ts';
import {
  AuditExportQuery,
  AuditPage,
  AuditQuery,
  AuditVerification,
  CreatedKey,
  Done,
  KeyList,
  KeyView,
  LinkBody,
  Me,
  NewKeyBody,
  NewUserBody,
  PasswordBody,
  SignInBody,
  SignInLink,
  UserChangeBody,
  UserList,
  UserView,
} from '../schemas/access.ts';

const IdParams = Type.Object({ id: Type.String({ maxLength: 100 }) });
const AUTH_ERRORS = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 429: ErrorBody, 500: ErrorBody, 503: ErrorBody } as const;
/** Names, passwords, roles and tokens: a few hundred bytes; anything near this is not a real request. */
export const ACCESS_BODY_LIMIT = 16 * 1024;
const WRITE_ERRORS = { ...AUTH_ERRORS, 413: ErrorBody } as const;

function signedInUser(req: FastifyRequest): Principal {
  if (!req.principal || req.principal.kind === 'anonymous') throw new AuthenticationError('sign in first');
  if (req.principal.kind !== 'user') throw new ValidationError('session', 'only a user signed in with a password has sessions and a password (this is an API key)');
  return req.principal;
}

/** Where a sign-in link opens: the configured public address, else the address this request came to. */
function signInLinkFor(req: FastifyRequest, token: string, publicUrl?: string | null): string {
  return welcomeLink(publicUrl ?? `${req.protocol}://${req.host}`, token);
}

export async function accessRoutes(server: FastifyInstance, ctx: ServerContext & { access: AccessHandle }): Promise<void> {
  const app = server.withTypeProvider<TypeBoxTypeProvider>();
  const { accounts, sessions } = ctx.access;
  const audit = AuditTrail.of(ctx.store);
  const secure = (req: FastifyRequest) => req.protocol === 'https' || (ctx.config.publicUrl ?? '').startsWith('https:');
  const me = (req: FastifyRequest) => ({
    principal: req.principal,
    csrf_token: req.session?.csrfToken ?? null,
    session_expires_at: req.session?.expiresAt ?? null,
    anonymous_read: ctx.config.anonymousRead,
  });

  app.get('/auth/me', { schema: { summary: 'Who is signed in, and the CSRF token the web app echoes on writes', tags: ['access'], response: { 200: Me, ...AUTH_ERRORS } } }, async (req) => me(req));

  const startSession = async (req: FastifyRequest, reply: { header: (k: string, v: string) => unknown }, user: Principal) => {
    const { secret, session } = await sessions.start(user);
    setSessionCookie(reply as never, secret, session.expiresAt, secure(req));
    req.principal = user;
    req.session = session;
    return me(req);
  };

  app.post(
    '/auth/sign-in',
    {
      bodyLimit: ACCESS_BODY_LIMIT,
      config: signInRateLimit(ctx.config),
      schema: { summary: 'Sign in with name and password (sets an HttpOnly session cookie); locks after repeated failures', tags: ['access'], body: SignInBody, response: { 200: Me, ...WRITE_ERRORS } },
    },
    async (req, reply) => startSession(req, reply, await accounts.signIn(req.body.name, req.body.password)),
  );

  app.post(
    '/auth/link',
    {
      bodyLimit: ACCESS_BODY_LIMIT,
      config: signInRateLimit(ctx.config),
      schema: { summary: 'Use a one-time sign-in link: set a password and sign in', tags: ['access'], body: LinkBody, response: { 200: Me, ...WRITE_ERRORS } },
    },
    async (req, reply) => startSession(req, reply, await accounts.redeemToken(req.body.token, req.body.password)),
  );

  app.post('/auth/sign-out', { bodyLimit: ACCESS_BODY_LIMIT, schema: { summary: 'End this session', tags: ['access'], response: { 200: Done, ...WRITE_ERRORS } } }, async (req, reply) => {
    const secret = cookieValue(req.headers.cookie, SESSION_COOKIE);
    if (secret) await sessions.end(secret);
    if (req.principal?.kind === 'user') await audit.append({ actor: `user:${req.principal.name}`, action: 'sign-out', subject: req.principal.id });
    clearSessionCookie(reply);
    return { ok: true };
  });

  app.post('/auth/sign-out-everywhere', { bodyLimit: ACCESS_BODY_LIMIT, schema: { summary: 'End every session of the signed-in user, on every server', tags: ['access'], response: { 200: Done, ...WRITE_ERRORS } } }, async (req, reply) => {
    await sessions.endAll(signedInUser(req));
    clearSessionCookie(reply);
    return { ok: true };
  });

  app.post(
    '/auth/password',
    { bodyLimit: ACCESS_BODY_LIMIT, schema: { summary: 'Change one’s own password (signs out every other session)', tags: ['access'], body: PasswordBody, response: { 200: Me, ...WRITE_ERRORS } } },
    async (req, reply) => {
      const user = signedInUser(req);
      await accounts.changePassword(user, req.body.current, req.body.password);
      return startSession(req, reply, user);
    },
  );

  app.get('/users', { schema: { summary: 'Users and their roles', tags: ['access'], response: { 200: UserList, ...AUTH_ERRORS } } }, async () => ({ results: await accounts.listUsers() }));

  app.post(
    '/users',
    { bodyLimit: ACCESS_BODY_LIMIT, schema: { summary: 'Add a user; answers a one-time sign-in link where they set a password', tags: ['access'], body: NewUserBody, response: { 201: SignInLink, 409: ErrorBody, ...WRITE_ERRORS } } },
    async (req, reply) => {
      const by = req.principal!;
      const user = await accounts.addUser({ name: req.body.name, role: req.body.role }, by);
      const link = await accounts.signInToken(user.id, by);
      return reply.status(201).send({ user, link: signInLinkFor(req, link.token, ctx.config.publicUrl), expires_at: link.expires_at });
    },
  );

  app.patch(
    '/users/:id',
    { bodyLimit: ACCESS_BODY_LIMIT, schema: { summary: 'Change a user’s role, or disable the account (both end their sessions)', tags: ['access'], params: IdParams, body: UserChangeBody, response: { 200: UserView, ...ERRORS, ...WRITE_ERRORS } } },
    async (req) => {
      const by = req.principal!;
      if (req.body.role) await accounts.setRole(req.params.id, req.body.role, by);
      if (req.body.disabled) await accounts.disable(req.params.id, by);
      return accounts.userView(req.params.id);
    },
  );

  app.post(
    '/users/:id/sign-in-link',
    { bodyLimit: ACCESS_BODY_LIMIT, schema: { summary: 'A new one-time sign-in link for a user (a forgotten password)', tags: ['access'], params: IdParams, response: { 200: SignInLink, ...ERRORS, ...WRITE_ERRORS } } },
    async (req) => {
      const link = await accounts.signInToken(req.params.id, req.principal!);
      const user = await accounts.userView(req.params.id);
      return { user, link: signInLinkFor(req, link.token, ctx.config.publicUrl), expires_at: link.expires_at };
    },
  );

  app.get('/keys', { schema: { summary: 'API keys (never their secrets)', tags: ['access'], response: { 200: KeyList, ...AUTH_ERRORS } } }, async () => ({ results: await accounts.listKeys() }));

  app.post(
    '/keys',
    { bodyLimit: ACCESS_BODY_LIMIT, schema: { summary: 'Create an API key for a role, optionally limited to datasets and with an expiry; the secret is shown once', tags: ['access'], body: NewKeyBody, response: { 201: CreatedKey, ...WRITE_ERRORS } } },
    async (req, reply) => {
      const created = await accounts.createKey({ name: req.body.name, role: req.body.role, datasets: req.body.datasets, expiresAt: req.body.expires_at }, req.principal!);
      return reply.status(201).send(created);
    },
  );

  app.delete('/keys/:id', { schema: { summary: 'Revoke an API key', tags: ['access'], params: IdParams, response: { 200: KeyView, ...ERRORS, ...AUTH_ERRORS } } }, async (req) =>
    accounts.revokeKey(req.params.id, req.principal!),
  );

  app.get('/audit', { schema: { summary: 'The audit trail, newest first, filtered by period, actor and action', tags: ['access'], querystring: AuditQuery, response: { 200: AuditPage, ...AUTH_ERRORS } } }, async (req) =>
    audit.list(req.query),
  );

  app.get('/audit/verify', { schema: { summary: 'Walk the hash chain: names every altered, removed or reordered record', tags: ['access'], response: { 200: AuditVerification, ...AUTH_ERRORS } } }, async () => audit.verify());

  app.get(
    '/audit/export',
    { schema: { summary: 'The audit records of a period as JSON lines or CSV', tags: ['access'], querystring: AuditExportQuery, response: { 200: Type.String({ description: 'JSON lines or CSV' }), ...AUTH_ERRORS } } },
    async (req, reply) => {
      const format = req.query.format ?? 'jsonl';
      let text = '';
      for await (const chunk of audit.export({ from: req.query.from, to: req.query.to }, format)) text += chunk;
      return reply.type(format === 'csv' ? 'text/csv; charset=utf-8' : 'application/x-ndjson; charset=utf-8').send(text);
    },
  );
}
