import { randomBytes } from 'node:crypto';
import Router from '@koa/router';
import type { AppContext, AppState } from '../../context.js';
import { HttpError } from '../../errors.js';
import { checkCsrf, csrfToken } from '../../pages/csrf.js';
import { readForm } from '../../pages/form-body.js';
import { sendPage } from '../../pages/layout.js';
import { SANDBOX_PATHS } from '../../auth/google/settings.js';
import { authorizePage, CARRIED_PARAMS } from './authorize-page.js';
import { createSigningKey, type SigningKey } from './keys.js';
import { namesFromEmail, PICTURE_PNG, sandboxSub, type SandboxPerson } from './people.js';
import { registerTokenEndpoints, type IssuedCode } from './token.js';
import type { GoogleSandbox, GoogleSandboxOptions } from './types.js';

export type { GoogleSandbox, GoogleSandboxOptions, SandboxClient } from './types.js';

const CODE_SECONDS = 300;

/**
 * A local OpenID provider that speaks the subset of Google's protocol Minopa uses: discovery, authorize
 * (an interactive page clearly labelled "Sandbox Google sign-in", or non-interactive with `login_hint`),
 * token (client id/secret, exact redirect_uri, PKCE S256/plain, single-use codes; RS256 ID token signed
 * with a key made at boot), JWKS, userinfo (OpenID and oauth2/v2 forms) and revoke. State lives in this
 * process: it is a development and test tool, never mounted in production.
 */
