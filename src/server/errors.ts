// Domain errors to HTTP status codes, in one place. Never a 500 for the client's own mistakes.
import type { FastifyError, FastifyInstance } from 'fastify';
import { AuthenticationError, ConflictError, ForbiddenError, NotFoundError, SourceError, UnavailableError, UnprocessableError, ValidationError } from '../model/errors.ts';

export function statusFor(error: unknown): number {
  if (error instanceof UnprocessableError) return 422;
  if (error instanceof ValidationError) return 400;
  if (error instanceof SourceError) return 422;
  if (error instanceof AuthenticationError) return 401;
  if (error instanceof ForbiddenError) return 403;
  if (error instanceof NotFoundError) return 404;
  if (error instanceof ConflictError) return 409;
  if (error instanceof UnavailableError) return 503;
  const e = error as FastifyError;
  if (e?.validation) return 400;
  if (typeof e?.statusCode === 'number' && e.statusCode >= 400 && e.statusCode < 500) return e.statusCode;
  return 500;
}

export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error, request, reply) => {
    const status = statusFor(error);
    if (status >= 500) request.log.error(error); // a 503's cause too (pino appends it to the message)
    if (error instanceof UnavailableError) void reply.header('Retry-After', String(error.retryAfterSeconds));
    const message = status === 500 ? 'internal error' : (error as Error).message;
    // `detail` is what yente clients read; `error` is ours.
    const body: Record<string, unknown> = { error: message, detail: message, status };
    if (error instanceof ValidationError) body.field = error.field;
    void reply.status(status).send(body);
  });
  app.setNotFoundHandler((request, reply) => {
    void reply.status(404).send({ error: `no route ${request.method} ${request.url.split('?')[0]}`, status: 404 });
  });
}
