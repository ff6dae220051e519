import { createHash, randomBytes } from 'node:crypto';
import type Router from '@koa/router';
import type { AppContext, AppState } from '../../context.js';
import { HttpError } from '../../errors.js';
import { readForm } from '../../pages/form-body.js';
import { SANDBOX_PATHS } from '../../auth/google/settings.js';
import { personClaims, type SandboxPerson } from './people.js';
import type { SigningKey } from './keys.js';
import type { GoogleSandbox, RequestChecker, SandboxClient } from './types.js';

/** An authorization code the sandbox handed out, until it is used (once) or expires. */
export interface IssuedCode {
  clientId: string;
  redirectUri: string;
  scopes: string[];
  nonce: string | null;
  codeChallenge: string | null;
  codeChallengeMethod: string | null;
  person: SandboxPerson;
  expiresAt: number;
}

interface TokenDeps {
  issuer: string;
  basePath: string;
  clientOf: (id: unknown) => SandboxClient | undefined;
  codes: Map<string, IssuedCode>;
  sandbox: GoogleSandbox;
  signingKey: () => Promise<SigningKey>;
  checkRequest?: RequestChecker | undefined;
}

const VERIFIER = /^[A-Za-z0-9._~-]{43,128}$/;
// What Google's token response says for the scopes `openid email profile`.
const GRANTED: Record<string, string> = {
  email: 'https://www.googleapis.com/auth/userinfo.email',
  profile: 'https://www.googleapis.com/auth/userinfo.profile',
  openid: 'openid',
};

function oauthError(ctx: AppContext, status: number, error: string, description: string): void {
  ctx.status = status;
  ctx.body = { error, error_description: description };
}

/** The client from Basic auth (client_secret_basic) or the form (client_secret_post), if its secret matches. */
function authenticateClient(ctx: AppContext, form: Record<string, string>, clientOf: TokenDeps['clientOf']): SandboxClient | null {
  let id = form.client_id;
  let secret = form.client_secret;
  const basic = /^Basic\s+(\S+)$/i.exec(ctx.get('authorization'));
  if (basic) {
    const [user, pass] = Buffer.from(basic[1]!, 'base64').toString('utf8').split(':');
    id = decodeURIComponent(user ?? '');
    secret = decodeURIComponent(pass ?? '');
  }
  const client = clientOf(id);
  return client && secret === client.clientSecret ? client : null;
}

