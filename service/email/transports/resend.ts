import { Resend } from 'resend';
import type { EmailTransport, OutgoingEmail, SendResult } from './types.js';

/** How long one send may take before it counts as a transient failure (outcome unknown: retried with the same key). */
const SEND_TIMEOUT_MS = 30_000;

// Longest Retry-After we honour as given; a longer one is clamped so the email is not parked for days.
const MAX_RETRY_AFTER_MS = 6 * 60 * 60 * 1000;

/** Options of the Resend transport. */
export interface ResendTransportOptions {
  apiKey: string;
  baseUrl: string;
}

/**
 * Sends through the real `resend` SDK. The outbox id is the idempotency key: Resend answers a repeated
 * key with the first email's id and sends nothing new (for 24 hours, far beyond our retry window).
 * The SDK never throws on HTTP errors; its `error` is classified here by status and error name.
 */
export function resendTransport(options: ResendTransportOptions): EmailTransport {
  const client = new Resend(options.apiKey, { baseUrl: options.baseUrl });
  return {
    name: 'resend',
    async send(email: OutgoingEmail): Promise<SendResult> {
      const response = await client.emails.send(
        { from: email.from, to: email.to, subject: email.subject, html: email.html, text: email.text, headers: email.headers },
        { idempotencyKey: email.id, signal: AbortSignal.timeout(SEND_TIMEOUT_MS) },
      );
      if (response.error === null) return { ok: true, providerMessageId: response.data.id };
      return classifyResendError(response.error, response.headers);
    },
  };
}

/** Resend's error, as the SDK returns it. */
export interface ResendError {
  name: string;
  message: string;
  statusCode: number | null;
}

/**
 * Which failures are worth retrying. Never decided from message text (DESIGN convention 4).
 * - no status: the request did not complete, the outcome is unknown → retry with the same key;
 * - 429 (rate or quota), 5xx, 408, 409 concurrent_idempotent_requests (an earlier attempt with this key is
 *   still in flight) → retry, honouring Retry-After;
 * - 401/403 key problems → retry: a configuration mistake, fixed by an operator, must not drop every email;
 * - anything else (422 validation, 400, 404, 409 invalid_idempotent_request) → permanent.
 */
export function classifyResendError(error: ResendError, headers: Record<string, string> | null): SendResult {
  const status = error.statusCode;
  const reason = `Resend ${status ?? 'request failed'} ${error.name}: ${error.message}`.slice(0, 1000);
  const keyProblem = ['missing_api_key', 'invalid_api_key', 'restricted_api_key'].includes(error.name);
  const concurrent = error.name === 'concurrent_idempotent_requests';
  if (status === null || status === 429 || status === 408 || status >= 500 || keyProblem || concurrent) {
    const retryAfterMs = parseRetryAfter(headers?.['retry-after']);
    return { ok: false, kind: 'transient', reason, ...(retryAfterMs === undefined ? {} : { retryAfterMs }) };
  }
  return { ok: false, kind: 'permanent', reason };
}

/** Retry-After as milliseconds: delta-seconds or an HTTP date; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | undefined, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const seconds = /^\s*\d+(\.\d+)?\s*$/.test(value) ? Number(value) * 1000 : Date.parse(value) - now;
  if (!Number.isFinite(seconds)) return undefined;
  return Math.min(Math.max(seconds, 0), MAX_RETRY_AFTER_MS);
}
