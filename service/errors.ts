import { ERRORS, type ErrorCode, type FieldError } from '#shared/errors.js';

/**
 * A failure the client is meant to see: a stable code from shared/errors.ts, its HTTP status, a sentence
 * a person understands (the code's default unless given) and, for invalid input, the fields at fault.
 * Anything thrown that is not an HttpError becomes a 500 whose details stay in the server log.
 */
export class HttpError extends Error {
  readonly status: number;
  /** Extra response headers, e.g. Retry-After on 429. */
  headers: Record<string, string> = {};

  constructor(
    readonly code: ErrorCode,
    message?: string,
    readonly fields?: FieldError[],
  ) {
    super(message ?? ERRORS[code].message);
    this.name = 'HttpError';
    this.status = ERRORS[code].status;
  }

  /** Returns this error with a response header added (chainable). */
  withHeader(name: string, value: string): this {
    this.headers[name] = value;
    return this;
  }
}

/** Shorthand for `new HttpError(code, message, fields)`. */
export function httpError(code: ErrorCode, message?: string, fields?: FieldError[]): HttpError {
  return new HttpError(code, message, fields);
}

/** True when `error` is PostgreSQL's unique violation on the named constraint. */
export function isUniqueViolation(error: unknown, constraint: string): boolean {
  // Objection wraps the driver's error; the original is in `nativeError`.
  const wrapped = error as { nativeError?: unknown } | null;
  const pgError = (wrapped?.nativeError ?? error) as { code?: string; constraint?: string } | null;
  return pgError?.code === '23505' && pgError.constraint === constraint;
}
