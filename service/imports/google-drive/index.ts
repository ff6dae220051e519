import type { DriveAccess } from '#shared/api/integrations.js';
import { PlatformError } from '../../platforms/lib/errors.js';
import { type TokenAnswer, tokensFrom } from '../oauth-tokens.js';
import type { IntegrationAdapter, IntegrationContext } from '../types.js';

const SCOPE = 'https://www.googleapis.com/auth/';

/**
 * The one Drive scope asked for (platform-apis.md §10): `drive.file` reaches only the files the person
 * picks in Google's picker (non-sensitive); `drive.readonly` reads every file and is asked for only when
 * the person chooses it. `about.get` (email, name, quota) works with either, so nothing else is needed.
 */
export const DRIVE_SCOPES: Record<DriveAccess, string> = { file: `${SCOPE}drive.file`, readonly: `${SCOPE}drive.readonly` };

/** The P9 fields, and nothing else, of Drive's about resource (`fields` is required by about.get). */
export const ABOUT_FIELDS = 'user(displayName,emailAddress),storageQuota(limit,usage)';

/** Which access a grant gives, from its scopes. */
export function driveAccessOf(scopes: readonly string[]): DriveAccess {
  return scopes.includes(DRIVE_SCOPES.readonly) ? 'readonly' : 'file';
}

async function tokenRequest(context: IntegrationContext, form: Record<string, string>) {
  const { clientId, clientSecret, tokenUrl } = context.settings;
  const response = await context.http.request({ method: 'POST', url: tokenUrl, form: { ...form, client_id: clientId, client_secret: clientSecret } });
  return response.json as TokenAnswer;
}

const quota = (value: string | undefined) => (value === undefined || value === '' ? null : Number(value));

/** Google OAuth (web-server flow with PKCE, offline access) and Drive v3's about.get. */
export const googleDriveAdapter: IntegrationAdapter = {
  id: 'google_drive',
  pkce: true,
  scopes: (access) => [DRIVE_SCOPES[access]],
  authorizeUrl(settings, request) {
    const url = new URL(settings.authorizeUrl);
    url.searchParams.set('client_id', settings.clientId);
    url.searchParams.set('redirect_uri', request.redirectUri);
    url.searchParams.set('response_type', 'code');
    url.searchParams.set('scope', request.scopes.join(' '));
    // A refresh token on every connect (also a reconnect); no include_granted_scopes, so the Drive grant
    // stays exactly what the person chose here, whatever sign-in with the same client was granted.
    url.searchParams.set('access_type', 'offline');
    url.searchParams.set('prompt', 'consent');
    url.searchParams.set('state', request.state);
    if (request.codeChallenge) {
      url.searchParams.set('code_challenge', request.codeChallenge);
      url.searchParams.set('code_challenge_method', 'S256');
    }
    return url.toString();
  },
  async exchangeCode(context, request) {
    return tokensFrom(
      await tokenRequest(context, {
        grant_type: 'authorization_code',
        code: request.code,
        redirect_uri: request.redirectUri,
        ...(request.codeVerifier ? { code_verifier: request.codeVerifier } : {}),
      }),
    );
  },
  async refresh(context, tokens) {
    if (!tokens.refreshToken) throw new PlatformError('auth', 'This Google Drive connection cannot be renewed (Google gave no refresh token).');
    return tokensFrom(await tokenRequest(context, { grant_type: 'refresh_token', refresh_token: tokens.refreshToken }), tokens);
  },
  async revoke(context, tokens) {
    try {
      // Either token ends the whole grant; the refresh token outlives the access token.
      await context.http.request({ method: 'POST', url: context.settings.revokeUrl, form: { token: tokens.refreshToken ?? tokens.accessToken } });
    } catch (error) {
      // 400 invalid_token: already revoked or expired — what a disconnect wants.
      if (error instanceof PlatformError && error.details.httpStatus === 400 && error.details.vendorCode === 'invalid_token') return;
      throw error;
    }
  },
  async readProfile(context, tokens) {
    const response = await context.http.request({ method: 'GET', url: `${context.settings.apiUrl}/about`, query: { fields: ABOUT_FIELDS }, bearer: tokens.accessToken });
    const about = response.json as { user?: { displayName?: string; emailAddress?: string }; storageQuota?: { limit?: string; usage?: string } };
    if (!about.user?.emailAddress) throw new PlatformError('transient', 'Google Drive answered no email address.');
    return {
      displayName: about.user.displayName ?? null,
      canvaUserId: null,
      canvaTeamId: null,
      email: about.user.emailAddress,
      storageLimit: quota(about.storageQuota?.limit),
      storageUsage: quota(about.storageQuota?.usage),
    };
  },
};
