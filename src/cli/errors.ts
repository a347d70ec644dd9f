// Domain errors to exit codes and messages, in one place.
import { AuthenticationError, ConflictError, ForbiddenError, NotFoundError, SourceError, ValidationError } from '../model/errors.ts';

export const EXIT = { ok: 0, failure: 1, usage: 2, badData: 3, notFound: 4, conflict: 5, refused: 6, closedPipe: 141 } as const;

export function exitCodeFor(error: unknown): number {
  if (error instanceof ValidationError) return EXIT.usage;
  if (error instanceof SourceError) return EXIT.badData;
  if (error instanceof NotFoundError) return EXIT.notFound;
  if (error instanceof ConflictError) return EXIT.conflict;
  if (error instanceof AuthenticationError || error instanceof ForbiddenError) return EXIT.refused;
  return EXIT.failure;
}

export function describeError(error: unknown): string {
  if (error instanceof SourceError) return `error: bad input: ${error.message}\nThe live data was not changed.`;
  if (error instanceof Error) return `error: ${error.message}`;
  return `error: ${String(error)}`;
}
