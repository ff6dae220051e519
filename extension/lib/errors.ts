import { isErrorCode, type ErrorCode, type FieldError } from '#shared/error-codes.js';
import type { Bilingual } from '#shared/i18n.js';
import { defineMessages } from './i18n/index.js';

/**
 * Errors of the extension. They cross the UI ↔ background message boundary as plain objects
 * (name, message and own fields survive serialization), so the UI reads them with `toUiError`,
 * never with `instanceof`. This module has no zod and no fetch: UI bundles may import it.
 */

/** The sentences this module writes itself (a refusal's own message comes from the service, as sent). */
const t = defineMessages({
  en: { internal: 'Something went wrong in the extension. Please try again.' },
  de: { internal: 'In der Erweiterung ist etwas schiefgegangen. Bitte versuchen Sie es erneut.' },
});

/**
 * The few refusals the extension writes in the service's vocabulary itself (no session to send; Google
 * sent no sentence back). Here rather than the service's whole table of sentences (shared/errors.ts),
 * which the extension's pages would otherwise carry for these two lines.
 */
export const FALLBACK_TEXT = {
  signIn: { en: 'Please sign in to continue.', de: 'Bitte melden Sie sich an, um fortzufahren.' },
  googleSignInFailed: {
    en: 'Google sign-in could not be completed. Please try again.',
    de: 'Die Anmeldung mit Google konnte nicht abgeschlossen werden. Bitte versuchen Sie es erneut.',
  },
} as const satisfies Record<string, Bilingual>;

/** Codes the extension adds to the service's closed vocabulary. */
export type ExtensionErrorCode =
  | 'service_unreachable'
  | 'invalid_service_url'
  | 'no_workspace'
  | 'cannot_capture'
  | 'google_cancelled'
  | 'internal';

export type UiErrorCode = ErrorCode | ExtensionErrorCode;

/** What the UI shows: a stable code, a sentence, and per-field problems when there are any. */
export interface UiError {
  code: UiErrorCode;
  message: string;
  fields?: FieldError[];
  /** On plan_limit_reached: the service's page of plans, to show as an upgrade link. */
  upgradeUrl?: string;
}

/** The service answered with a 4xx and a Minopa error body: the request was understood and refused. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  readonly code: ErrorCode;
  readonly status: number;
  readonly fields?: FieldError[];
  /** On plan_limit_reached: where the plans are (an http(s) address of the service). */
  upgradeUrl?: string;

  constructor(code: ErrorCode, message: string, status: number, fields?: FieldError[]) {
    super(message);
    this.code = code;
    this.status = status;
    if (fields && fields.length > 0) this.fields = fields;
  }

  /** Refusals that say "not now" rather than "never": a queued capture stays queued. */
  get retryable(): boolean {
    return this.code === 'rate_limited' || this.status === 408 || this.status === 429;
  }

  /** The session is gone: the person has to sign in again. */
  get signedOut(): boolean {
    return this.code === 'unauthenticated' || this.code === 'session_expired';
  }
}

/**
 * The service could not be reached or did not answer like Minopa: network failure, timeout, 5xx,
 * or a response without a Minopa error body. Nothing was refused, so captures wait and retry.
 */
export class ServiceUnreachableError extends Error {
  override readonly name = 'ServiceUnreachableError';
  readonly code = 'service_unreachable' as const;
  readonly status?: number;

  constructor(message: string, options?: { status?: number; cause?: unknown }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    if (options?.status !== undefined) this.status = options.status;
  }
}

/** A problem found by the extension itself before anything reached the service. */
export class ExtensionError extends Error {
  override readonly name = 'ExtensionError';
  readonly code: Exclude<ExtensionErrorCode, 'service_unreachable'>;
  readonly fields?: FieldError[];

  constructor(code: ExtensionError['code'], message: string, fields?: FieldError[]) {
    super(message);
    this.code = code;
    if (fields && fields.length > 0) this.fields = fields;
  }
}

const EXTENSION_CODES: readonly string[] = [
  'service_unreachable',
  'invalid_service_url',
  'no_workspace',
  'cannot_capture',
  'google_cancelled',
  'internal',
] satisfies ExtensionErrorCode[];

function isUiErrorCode(value: unknown): value is UiErrorCode {
  return isErrorCode(value) || (typeof value === 'string' && EXTENSION_CODES.includes(value));
}

function isFieldError(value: unknown): value is FieldError {
  const candidate = value as Partial<FieldError> | null;
  return typeof candidate?.path === 'string' && typeof candidate.message === 'string';
}

/**
 * Reads any thrown value — a live error or one deserialized from a message — as a `UiError`.
 * Unknown errors become `internal` with a generic sentence: their text was never meant for people.
 */
export function toUiError(error: unknown): UiError {
  const candidate = (typeof error === 'object' && error !== null ? error : {}) as Record<string, unknown>;
  if (isUiErrorCode(candidate.code) && typeof candidate.message === 'string') {
    const fields = Array.isArray(candidate.fields) ? candidate.fields.filter(isFieldError) : [];
    // Only a web address becomes a link (never javascript: or an extension page).
    const upgradeUrl = typeof candidate.upgradeUrl === 'string' && /^https?:\/\//.test(candidate.upgradeUrl) ? candidate.upgradeUrl : undefined;
    return { code: candidate.code, message: candidate.message, ...(fields.length > 0 ? { fields } : {}), ...(upgradeUrl ? { upgradeUrl } : {}) };
  }
  return { code: 'internal', message: t('internal') };
}

/** True for the errors that mean "sign in again" (also after crossing the message boundary). */
export function isSignedOutError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'unauthenticated' || code === 'session_expired';
}
