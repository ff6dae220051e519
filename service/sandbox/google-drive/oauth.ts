import type Router from '@koa/router';
import type { Context } from 'koa';
import type { AppContext, AppState } from '../../context.js';
import { readFormEntries } from '../../pages/form-body.js';
import { escapeHtml, sendPage } from '../../pages/layout.js';
import { createLineages } from '../canva/lineage.js';
import { type OAuthStore, SimOAuthError } from '../networks/kit/oauth-store.js';
import type { SpecChecker } from '../networks/kit/spec-check.js';
import { CARRIED_PARAMS, consentPage } from './consent-page.js';
import { DRIVE_PATHS, KNOWN_SCOPES } from './paths.js';
import type { World } from './world.js';

/**
 * Google's OAuth as a Drive integration uses it: the consent page (`/o/oauth2/v2/auth`; with
 * `login_hint` it approves at once, as the sign-in sandbox does, for tests), `POST /token` (client in the
 * form or HTTP Basic; PKCE when a challenge was sent; a refresh token only for `access_type=offline`;
 * refresh tokens are not rotated), `POST /revoke` (either token ends the whole grant) and `POST
 * /oauth2/v2/tokeninfo` (what a token grants: the consent page lets scopes be left unticked, as Google's does). Errors are
 * RFC 6749 JSON as Google sends them. Google's OAuth2 OpenAPI file describes only tokeninfo (and
 * userinfo) of these, so tokeninfo is checked against it and the rest by hand.
 */
