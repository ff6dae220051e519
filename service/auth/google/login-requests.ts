import type { Knex } from 'knex';
import { HttpError } from '../../errors.js';
import type { ClientInfo } from '../../lib/client-info.js';
import { keyedHash } from '../../lib/tokens.js';
import { GoogleLoginRequest } from '../../models/google-login-request.js';
import { randomToken } from './oidc.js';

/** How long a sign-in may take from "Continue with Google" to the callback. */
export const LOGIN_REQUEST_SECONDS = 10 * 60;
/** How long the extension has to trade its one-time code. */
export const EXCHANGE_CODE_SECONDS = 60;

const CODE_PREFIX = 'mnc_';
const CODE_SHAPE = /^mnc_[A-Za-z0-9_-]{43}$/;

/** What the person asked for on the options page. */
export interface LoginIntent {
  redirectUri: string;
  clientState: string | null;
  client: string | null;
  intent: 'sign-in' | 'sign-up';
  ageConfirmed: boolean;
  termsVersion: string | null;
  privacyVersion: string | null;
}

/** The secrets of a new sign-in; only their hashes (and the verifier the provider needs back) are stored. */
export interface StartedLogin {
  state: string;
  nonce: string;
  codeVerifier: string;
  /** Goes into the HttpOnly cookie that binds the sign-in to this browser (P25). */
  browserSecret: string;
}

/** Records a new sign-in (10 minutes) and drops those older than a day. */
export async function startLoginRequest(knex: Knex, appSecret: string, intent: LoginIntent, client: ClientInfo): Promise<StartedLogin> {
  const started: StartedLogin = { state: randomToken(), nonce: randomToken(), codeVerifier: randomToken(), browserSecret: randomToken() };
  await knex('google_login_requests').where('createdAt', '<', knex.raw(`now() - interval '1 day'`)).delete();
  await GoogleLoginRequest.query(knex).insert({
    stateHash: keyedHash(appSecret, `state:${started.state}`),
    browserHash: keyedHash(appSecret, `browser:${started.browserSecret}`),
    codeVerifier: started.codeVerifier,
    nonce: started.nonce,
    ...intent,
    ip: client.ip,
    userAgent: client.userAgent,
    expiresAt: knex.raw('now() + make_interval(secs => ?)', [LOGIN_REQUEST_SECONDS]) as unknown as Date,
  });
  return started;
}

/** Why a callback cannot go on; with `request` when we know where to send the person back. */
export type ClaimResult = { ok: true; request: GoogleLoginRequest } | { ok: false; request: GoogleLoginRequest | null; error: HttpError };

/**
 * Takes the sign-in named by `state` for this callback, once: unknown or already-used state, an expired
 * request, and a browser whose cookie does not match (a callback in another browser, or a forged one)
 * are all refused. The request is marked as called back even when refused, so it cannot be retried.
 */
export async function claimLoginRequest(knex: Knex, appSecret: string, state: string, browserSecret: string | undefined): Promise<ClaimResult> {
  const [row] = (await GoogleLoginRequest.query(knex)
    .patch({ callbackAt: knex.fn.now() as unknown as Date })
    .where('stateHash', keyedHash(appSecret, `state:${state}`))
    .whereNull('callbackAt')
    .returning(['*', knex.raw('(expires_at <= now()) as "expired"')])) as unknown as (GoogleLoginRequest & { expired: boolean })[];
  if (!row) {
    return { ok: false, request: null, error: new HttpError('sign_in_expired', { en: 'This sign-in link is not valid or was already used. Close this window and start again from Minopa.', de: 'Dieser Anmeldelink ist ungültig oder wurde bereits verwendet. Schließen Sie dieses Fenster und beginnen Sie in Minopa noch einmal.' }) };
  }
  if (row.expired) {
    return { ok: false, request: row, error: new HttpError('sign_in_expired', { en: 'The sign-in took more than 10 minutes. Please start again.', de: 'Die Anmeldung hat länger als 10 Minuten gedauert. Bitte beginnen Sie noch einmal.' }) };
  }
  if (!browserSecret || keyedHash(appSecret, `browser:${browserSecret}`) !== row.browserHash) {
    return {
      ok: false,
      request: row,
      error: new HttpError('sign_in_expired', { en: 'The sign-in finished in another browser window than it started in. Please start again.', de: 'Die Anmeldung wurde in einem anderen Browserfenster abgeschlossen, als sie begonnen wurde. Bitte beginnen Sie noch einmal.' }),
    };
  }
  return { ok: true, request: row };
}

/** Ties the sign-in to `userId` and returns a one-time code for the extension (60 s, single use). */
export async function issueExchangeCode(knex: Knex | Knex.Transaction, appSecret: string, requestId: string, userId: string): Promise<string> {
  const code = CODE_PREFIX + randomToken();
  await GoogleLoginRequest.query(knex)
    .patch({
      userId,
      exchangeCodeHash: keyedHash(appSecret, `code:${code}`),
      codeExpiresAt: knex.raw('least(now(), expires_at) + make_interval(secs => ?)', [EXCHANGE_CODE_SECONDS]) as unknown as Date,
    })
    .where('id', requestId);
  return code;
}

/**
 * Uses up a one-time code in one statement (two exchanges racing cannot both win). 400 sign_in_expired
 * for an unknown, used or expired code.
 */
export async function redeemExchangeCode(knex: Knex, appSecret: string, code: string): Promise<GoogleLoginRequest> {
  const expired = new HttpError('sign_in_expired', { en: 'This sign-in code expired or was already used. Please sign in with Google again.', de: 'Dieser Anmeldecode ist abgelaufen oder wurde bereits verwendet. Bitte melden Sie sich noch einmal mit Google an.' });
  if (!CODE_SHAPE.test(code)) throw expired;
  const [row] = (await GoogleLoginRequest.query(knex)
    .patch({ exchangedAt: knex.fn.now() as unknown as Date })
    .where('exchangeCodeHash', keyedHash(appSecret, `code:${code}`))
    .whereNull('exchangedAt')
    .where('codeExpiresAt', '>', knex.fn.now())
    .returning('*')) as unknown as GoogleLoginRequest[];
  if (!row?.userId) throw expired;
  return row;
}
