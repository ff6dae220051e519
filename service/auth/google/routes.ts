import type Router from '@koa/router';
import { z } from 'zod';
import { GOOGLE_CALLBACK_PATH, GOOGLE_START_PATH } from '#shared/api/account.js';
import { checkAcceptedVersions } from '../../actions/create-account.js';
import { resolveGoogleUser } from '../../actions/google-sign-in.js';
import { rateLimitedError } from '../../actions/rate-limited.js';
import type { AppContext, AppDeps, AppState } from '../../context.js';
import { HttpError } from '../../errors.js';
import { requestLanguage } from '../../lib/accept-language.js';
import { clientInfo } from '../../lib/client-info.js';
import { type RateLimitRule, hitRateLimit } from '../../lib/rate-limits.js';
import { messagePage } from '../../pages/layout.js';
import { importGoogleAvatar } from './avatar.js';
import { claimLoginRequest, issueExchangeCode, LOGIN_REQUEST_SECONDS, startLoginRequest } from './login-requests.js';
import { GoogleProtocolError, authorizeUrl, exchangeCode, revokeToken, verifyIdToken } from './oidc.js';
import { isExtensionRedirectUri, withQuery } from './redirect-uri.js';
import { googleSettings } from './settings.js';

const COOKIE = 'minopa_google_login';
const COOKIE_PATH = '/api/v1/auth/google';
const TITLE = { en: 'Sign in with Google', de: 'Mit Google anmelden' };
const START_FROM_EXTENSION = { en: 'Start the sign-in from the Minopa extension.', de: 'Starten Sie die Anmeldung aus der Minopa-Erweiterung.' };

/** Sign-ins started per IP: each one is a row for 10 minutes, so an anonymous client may not start thousands. */
export const GOOGLE_START_LIMIT: RateLimitRule = { limit: 30, windowSeconds: 10 * 60 };

const StartQuery = z.object({
  redirect_uri: z.string().max(512),
  intent: z.enum(['sign-in', 'sign-up']).default('sign-in'),
  ageConfirmed: z.literal('true').optional(),
  terms: z.string().min(1).max(50).optional(),
  privacy: z.string().min(1).max(50).optional(),
  /** The extension's own random value, echoed on the redirect so it only accepts answers to its request. */
  state: z.string().max(200).optional(),
  client: z.string().max(100).optional(),
});

/**
 * Sends the person back to the extension with an error code and sentence it shows (no code issued), in
 * the browser's language (this is a navigation: its Accept-Language is the browser's, not the API client's).
 */
function redirectError(ctx: AppContext, redirectUri: string, clientState: string | null | undefined, error: HttpError): void {
  ctx.redirect(withQuery(redirectUri, { error: error.code, message: error.text[requestLanguage(ctx.get('Accept-Language'))], state: clientState }));
}

/**
 * Google sign-in for the extension (OpenID Connect, code + PKCE S256, state + nonce):
 * `GET /api/v1/auth/google/start` (opened by `identity.launchWebAuthFlow`) records the sign-in, binds it
 * to this browser with an HttpOnly SameSite=Lax cookie (P25) and redirects to Google;
 * `GET /api/v1/auth/google/callback` checks state and cookie, trades the code, validates the ID token,
 * finds, links or creates the account, and redirects to the extension's redirect URL with a one-time
 * `code` (never a session token), or with `error` + `message`.
 */
