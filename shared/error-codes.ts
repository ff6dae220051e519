/**
 * The closed vocabulary of error codes the service answers with, in `{ error: { code, message, fields? } }`,
 * and the HTTP status each travels with. Codes are stable: clients branch on them, never on messages.
 * The sentences are in errors.ts; this file is apart so the extension, which shows the service's own
 * sentence, does not carry them all in its bundles.
 */
export const ERROR_STATUS = {
  // Requests that could not be read as HTTP at all (answered before any route: service/lib/client-errors.ts).
  malformed_request: 400,
  request_timeout: 408,
  request_headers_too_large: 431,
  malformed_json: 400,
  validation_failed: 400,
  unauthenticated: 401,
  session_expired: 401,
  invalid_credentials: 401,
  forbidden: 403,
  not_found: 404,
  route_not_found: 404,
  method_not_allowed: 405,
  email_taken: 409,
  legal_version_outdated: 409,
  email_not_verified: 403,
  password_not_set: 401,
  link_invalid: 400,
  link_expired: 410,
  csrf_failed: 403,
  google_sign_in_disabled: 404,
  google_sign_in_failed: 502,
  google_access_denied: 403,
  google_email_unverified: 403,
  account_not_found: 404,
  sign_in_expired: 400,
  invalid_redirect_uri: 400,
  // Teams: members, invitations, ownership.
  already_member: 409,
  last_owner: 409,
  workspace_name_mismatch: 400,
  invitation_not_found: 404,
  invitation_expired: 410,
  invitation_revoked: 410,
  invitation_used: 410,
  invitation_email_mismatch: 403,
  unsubscribe_link_invalid: 400,
  payload_too_large: 413,
  unsupported_media_type: 415,
  media_too_large: 413,
  media_type_not_allowed: 415,
  media_empty: 400,
  media_unreadable: 422,
  media_in_use: 409,
  media_link_invalid: 403,
  media_link_expired: 410,
  upload_offset_mismatch: 409,
  upload_chunk_invalid: 400,
  capture_media_not_needed: 409,
  // Connected network accounts.
  network_unavailable: 404,
  connect_expired: 400,
  connect_denied: 403,
  connect_failed: 502,
  network_failed: 502,
  connect_no_accounts: 422,
  // A person's Canva and Google Drive connections.
  integration_unavailable: 404,
  integration_not_connected: 409,
  integration_reconnect_needed: 409,
  // Imports from Canva and Google Drive.
  import_no_access: 403,
  // Publishing: targets and schedules.
  content_invalid: 422,
  account_unavailable: 409,
  no_targets: 409,
  post_archived: 409,
  target_locked: 409,
  target_status_conflict: 409,
  schedule_time_invalid: 422,
  no_posting_slots: 409,
  duplicate_post: 409,
  confirmation_required: 409,
  rate_limited: 429,
  internal_error: 500,
  service_unavailable: 503,
  // Billing: plans and Stripe.
  plan_limit_reached: 402,
  billing_disabled: 409,
  already_subscribed: 409,
  billing_unavailable: 502,
  webhook_signature_invalid: 400,
  // Privacy: legal documents.
  legal_acceptance_required: 403,
  // Email preferences (P10, P11).
  email_kind_unknown: 422,
  email_kind_required: 409,
  // Account deletion (P17).
  account_deletion_pending: 403,
  ownership_transfer_required: 409,
  deletion_not_requested: 404,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export const ERROR_CODES = Object.keys(ERROR_STATUS) as ErrorCode[];

/** One field's problem: `path` is the dotted location in the input (e.g. `page.canonicalUrl`). */
export interface FieldError {
  path: string;
  message: string;
  /** The content rule broken (shared/publishing/issues.ts), on `content_invalid` errors. */
  rule?: string;
}

/** The body of every failed response. */
export interface ErrorBody {
  error: {
    code: ErrorCode;
    message: string;
    fields?: FieldError[];
    /** On upload_offset_mismatch: the byte the upload continues at. */
    expectedOffset?: number;
    /** On plan_limit_reached: where to see the plans and upgrade. */
    upgradeUrl?: string;
  };
}

/** True for a code of this vocabulary (also one read back from a message or a URL). */
export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && Object.hasOwn(ERROR_STATUS, value);
}
