import { createHash, randomBytes } from 'node:crypto';
import { createRemoteJWKSet, errors as joseErrors, jwtVerify, type JWTPayload } from 'jose';
import type { GoogleSettings } from './settings.js';

/** P2: the only scopes ever asked for — email, name and picture, nothing else of the Google account. */
export const GOOGLE_SCOPE = 'openid email profile';

/** A failure talking to the provider, with the reason for the log (never shown to the person as is). */
export class GoogleProtocolError extends Error {
  constructor(
    readonly reason: string,
    options?: { cause?: unknown },
  ) {
    super(`Google sign-in failed: ${reason}`, options);
    this.name = 'GoogleProtocolError';
  }
}

/** What we take from a validated ID token (P2: email, name and picture, plus Google's stable id). */
export interface GoogleProfile {
  sub: string;
  email: string;
  emailVerified: boolean;
  givenName: string | null;
  familyName: string | null;
  name: string | null;
  picture: string | null;
}

/** A random URL-safe string of `bytes` random bytes (state, nonce, PKCE verifier, cookie). */
export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

/** PKCE S256: the challenge sent with the authorization request for `verifier`. */
export function pkceChallenge(verifier: string): string {
  return createHash('sha256').update(verifier).digest('base64url');
}

/** The provider's authorization URL for one sign-in (authorization code + PKCE S256, state, nonce). */
export function authorizeUrl(settings: GoogleSettings, params: { state: string; nonce: string; codeVerifier: string }): string {
  const url = new URL(settings.authorizeUrl);
  url.searchParams.set('client_id', settings.clientId);
  url.searchParams.set('redirect_uri', settings.callbackUrl);
  url.searchParams.set('response_type', 'code');
  url.searchParams.set('scope', GOOGLE_SCOPE);
  url.searchParams.set('state', params.state);
  url.searchParams.set('nonce', params.nonce);
  url.searchParams.set('code_challenge', pkceChallenge(params.codeVerifier));
  url.searchParams.set('code_challenge_method', 'S256');
  // Sign-in only: no refresh token, and let the person pick among their Google accounts.
  url.searchParams.set('access_type', 'online');
  url.searchParams.set('prompt', 'select_account');
  return url.href;
}

const TIMEOUT_MS = 10_000;

/**
 * Trades the authorization code at the token endpoint (client_secret_post, with the PKCE verifier) and
 * returns the ID token. Throws GoogleProtocolError for any refusal or malformed answer.
 */
export async function exchangeCode(settings: GoogleSettings, code: string, codeVerifier: string): Promise<{ idToken: string; accessToken: string | null }> {
  let response: Response;
  try {
    response = await fetch(settings.tokenUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body: new URLSearchParams({
        grant_type: 'authorization_code',
        code,
        redirect_uri: settings.callbackUrl,
        client_id: settings.clientId,
        client_secret: settings.clientSecret,
        code_verifier: codeVerifier,
      }),
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch (cause) {
    throw new GoogleProtocolError('the token endpoint could not be reached', { cause });
  }
  const body = (await response.json().catch(() => null)) as { id_token?: unknown; access_token?: unknown; error?: unknown; error_description?: unknown } | null;
  if (!response.ok) {
    throw new GoogleProtocolError(`the token endpoint answered ${response.status} ${String(body?.error ?? '')} ${String(body?.error_description ?? '')}`.trim());
  }
  if (typeof body?.id_token !== 'string') throw new GoogleProtocolError('the token response has no id_token');
  return { idToken: body.id_token, accessToken: typeof body.access_token === 'string' ? body.access_token : null };
}

// One key set per JWKS URL for the life of the process: jose caches the keys and refetches on an unknown kid.
const keySets = new Map<string, ReturnType<typeof createRemoteJWKSet>>();

/**
 * Validates an ID token: RS256 signature against the provider's JWKS, `iss` (either Google form), `aud`
 * = our client id, `exp`/`iat`, and the `nonce` of this sign-in. The email must be verified by the
 * provider for us to trust it (checked by the caller, which answers a clearer error).
 */
export async function verifyIdToken(settings: GoogleSettings, idToken: string, nonce: string): Promise<GoogleProfile> {
  let keySet = keySets.get(settings.jwksUrl);
  if (!keySet) {
    keySet = createRemoteJWKSet(new URL(settings.jwksUrl), { timeoutDuration: TIMEOUT_MS });
    keySets.set(settings.jwksUrl, keySet);
  }
  let payload: JWTPayload;
  try {
    ({ payload } = await jwtVerify(idToken, keySet, {
      issuer: settings.acceptedIssuers,
      audience: settings.clientId,
      algorithms: ['RS256'],
      requiredClaims: ['sub', 'iat', 'exp'],
      clockTolerance: 60,
    }));
  } catch (cause) {
    const code = cause instanceof joseErrors.JOSEError ? cause.code : 'unknown';
    throw new GoogleProtocolError(`the ID token is not valid (${code}: ${(cause as Error).message})`, { cause });
  }
  if (payload.nonce !== nonce) throw new GoogleProtocolError('the ID token was issued for another sign-in (nonce mismatch)');
  const text = (value: unknown) => (typeof value === 'string' && value.trim() !== '' ? value.trim() : null);
  const email = text(payload.email);
  if (!email || typeof payload.sub !== 'string') throw new GoogleProtocolError('the ID token has no email (was the email scope granted?)');
  return {
    sub: payload.sub,
    email: email.toLowerCase(),
    emailVerified: payload.email_verified === true || payload.email_verified === 'true',
    givenName: text(payload.given_name),
    familyName: text(payload.family_name),
    name: text(payload.name),
    picture: text(payload.picture),
  };
}

/** Revokes an access token we no longer need (sign-in keeps nothing from Google); best effort. */
export async function revokeToken(settings: GoogleSettings, token: string): Promise<void> {
  const response = await fetch(settings.revokeUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ token }),
    signal: AbortSignal.timeout(TIMEOUT_MS),
  });
  if (!response.ok) throw new GoogleProtocolError(`the revoke endpoint answered ${response.status}`);
}