/** Token (authorization_code grant), userinfo (both forms) and revoke endpoints of the sandbox. */
export function registerTokenEndpoints(router: Router<AppState>, deps: TokenDeps): void {
  const accessTokens = new Map<string, { person: SandboxPerson; scopes: string[]; expiresAt: number }>();

  router.post(SANDBOX_PATHS.token, async (ctx: AppContext) => {
    let form: Record<string, string>;
    try {
      form = await readForm(ctx);
    } catch (error) {
      if (error instanceof HttpError) return oauthError(ctx, 400, 'invalid_request', 'Send the token request as application/x-www-form-urlencoded.');
      throw error;
    }
    const { client_secret: _secret, ...logged } = form;
    deps.sandbox.tokenRequests.push(logged);
    const client = authenticateClient(ctx, form, deps.clientOf);
    if (!client) return oauthError(ctx, 401, 'invalid_client', 'The OAuth client was not found or its secret is wrong.');
    if (form.grant_type !== 'authorization_code') return oauthError(ctx, 400, 'unsupported_grant_type', 'Only authorization_code is supported.');
    const code = deps.codes.get(form.code ?? '');
    // A code works once: it is gone from here whatever happens next.
    if (form.code) deps.codes.delete(form.code);
    if (!code || code.expiresAt < Date.now() || code.clientId !== client.clientId) return oauthError(ctx, 400, 'invalid_grant', 'Malformed auth code.');
    if (form.redirect_uri !== code.redirectUri) return oauthError(ctx, 400, 'redirect_uri_mismatch', 'Bad Request');
    if (code.codeChallenge) {
      if (!form.code_verifier || !VERIFIER.test(form.code_verifier)) return oauthError(ctx, 400, 'invalid_grant', 'Missing code verifier.');
      if (!pkceMatches(form.code_verifier, code.codeChallenge, code.codeChallengeMethod ?? 'plain')) return oauthError(ctx, 400, 'invalid_grant', 'Invalid code verifier.');
    }
    const now = Math.floor(Date.now() / 1000);
    let claims = {
      iss: deps.issuer,
      azp: client.clientId,
      aud: client.clientId,
      ...personClaims(code.person, code.scopes),
      ...(code.nonce ? { nonce: code.nonce } : {}),
      iat: now,
      exp: now + 3600,
    };
    if (deps.sandbox.tamper) claims = deps.sandbox.tamper(claims) as typeof claims;
    const accessToken = `ya29.sandbox-${randomBytes(24).toString('base64url')}`;
    accessTokens.set(accessToken, { person: code.person, scopes: code.scopes, expiresAt: Date.now() + 3600_000 });
    ctx.body = {
      access_token: accessToken,
      expires_in: 3599,
      scope: code.scopes.map((scope) => GRANTED[scope] ?? scope).join(' '),
      token_type: 'Bearer',
      id_token: await (await deps.signingKey()).sign(claims),
    };
  });

  const bearer = (ctx: AppContext) => {
    const match = /^Bearer\s+(\S+)$/i.exec(ctx.get('authorization'));
    const token = match?.[1] ?? (typeof ctx.query.access_token === 'string' ? ctx.query.access_token : undefined);
    const grant = token ? accessTokens.get(token) : undefined;
    return grant && grant.expiresAt > Date.now() ? grant : null;
  };
  const unauthorized = (ctx: AppContext) => {
    ctx.status = 401;
    ctx.set('WWW-Authenticate', 'Bearer realm="https://accounts.google.com/", error="invalid_token"');
    ctx.body = { error: 'invalid_request', error_description: 'Invalid Credentials' };
  };

  router.get(SANDBOX_PATHS.userinfo, (ctx) => {
    const grant = bearer(ctx);
    if (!grant) return unauthorized(ctx);
    ctx.body = personClaims(grant.person, grant.scopes);
  });

  // The oauth2/v2 form, described by ../shared/specs/google-oauth2/openapi.yaml (checked when a checker is given).
  router.get('/oauth2/v2/userinfo', (ctx) => {
    const problems = deps.checkRequest?.({ method: 'GET', path: '/oauth2/v2/userinfo', headers: ctx.headers, query: ctx.query }) ?? [];
    if (problems.length > 0) return oauthError(ctx, 400, 'invalid_request', problems.join('; '));
    const grant = bearer(ctx);
    if (!grant) return unauthorized(ctx);
    const claims = personClaims(grant.person, grant.scopes);
    ctx.body = {
      id: grant.person.sub,
      ...(grant.scopes.includes('email') ? { email: grant.person.email, verified_email: grant.person.emailVerified } : {}),
      ...(typeof claims.name === 'string' ? { name: claims.name } : {}),
      ...(typeof claims.given_name === 'string' ? { given_name: claims.given_name } : {}),
      ...(typeof claims.family_name === 'string' ? { family_name: claims.family_name } : {}),
      ...(typeof claims.picture === 'string' ? { picture: claims.picture } : {}),
    };
  });

  router.post(SANDBOX_PATHS.revoke, async (ctx: AppContext) => {
    const form = ctx.is('application/x-www-form-urlencoded') ? await readForm(ctx) : {};
    const token = form.token ?? (typeof ctx.query.token === 'string' ? ctx.query.token : '');
    if (!accessTokens.delete(token)) return oauthError(ctx, 400, 'invalid_token', 'Token expired or revoked');
    deps.sandbox.revokedTokens.push(token);
    ctx.body = {};
  });
}

/** PKCE check: does `verifier` answer `challenge` under `method` (S256 or plain)? */
export function pkceMatches(verifier: string, challenge: string, method: string): boolean {
  const computed = method === 'S256' ? createHash('sha256').update(verifier).digest('base64url') : verifier;
  return computed === challenge;
}