export function registerDriveOAuth(router: Router<AppState>, sim: { store: OAuthStore; world: World }, options: { basePath: string; checkOAuthRequest?: SpecChecker | undefined }): void {
  const lineages = createLineages(sim.store);
  const offlineCodes = new Set<string>();
  const action = options.basePath + DRIVE_PATHS.authorize;

  /** Checks an authorization request; a bad client or redirect URI is shown (never redirected to), the rest redirect with `error`. */
  const check = (ctx: AppContext, params: Record<string, string>): boolean => {
    try {
      sim.store.checkAuthorizeRequest({ clientId: params.client_id, redirectUri: params.redirect_uri, codeChallenge: params.code_challenge, codeChallengeMethod: params.code_challenge_method });
    } catch (error) {
      if (!(error instanceof SimOAuthError)) throw error;
      const status = error.error === 'invalid_client' ? 401 : 400;
      const name = error.error === 'invalid_client' ? 'invalid_client' : params.redirect_uri ? 'redirect_uri_mismatch' : 'invalid_request';
      sendPage(ctx, status, 'Sandbox Google Drive', `<h1>Error ${status}: ${name}</h1><p>${escapeHtml(error.description)}</p>`);
      return false;
    }
    const scopes = (params.scope ?? '').split(' ').filter(Boolean);
    const error = params.response_type !== 'code' ? 'unsupported_response_type' : scopes.length === 0 || scopes.some((scope) => !KNOWN_SCOPES.has(scope)) ? 'invalid_scope' : null;
    if (!error) return true;
    redirectBack(ctx, params, { error });
    return false;
  };

  const approve = (ctx: AppContext, params: Record<string, string>, email: string, name?: string, granted?: string[]) => {
    const person = sim.world.person(email, name);
    const asked = params.scope!.split(' ').filter(Boolean);
    const scopes = granted ? asked.filter((scope) => granted.includes(scope)) : asked;
    if (scopes.length === 0) return redirectBack(ctx, params, { error: 'access_denied' });
    const code = sim.store.issueCode({
      subject: person.email,
      clientId: params.client_id!,
      scopes,
      redirectUri: params.redirect_uri!,
      codeChallenge: params.code_challenge ?? null,
      codeChallengeMethod: params.code_challenge_method ?? null,
    });
    if (params.access_type === 'offline') offlineCodes.add(code);
    redirectBack(ctx, params, { code, scope: scopes.join(' ') });
  };

  router.get(DRIVE_PATHS.authorize, (ctx) => {
    const params = Object.fromEntries(Object.entries(ctx.query).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
    if (!check(ctx, params)) return;
    if (params.login_hint) return approve(ctx, params, params.login_hint);
    ctx.type = 'html';
    ctx.body = consentPage(action, params);
  });

  router.post(DRIVE_PATHS.authorize, async (ctx) => {
    const entries = await readFormEntries(ctx);
    const form = Object.fromEntries(entries);
    const params = Object.fromEntries(CARRIED_PARAMS.filter((name) => form[name] !== undefined).map((name) => [name, form[name]!]));
    if (!check(ctx, params)) return;
    if (form.decision !== 'approve') return redirectBack(ctx, params, { error: 'access_denied' });
    const email = (form.email ?? '').trim();
    if (!/^[^@\s]+@[^@\s]+$/.test(email)) {
      ctx.status = 400;
      ctx.type = 'html';
      ctx.body = consentPage(action, params, 'Type an email address, like ada@example.com.');
      return;
    }
    approve(ctx, params, email, form.name, entries.getAll('grant'));
  });

  router.post(DRIVE_PATHS.token, async (ctx) => {
    const form = (ctx.request as { body?: Record<string, string | undefined> }).body ?? {};
    const client = basicCredentials(ctx) ?? { id: form.client_id, secret: form.client_secret ?? null };
    try {
      if (client.secret === null) throw new SimOAuthError('invalid_client', 'Unauthorized');
      if (form.grant_type === 'authorization_code') {
        const offline = form.code ? offlineCodes.delete(form.code) : false;
        const tokens = sim.store.exchangeCode({ code: form.code, clientId: client.id, clientSecret: client.secret, redirectUri: form.redirect_uri, codeVerifier: form.code_verifier });
        lineages.record(tokens);
        ctx.body = { access_token: tokens.accessToken, expires_in: tokens.expiresIn, scope: tokens.scopes.join(' '), token_type: 'Bearer', ...(offline ? { refresh_token: tokens.refreshToken } : {}) };
      } else if (form.grant_type === 'refresh_token') {
        const tokens = sim.store.refresh({ refreshToken: form.refresh_token, clientId: client.id, clientSecret: client.secret });
        lineages.record(tokens, form.refresh_token);
        ctx.body = { access_token: tokens.accessToken, expires_in: tokens.expiresIn, scope: tokens.scopes.join(' '), token_type: 'Bearer' };
      } else {
        throw new SimOAuthError('unsupported_grant_type', 'Invalid grant_type: ' + (form.grant_type ?? ''));
      }
    } catch (error) {
      if (!(error instanceof SimOAuthError)) throw error;
      ctx.status = error.error === 'invalid_client' ? 401 : 400;
      // Google's words for a bad code and for a dead refresh token.
      const description = error.error === 'invalid_grant' ? (form.grant_type === 'refresh_token' ? 'Token has been expired or revoked.' : 'Bad Request') : error.description;
      ctx.body = { error: error.error, error_description: description };
    }
  });

  // Described by Google's OAuth2 OpenAPI file (../shared/specs/google-oauth2), checked against it when a checker is given.
  router.post(DRIVE_PATHS.tokeninfo, (ctx) => {
    const problems = options.checkOAuthRequest?.({ method: 'POST', path: DRIVE_PATHS.tokeninfo, query: ctx.query, headers: ctx.headers }) ?? [];
    if (problems.length > 0) {
      ctx.status = 400;
      ctx.body = { error: 'invalid_request', error_description: problems.join('; ') };
      return;
    }
    const value = typeof ctx.query.access_token === 'string' ? ctx.query.access_token : '';
    const auth = sim.store.authenticateToken(value);
    if (!auth.ok) {
      ctx.status = 400;
      ctx.body = { error: 'invalid_token', error_description: 'Invalid Value' };
      return;
    }
    const person = sim.world.person(auth.grant.subject);
    const email = auth.grant.scopes.some((scope) => scope === 'email' || scope.endsWith('userinfo.email'));
    ctx.body = {
      issued_to: auth.grant.clientId,
      audience: auth.grant.clientId,
      user_id: person.permissionId,
      scope: auth.grant.scopes.join(' '),
      // The store's record carries its expiry, though its type names only the grant.
      expires_in: Math.max(0, Math.floor((((auth.grant as { expiresAt?: number }).expiresAt ?? Date.now()) - Date.now()) / 1000)),
      ...(email ? { email: person.email, verified_email: true } : {}),
    };
  });

  router.post(DRIVE_PATHS.revoke, async (ctx) => {
    const form = (ctx.request as { body?: Record<string, string | undefined> }).body ?? {};
    const token = form.token ?? (typeof ctx.query.token === 'string' ? ctx.query.token : '');
    const revoked = sim.world.revokedTokens.includes(token) ? [] : lineages.revokeAll(token);
    if (revoked.length === 0) {
      ctx.status = 400;
      ctx.body = { error: 'invalid_token', error_description: 'Token expired or revoked' };
      return;
    }
    sim.world.revokedTokens.push(...revoked);
    ctx.body = {};
  });
}

function redirectBack(ctx: Context, params: Record<string, string>, fields: Record<string, string>): void {
  const url = new URL(params.redirect_uri!);
  if (params.state !== undefined) url.searchParams.set('state', params.state);
  for (const [name, value] of Object.entries(fields)) url.searchParams.set(name, value);
  ctx.redirect(url.href);
}

function basicCredentials(ctx: Context): { id: string; secret: string } | null {
  const encoded = ctx.get('authorization').match(/^Basic\s+(.+)$/i)?.[1];
  if (!encoded) return null;
  const decoded = Buffer.from(encoded, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  return colon < 0 ? null : { id: decodeURIComponent(decoded.slice(0, colon)), secret: decodeURIComponent(decoded.slice(colon + 1)) };
}