export function registerGoogleRoutes(router: Router<AppState>, deps: AppDeps): void {
  const { knex } = deps.db;
  const { appSecret } = deps.config;

  router.get(GOOGLE_START_PATH, async (ctx) => {
    const parsed = StartQuery.safeParse(ctx.query);
    const query = parsed.success ? parsed.data : null;
    if (!query || !isExtensionRedirectUri(query.redirect_uri, deps.config.allowedExtensionOrigins)) {
      const error = new HttpError('invalid_redirect_uri');
      return messagePage(ctx, error.status, TITLE, { en: `${error.text.en} ${START_FROM_EXTENSION.en}`, de: `${error.text.de} ${START_FROM_EXTENSION.de}` }, 'error');
    }
    const back = (error: HttpError) => redirectError(ctx, query.redirect_uri, query.state, error);
    const settings = googleSettings(deps.config);
    if (!settings) return back(new HttpError('google_sign_in_disabled'));
    const client = clientInfo(ctx.request);
    if (client.ip) {
      const hit = await hitRateLimit(knex, `google-start:ip:${client.ip}`, GOOGLE_START_LIMIT);
      if (hit.count > GOOGLE_START_LIMIT.limit) return back(rateLimitedError({ en: 'Too many sign-in attempts from your network.', de: 'Zu viele Anmeldeversuche aus Ihrem Netzwerk.' }, hit.retryAfterSeconds));
    }
    if (query.intent === 'sign-up') {
      if (!query.ageConfirmed || !query.terms || !query.privacy) {
        return back(new HttpError('validation_failed', { en: 'To create an account, confirm that you are 18 or older and accept the Terms and the Privacy Policy.', de: 'Um ein Konto anzulegen, bestätigen Sie, dass Sie mindestens 18 Jahre alt sind, und akzeptieren Sie die Nutzungsbedingungen und die Datenschutzerklärung.' }));
      }
      try {
        await checkAcceptedVersions(knex, { terms: query.terms, privacy: query.privacy });
      } catch (error) {
        if (error instanceof HttpError) return back(error);
        throw error;
      }
    }
    const started = await startLoginRequest(
      knex,
      appSecret,
      {
        redirectUri: query.redirect_uri,
        clientState: query.state ?? null,
        client: query.client ?? null,
        intent: query.intent,
        ageConfirmed: query.ageConfirmed === 'true',
        termsVersion: query.intent === 'sign-up' ? query.terms! : null,
        privacyVersion: query.intent === 'sign-up' ? query.privacy! : null,
      },
      client,
    );
    ctx.cookies.set(COOKIE, started.browserSecret, {
      httpOnly: true,
      sameSite: 'lax',
      secure: ctx.secure,
      path: COOKIE_PATH,
      maxAge: LOGIN_REQUEST_SECONDS * 1000,
      overwrite: true,
    });
    ctx.redirect(authorizeUrl(settings, started));
  });

  router.get(GOOGLE_CALLBACK_PATH, async (ctx) => {
    const state = typeof ctx.query.state === 'string' ? ctx.query.state : '';
    const claimed = await claimLoginRequest(knex, appSecret, state, ctx.cookies.get(COOKIE));
    ctx.cookies.set(COOKIE, null, { path: COOKIE_PATH, httpOnly: true, sameSite: 'lax', secure: ctx.secure, overwrite: true });
    if (!claimed.ok && !claimed.request) return messagePage(ctx, claimed.error.status, TITLE, claimed.error.text, 'error');
    const request = claimed.request!;
    const back = (error: HttpError) => redirectError(ctx, request.redirectUri, request.clientState, error);
    if (!claimed.ok) return back(claimed.error);
    const settings = googleSettings(deps.config);
    if (!settings) return back(new HttpError('google_sign_in_disabled'));
    const providerError = typeof ctx.query.error === 'string' ? ctx.query.error : null;
    if (providerError) return back(new HttpError(providerError === 'access_denied' ? 'google_access_denied' : 'google_sign_in_failed'));
    const code = typeof ctx.query.code === 'string' ? ctx.query.code : '';
    try {
      if (!code) throw new GoogleProtocolError('the callback has no code');
      const tokens = await exchangeCode(settings, code, request.codeVerifier);
      const profile = await verifyIdToken(settings, tokens.idToken, request.nonce);
      if (tokens.accessToken) {
        const accessToken = tokens.accessToken;
        void revokeToken(settings, accessToken).catch((error: unknown) => ctx.state.log.debug('Google access token not revoked', { error }));
      }
      if (!profile.emailVerified) return back(new HttpError('google_email_unverified'));
      const { user, outcome } = await resolveGoogleUser(knex, profile, {
        intent: request.intent,
        ageConfirmed: request.ageConfirmed,
        termsVersion: request.termsVersion,
        privacyVersion: request.privacyVersion,
        client: { ip: request.ip, userAgent: request.userAgent },
      });
      const oneTimeCode = await issueExchangeCode(knex, appSecret, request.id, user.id);
      ctx.state.log.info('Google sign-in', { userId: user.id, outcome });
      // Only a new or newly linked account takes Google's picture: a later sign-in must not replace an avatar the person chose.
      if (profile.picture && outcome !== 'signed-in') importGoogleAvatar(deps, user.id, profile.picture);
      ctx.redirect(withQuery(request.redirectUri, { code: oneTimeCode, state: request.clientState }));
    } catch (error) {
      if (error instanceof GoogleProtocolError) {
        ctx.state.log.warn('Google sign-in failed', { reason: error.reason });
        return back(new HttpError('google_sign_in_failed'));
      }
      if (error instanceof HttpError) return back(error);
      throw error;
    }
  });
}