export function createGoogleSandbox(options: GoogleSandboxOptions): GoogleSandbox {
  // Made at once but awaited where used, so the sandbox can be mounted while the app is built synchronously.
  const keys: Promise<[SigningKey, SigningKey]> = createSigningKey().then(async (key) => [key, await createSigningKey(key.kid)]);
  keys.catch(() => undefined);
  const secret = options.secret ?? randomBytes(32).toString('base64url');
  const codes = new Map<string, IssuedCode>();
  const router = new Router<AppState>(options.basePath ? { prefix: options.basePath } : {});
  const sandbox: GoogleSandbox = {
    router,
    issuer: options.issuer,
    authorizeRequests: [],
    tokenRequests: [],
    revokedTokens: [],
    people: new Map(),
    tamper: null,
    signWithUnlistedKey: false,
  };
  const clientOf = (id: unknown) => options.clients.find((client) => client.clientId === id);
  const authorizePath = options.basePath + SANDBOX_PATHS.authorize;

  const personFor = (email: string, given?: string, family?: string, verified = true): SandboxPerson => {
    const known = sandbox.people.get(email);
    if (known) return known;
    const names = namesFromEmail(email);
    const sub = sandboxSub(email);
    return {
      sub,
      email,
      emailVerified: verified,
      givenName: given?.trim() || names.givenName,
      familyName: family?.trim() || names.familyName,
      picture: `${options.issuer}/picture/${sub}.png`,
    };
  };

  const approve = (ctx: AppContext, params: Record<string, string>, person: SandboxPerson) => {
    const code = `4/sandbox-${randomBytes(24).toString('base64url')}`;
    codes.set(code, {
      clientId: params.client_id!,
      redirectUri: params.redirect_uri!,
      scopes: params.scope!.split(' '),
      nonce: params.nonce ?? null,
      codeChallenge: params.code_challenge ?? null,
      codeChallengeMethod: params.code_challenge_method ?? (params.code_challenge ? 'plain' : null),
      person,
      expiresAt: Date.now() + CODE_SECONDS * 1000,
    });
    const url = new URL(params.redirect_uri!);
    if (params.state !== undefined) url.searchParams.set('state', params.state);
    url.searchParams.set('code', code);
    url.searchParams.set('scope', params.scope!);
    ctx.redirect(url.href);
  };

  /** Checks an authorization request like Google; a bad client or redirect URI is shown, not redirected (RFC 6749 §4.1.2.1). */
  const checkAuthorize = (ctx: AppContext, params: Record<string, string>): boolean => {
    const client = clientOf(params.client_id);
    if (!client) {
      sendPage(ctx, 401, 'Sandbox Google sign-in', '<h1>Error 401: invalid_client</h1><p>The OAuth client was not found.</p>');
      return false;
    }
    if (!params.redirect_uri || !client.redirectUris.includes(params.redirect_uri)) {
      sendPage(ctx, 400, 'Sandbox Google sign-in', '<h1>Error 400: redirect_uri_mismatch</h1><p>The redirect URI is not registered for this client.</p>');
      return false;
    }
    const fail = (error: string) => {
      const url = new URL(params.redirect_uri!);
      url.searchParams.set('error', error);
      if (params.state !== undefined) url.searchParams.set('state', params.state);
      ctx.redirect(url.href);
      return false;
    };
    if (params.response_type !== 'code') return fail('unsupported_response_type');
    if (!params.scope?.split(' ').includes('openid')) return fail('invalid_scope');
    if (params.code_challenge && !['S256', 'plain'].includes(params.code_challenge_method ?? 'plain')) return fail('invalid_request');
    return true;
  };

  router.get(SANDBOX_PATHS.discovery, (ctx) => {
    ctx.body = {
      issuer: options.issuer,
      authorization_endpoint: options.issuer + SANDBOX_PATHS.authorize,
      token_endpoint: options.issuer + SANDBOX_PATHS.token,
      userinfo_endpoint: options.issuer + SANDBOX_PATHS.userinfo,
      revocation_endpoint: options.issuer + SANDBOX_PATHS.revoke,
      jwks_uri: options.issuer + SANDBOX_PATHS.jwks,
      response_types_supported: ['code'],
      subject_types_supported: ['public'],
      id_token_signing_alg_values_supported: ['RS256'],
      scopes_supported: ['openid', 'email', 'profile'],
      token_endpoint_auth_methods_supported: ['client_secret_post', 'client_secret_basic'],
      claims_supported: ['aud', 'email', 'email_verified', 'exp', 'family_name', 'given_name', 'iat', 'iss', 'name', 'picture', 'sub'],
      code_challenge_methods_supported: ['plain', 'S256'],
      grant_types_supported: ['authorization_code'],
    };
  });

  router.get(SANDBOX_PATHS.authorize, (ctx) => {
    const params = Object.fromEntries(Object.entries(ctx.query).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
    sandbox.authorizeRequests.push(params);
    if (!checkAuthorize(ctx, params)) return;
    if (params.login_hint) return approve(ctx, params, personFor(params.login_hint.toLowerCase()));
    ctx.set('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'");
    ctx.type = 'html';
    ctx.body = authorizePage(authorizePath, params, csrfToken(ctx, secret, authorizePath));
  });

  router.post(SANDBOX_PATHS.authorize, async (ctx) => {
    const form = await readForm(ctx);
    const params = Object.fromEntries(CARRIED_PARAMS.filter((name) => form[name] !== undefined).map((name) => [name, form[name]!]));
    try {
      checkCsrf(ctx, secret, authorizePath, form.csrf);
    } catch (error) {
      if (!(error instanceof HttpError)) throw error;
      ctx.status = 403;
      ctx.type = 'html';
      ctx.body = authorizePage(authorizePath, params, csrfToken(ctx, secret, authorizePath), error.message);
      return;
    }
    if (!checkAuthorize(ctx, params)) return;
    if (form.decision !== 'approve') {
      const url = new URL(params.redirect_uri!);
      url.searchParams.set('error', 'access_denied');
      if (params.state !== undefined) url.searchParams.set('state', params.state);
      return ctx.redirect(url.href);
    }
    const email = (form.email ?? '').trim().toLowerCase();
    if (!/^[^@\s]+@[^@\s]+$/.test(email)) {
      ctx.status = 400;
      ctx.type = 'html';
      ctx.body = authorizePage(authorizePath, params, csrfToken(ctx, secret, authorizePath), 'Type an email address, like ada@example.com.');
      return;
    }
    approve(ctx, params, personFor(email, form.given_name, form.family_name, form.email_verified === 'true'));
  });

  registerTokenEndpoints(router, {
    issuer: options.issuer,
    clientOf,
    codes,
    sandbox,
    signingKey: async () => (await keys)[sandbox.signWithUnlistedKey ? 1 : 0],
    checkRequest: options.checkRequest,
    basePath: options.basePath,
  });

  router.get(SANDBOX_PATHS.jwks, async (ctx) => {
    ctx.set('Cache-Control', 'public, max-age=300');
    ctx.body = { keys: [(await keys)[0].publicJwk] };
  });

  router.get('/picture/:file', (ctx) => {
    ctx.type = 'image/png';
    ctx.set('Cache-Control', 'public, max-age=86400');
    ctx.body = PICTURE_PNG;
  });

  return sandbox;
}
