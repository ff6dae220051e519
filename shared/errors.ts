/**
 * The closed vocabulary of error codes the service answers with, in `{ error: { code, message, fields? } }`.
 * Codes are stable: clients branch on them, never on messages. Each has the HTTP status it travels with
 * and a default sentence a person understands; a route may give a more specific sentence.
 */
export const ERRORS = {
  malformed_json: { status: 400, message: 'The request body is not valid JSON.' },
  validation_failed: { status: 400, message: 'Some fields are missing or not valid.' },
  unauthenticated: { status: 401, message: 'Please sign in to continue.' },
  session_expired: { status: 401, message: 'Your session has ended. Please sign in again.' },
  invalid_credentials: { status: 401, message: 'That email and password do not match an account.' },
  forbidden: { status: 403, message: 'Your role in this workspace does not allow that.' },
  not_found: { status: 404, message: 'We could not find that.' },
  route_not_found: { status: 404, message: 'There is no such endpoint.' },
  method_not_allowed: { status: 405, message: 'This endpoint does not accept that method.' },
  email_taken: { status: 409, message: 'An account with this email already exists. Sign in instead.' },
  legal_version_outdated: {
    status: 409,
    message: 'The Terms or Privacy Policy changed while you were signing up. Please review and accept the current versions.',
  },
  payload_too_large: { status: 413, message: 'The request is too large.' },
  unsupported_media_type: { status: 415, message: 'Send the request body as JSON (Content-Type: application/json).' },
  rate_limited: { status: 429, message: 'Too many attempts. Please wait a moment and try again.' },
  internal_error: { status: 500, message: 'Something went wrong on our side. Please try again.' },
  service_unavailable: { status: 503, message: 'The service is not ready. Please try again shortly.' },
} as const satisfies Record<string, { status: number; message: string }>;

export type ErrorCode = keyof typeof ERRORS;

export const ERROR_CODES = Object.keys(ERRORS) as ErrorCode[];

/** One field's problem: `path` is the dotted location in the input (e.g. `page.canonicalUrl`). */
export interface FieldError {
  path: string;
  message: string;
}

/** The body of every failed response. */
export interface ErrorBody {
  error: { code: ErrorCode; message: string; fields?: FieldError[] };
}

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && Object.hasOwn(ERRORS, value);
}
