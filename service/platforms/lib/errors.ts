import type { FailureKind } from '#shared/platforms.js';

/** What a network said when it refused or failed a request, as far as it said it. */
export interface VendorDetails {
  httpStatus?: number | null;
  /** The network's own error code (Graph `code`/`error_subcode`, TikTok `error.code`, X problem type …). */
  vendorCode?: string | null;
  vendorMessage?: string | null;
  /** The network's request id, for support tickets. */
  requestId?: string | null;
}

/**
 * The one error adapters throw. `kind` drives what the publisher does next (see FAILURE_KINDS);
 * `message` is a sentence for the person, naming what to fix where that is known.
 */
export class PlatformError extends Error {
  readonly kind: FailureKind;
  readonly details: VendorDetails;
  /** rate_limited: how long the network asked us to wait. */
  readonly retryAfterMs: number | null;

  constructor(kind: FailureKind, message: string, details: VendorDetails = {}, retryAfterMs: number | null = null) {
    super(message);
    this.name = 'PlatformError';
    this.kind = kind;
    this.details = details;
    this.retryAfterMs = retryAfterMs;
  }
}

export function isPlatformError(error: unknown): error is PlatformError {
  return error instanceof PlatformError;
}
