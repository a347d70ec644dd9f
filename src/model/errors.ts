// Domain errors. Adapters map them to HTTP status codes and CLI exit codes in one place
// (src/server/errors.ts, src/cli/errors.ts); domain code only throws them.

export class InterdictError extends Error {
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

/** Bad input data: names the file and, where known, the line or record. */
export class SourceError extends InterdictError {
  constructor(
    readonly file: string,
    readonly detail: string,
    readonly line?: number,
    readonly record?: string,
  ) {
    super(`${file}${line !== undefined ? `:${line}` : ''}${record ? ` (record ${record})` : ''}: ${detail}`);
  }
}

/** A request or argument that is invalid; `field` names what is wrong. */
export class ValidationError extends InterdictError {
  constructor(
    readonly field: string,
    detail: string,
  ) {
    super(`${field}: ${detail}`);
  }
}

/** Well-formed but refused: e.g. an analyst claim without its source or grade (HTTP 422). */
export class UnprocessableError extends ValidationError {}

export class NotFoundError extends InterdictError {}

/** The operation conflicts with the current state (e.g. nothing to diff against). */
export class ConflictError extends InterdictError {}

/** Who is asking is not known: no credentials, or wrong, expired or revoked ones (HTTP 401). */
export class AuthenticationError extends InterdictError {}

/** Known, but the role (or a key's dataset scope, or a workspace) does not allow it (HTTP 403). */
export class ForbiddenError extends InterdictError {}

/**
 * Something the answer depends on failed for a moment (HTTP 503 with Retry-After): the request was not
 * served, and may be sent again. `cause` is logged, never shown.
 */
export class UnavailableError extends InterdictError {
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
    cause?: unknown,
  ) {
    super(message);
    this.cause = cause;
  }
}
