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
  email_not_verified: { status: 403, message: 'Verify your email address first: we sent you a link.' },
  password_not_set: {
    status: 401,
    message: 'This account signs in with Google and has no password. Use “Continue with Google”, or reset your password to set one.',
  },
  link_invalid: { status: 400, message: 'This link is not valid or has already been used. Ask for a new one.' },
  link_expired: { status: 410, message: 'This link has expired. Ask for a new one.' },
  csrf_failed: { status: 403, message: 'This form is out of date. Reload the page and try again.' },
  google_sign_in_disabled: { status: 404, message: 'Sign-in with Google is not available on this Minopa service.' },
  google_sign_in_failed: { status: 502, message: 'Google sign-in could not be completed. Please try again.' },
  google_access_denied: { status: 403, message: 'Google sign-in was cancelled, so you are not signed in.' },
  google_email_unverified: {
    status: 403,
    message: 'Google has not verified the email address of this Google account, so it cannot be used to sign in.',
  },
  account_not_found: {
    status: 404,
    message: 'There is no Minopa account for this Google account yet. Create one with “Continue with Google” on the sign-up form.',
  },
  sign_in_expired: { status: 400, message: 'The sign-in took too long or was started in another window. Please try again.' },
  invalid_redirect_uri: { status: 400, message: 'The sign-in was started with a return address that is not a browser extension’s.' },
  // Teams: members, invitations, ownership.
  already_member: { status: 409, message: 'That person is already a member of this workspace.' },
  last_owner: {
    status: 409,
    message: 'A workspace always needs at least one owner. Make another member an owner (or transfer ownership) first.',
  },
  workspace_name_mismatch: {
    status: 400,
    message: "To delete the workspace, type its name exactly as it is shown.",
  },
  invitation_not_found: {
    status: 404,
    message: 'This invitation link is not valid. Check that you used the whole link from the email, or ask for a new invitation.',
  },
  invitation_expired: { status: 410, message: 'This invitation has expired. Ask the person who invited you to send a new one.' },
  invitation_revoked: {
    status: 410,
    message: 'This invitation was withdrawn or replaced by a newer one. Use the link in the most recent invitation email, or ask for a new one.',
  },
  invitation_used: { status: 410, message: 'This invitation has already been used. Sign in to open the workspace.' },
  invitation_email_mismatch: {
    status: 403,
    message: 'This invitation was sent to a different email address. Sign in with the account of the invited address to accept it.',
  },
  unsubscribe_link_invalid: {
    status: 400,
    message: 'This unsubscribe link is not valid: it may have been cut off or changed. Open the link from the email again, or change your email preferences in Settings.',
  },
  payload_too_large: { status: 413, message: 'The request is too large.' },
  unsupported_media_type: { status: 415, message: 'Send the request body as JSON (Content-Type: application/json).' },
  media_too_large: { status: 413, message: 'This file is larger than the library accepts for its kind.' },
  media_type_not_allowed: {
    status: 415,
    message: 'This kind of file cannot be added to the library. Images (JPEG, PNG, GIF, WebP), videos (MP4, MOV, WebM) and PDF documents can.',
  },
  media_empty: { status: 400, message: 'The upload is empty: send the file’s bytes as the request body.' },
  media_unreadable: { status: 422, message: 'The file could not be read. It may be damaged or cut short.' },
  media_in_use: { status: 409, message: 'This file is used by a scheduled post. Unschedule the post or remove the file from it first.' },
  media_link_invalid: { status: 403, message: 'This file link is not valid.' },
  media_link_expired: { status: 410, message: 'This file link has expired. Reload the page to get a new one.' },
  capture_image_not_needed: { status: 409, message: 'This draft does not wait for an image from the browser.' },
  // Connected network accounts.
  network_unavailable: { status: 404, message: 'This Minopa service is not set up to connect that network. Ask its operator to configure it.' },
  connect_expired: { status: 400, message: 'This connection attempt took too long or was already finished. Start connecting again from Minopa.' },
  connect_denied: { status: 403, message: 'The connection was cancelled at the network, so nothing was connected.' },
  connect_failed: { status: 502, message: 'The network did not complete the connection. Please try again in a moment.' },
  network_failed: { status: 502, message: 'The network did not answer as expected. Please try again in a moment.' },
  connect_no_accounts: { status: 422, message: 'The network returned no account Minopa can publish to with this login.' },
  // Publishing: targets and schedules.
  content_invalid: { status: 422, message: 'Some of the content does not fit the rules of the networks it goes to.' },
  account_unavailable: { status: 409, message: 'One of the chosen accounts is not connected anymore. Reconnect it or choose another.' },
  no_targets: { status: 409, message: 'Choose at least one connected account to publish to before scheduling.' },
  post_archived: { status: 409, message: 'Archived posts cannot be scheduled. Unarchive the post first.' },
  target_locked: { status: 409, message: 'This post is being published right now, so it cannot be changed. Try again in a minute.' },
  target_status_conflict: { status: 409, message: 'This channel’s post cannot be changed in its current state.' },
  schedule_time_invalid: { status: 422, message: 'That time cannot be used for scheduling.' },
  no_posting_slots: { status: 409, message: 'This workspace has no posting slots yet. Add some in the schedule settings, or pick a time.' },
  duplicate_post: {
    status: 409,
    message: 'The same text goes to the same account within 24 hours. Send the request again with allowDuplicate to publish it anyway.',
  },
  confirmation_required: {
    status: 409,
    message: 'We could not tell whether this post went out. Check the network first, then confirm that it was not published.',
  },
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
  /** The content rule broken (shared/publishing/issues.ts), on `content_invalid` errors. */
  rule?: string;
}

/** The body of every failed response. */
export interface ErrorBody {
  error: { code: ErrorCode; message: string; fields?: FieldError[] };
}

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && Object.hasOwn(ERRORS, value);
}
