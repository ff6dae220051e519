/** One email as a transport sends it. */
export interface OutgoingEmail {
  /** The outbox row id: Resend's idempotency key, so a retry can never become a second email. */
  id: string;
  from: string;
  to: string;
  subject: string;
  html: string;
  text: string;
  /** Extra headers (List-Unsubscribe, List-Unsubscribe-Post). */
  headers: Record<string, string>;
  /** The links in the email, for the local transport's log line. */
  links: string[];
}

/**
 * What happened to one send. `transient`: worth retrying with the same idempotency key (network, 429,
 * 5xx, outcome unknown); `permanent`: the provider refused this email and will refuse it again.
 */
export type SendResult =
  | { ok: true; providerMessageId: string }
  | { ok: false; kind: 'transient'; reason: string; retryAfterMs?: number }
  | { ok: false; kind: 'permanent'; reason: string };

/** A way to deliver email: Resend, or the local capture used when no provider is configured. */
export interface EmailTransport {
  readonly name: 'resend' | 'local';
  send(email: OutgoingEmail): Promise<SendResult>;
}
