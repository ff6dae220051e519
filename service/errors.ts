import { ERROR_STATUS, type ErrorBody, type ErrorCode } from '#shared/error-codes.js';
import { errorText } from '#shared/errors.js';
import type { Bilingual, Language } from '#shared/i18n.js';

/** One field's problem as HttpError keeps it: the sentence in every language (the body carries one). */
export interface FieldProblem {
  path: string;
  message: Bilingual;
  /** The content rule broken (shared/publishing/issues.ts), on `content_invalid` errors. */
  rule?: string;
}

/**
 * A failure the client is meant to see: a stable code from shared/errors.ts, its HTTP status, a sentence
 * a person understands in every language (`{ en, de }` side by side, or `bilingual(…)` with parameters;
 * the code's default unless given) and, for invalid input, the fields at fault. `message` is the English
 * (logs, server-rendered pages); the error handler answers in the request's language (`body`).
 * Anything thrown that is not an HttpError becomes a 500 whose details stay in the server log.
 */
export class HttpError extends Error {
  readonly status: number;
  /** Extra response headers, e.g. Retry-After on 429. */
  headers: Record<string, string> = {};
  /** On upload_offset_mismatch: the byte the upload continues at (in the body as `expectedOffset`). */
  expectedOffset?: number;
  /** On plan_limit_reached: where to see the plans and upgrade (in the body as `upgradeUrl`). */
  upgradeUrl?: string;

  /** The sentence in every language; `message` is its English. */
  readonly text: Bilingual;

  constructor(
    readonly code: ErrorCode,
    text?: Bilingual,
    readonly fields?: FieldProblem[],
  ) {
    const said = text ?? errorText(code);
    super(said.en);
    this.text = said;
    this.name = 'HttpError';
    this.status = ERROR_STATUS[code];
  }

  /** The response body's `error`, its sentences in `language`. */
  body(language: Language): ErrorBody['error'] {
    return {
      code: this.code,
      message: this.text[language],
      ...(this.fields ? { fields: this.fields.map(({ message, ...field }) => ({ ...field, message: message[language] })) } : {}),
      ...(this.expectedOffset !== undefined ? { expectedOffset: this.expectedOffset } : {}),
      ...(this.upgradeUrl !== undefined ? { upgradeUrl: this.upgradeUrl } : {}),
    };
  }

  /** Returns this error with a response header added (chainable). */
  withHeader(name: string, value: string): this {
    this.headers[name] = value;
    return this;
  }
}

/** True when `error` is PostgreSQL's unique violation on the named constraint. */
export function isUniqueViolation(error: unknown, constraint: string): boolean {
  // Objection wraps the driver's error; the original is in `nativeError`.
  const wrapped = error as { nativeError?: unknown } | null;
  const pgError = (wrapped?.nativeError ?? error) as { code?: string; constraint?: string } | null;
  return pgError?.code === '23505' && pgError.constraint === constraint;
}
