import { browser } from 'wxt/browser';
import { GOOGLE_START_PATH } from '#shared/api/account.js';
import { ERROR_STATUS, isErrorCode } from '#shared/error-codes.js';
import { clientLabel, startSession } from './account.js';
import { call } from './api-client.js';
import { ApiError, ExtensionError, FALLBACK_TEXT } from './errors.js';
import { chosenLocale } from './i18n/index.js';
import type { ExtensionState, GoogleSignInRequest } from './messaging/protocol.js';
import { getServiceUrl } from './service-url.js';

/** The path of our identity redirect URL: https://<extension id>.chromiumapp.org/google on Chrome. */
const REDIRECT_PATH = 'google';

function randomState(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(24));
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/**
 * Google sign-in from the options page. The service runs the whole OpenID Connect flow (its client secret
 * never reaches the extension); the browser window opened by `identity.launchWebAuthFlow` ends on our
 * identity redirect URL with a one-time code (or an error the service explains), which is traded for a
 * session over the API — no session token ever travels in a URL. A random `state` makes sure the answer
 * is to this request. For a sign-up, the age confirmation and the legal versions the person accepted
 * travel with the request and are recorded by the service (P12, P31).
 */
export async function signInWithGoogle(request: GoogleSignInRequest): Promise<ExtensionState> {
  const identity = browser.identity as typeof browser.identity | undefined;
  if (!identity?.launchWebAuthFlow) {
    throw new ExtensionError('internal', 'This browser does not let extensions open a sign-in window. Sign in with email and password instead.');
  }
  const start = new URL(`${await getServiceUrl()}${GOOGLE_START_PATH}`);
  const state = randomState();
  start.searchParams.set('redirect_uri', identity.getRedirectURL(REDIRECT_PATH));
  start.searchParams.set('intent', request.intent);
  start.searchParams.set('state', state);
  start.searchParams.set('client', clientLabel());
  if (request.intent === 'sign-up') {
    const fields = [];
    if (!request.ageConfirmed) fields.push({ path: 'ageConfirmed', message: 'Confirm that you are 18 or older.' });
    if (!request.acceptedLegalVersions) fields.push({ path: 'acceptedLegalVersions', message: 'Accept the Terms of Service and the Privacy Policy.' });
    if (fields.length > 0 || !request.acceptedLegalVersions) {
      throw new ApiError('validation_failed', 'To create an account with Google, first tick the two boxes below.', 400, fields);
    }
    start.searchParams.set('ageConfirmed', 'true');
    start.searchParams.set('terms', request.acceptedLegalVersions.terms);
    start.searchParams.set('privacy', request.acceptedLegalVersions.privacy);
  }

  let finalUrl: string | undefined;
  try {
    finalUrl = await identity.launchWebAuthFlow({ url: start.href, interactive: true });
  } catch (cause) {
    // Chrome rejects when the person closes the window, and when the service cannot be reached at all.
    throw new ExtensionError('google_cancelled', `Google sign-in was closed before it finished. ${String((cause as Error)?.message ?? '')}`.trim());
  }
  if (!finalUrl) throw new ExtensionError('google_cancelled', 'Google sign-in was closed before it finished.');
  const answer = new URL(finalUrl);
  if (answer.searchParams.get('state') !== state) {
    throw new ExtensionError('internal', 'The sign-in answer was not for this request. Please try again.');
  }
  const error = answer.searchParams.get('error');
  if (error) {
    const code = isErrorCode(error) ? error : 'google_sign_in_failed';
    throw new ApiError(code, answer.searchParams.get('message') || FALLBACK_TEXT.googleSignInFailed[await chosenLocale()], ERROR_STATUS[code]);
  }
  const code = answer.searchParams.get('code');
  if (!code) throw new ApiError('google_sign_in_failed', FALLBACK_TEXT.googleSignInFailed[await chosenLocale()], ERROR_STATUS.google_sign_in_failed);
  const result = await call('googleExchange', { body: { code, client: clientLabel() } });
  return startSession(result);
}
