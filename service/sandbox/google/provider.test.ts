import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { createRemoteJWKSet, jwtVerify } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApiChecker } from './spec-check.js';
import { startGoogleSandbox, type StandaloneGoogleSandbox } from './standalone.js';

const SPEC = fileURLToPath(new URL('../../../../shared/specs/google-oauth2/openapi.yaml', import.meta.url));
const CLIENT = { clientId: 'client-1', clientSecret: 'secret-1', redirectUris: ['http://app.test/callback'] };
const VERIFIER = 'v'.repeat(50);
const CHALLENGE = createHash('sha256').update(VERIFIER).digest('base64url');

interface Tokens {
  id_token: string;
  access_token: string;
}

let sandbox: StandaloneGoogleSandbox;
let checker: Awaited<ReturnType<typeof openApiChecker>>;

beforeAll(async () => {
  checker = await openApiChecker(SPEC);
  sandbox = await startGoogleSandbox({ clients: [CLIENT], checkRequest: checker.checkRequest });
});
afterAll(() => sandbox.close());

function authorizeUrl(extra: Record<string, string> = {}): string {
  const params = new URLSearchParams({
    client_id: CLIENT.clientId,
    redirect_uri: CLIENT.redirectUris[0]!,
    response_type: 'code',
    scope: 'openid email profile',
    state: 'st',
    nonce: 'nonce-123',
    code_challenge: CHALLENGE,
    code_challenge_method: 'S256',
    ...extra,
  });
  return `${sandbox.url}/o/oauth2/v2/auth?${params}`;
}

async function codeFor(email: string): Promise<string> {
  const response = await fetch(authorizeUrl({ login_hint: email }), { redirect: 'manual' });
  return new URL(response.headers.get('location')!).searchParams.get('code')!;
}

function token(fields: Record<string, string>, headers: Record<string, string> = {}) {
  return fetch(`${sandbox.url}/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    body: new URLSearchParams(fields),
  });
}

const exchangeFields = (code: string) => ({
  grant_type: 'authorization_code',
  code,
  redirect_uri: CLIENT.redirectUris[0]!,
  client_id: CLIENT.clientId,
  client_secret: CLIENT.clientSecret,
  code_verifier: VERIFIER,
});

describe('sandbox Google provider', () => {
  it('shows a page clearly labelled "Sandbox Google sign-in"; Continue redirects with a code, Cancel with access_denied', async () => {
    const page = await fetch(authorizeUrl());
    const html = await page.text();
    expect(page.status).toBe(200);
    expect(html).toContain('<h1>Sandbox Google sign-in</h1>');
    expect(html).toContain('not Google');
    const cookie = page.headers.getSetCookie()[0]!.split(';')[0]!;
    const csrf = /name="csrf" value="([^"]+)"/.exec(html)![1]!;
    const hidden = Object.fromEntries([...html.matchAll(/type="hidden" name="([^"]+)" value="([^"]*)"/g)].map((m) => [m[1]!, m[2]!.replaceAll('&amp;', '&')]));
    const post = (fields: Record<string, string>, withCookie = true) =>
      fetch(`${sandbox.url}/o/oauth2/v2/auth`, {
        method: 'POST',
        redirect: 'manual',
        headers: { 'content-type': 'application/x-www-form-urlencoded', ...(withCookie ? { cookie } : {}) },
        body: new URLSearchParams({ ...hidden, csrf, ...fields }),
      });
    const approved = await post({ email: 'Typed@Example.com', given_name: 'Typed', family_name: 'Person', email_verified: 'true', decision: 'approve' });
    const back = new URL(approved.headers.get('location')!);
    expect(back.origin + back.pathname).toBe('http://app.test/callback');
    expect(back.searchParams.get('state')).toBe('st');
    const tokens = (await (await token(exchangeFields(back.searchParams.get('code')!))).json()) as Tokens;
    const keys = createRemoteJWKSet(new URL(`${sandbox.url}/oauth2/v3/certs`));
    const { payload } = await jwtVerify(tokens.id_token, keys, { issuer: sandbox.url, audience: CLIENT.clientId });
    expect(payload).toMatchObject({ email: 'typed@example.com', email_verified: true, given_name: 'Typed', family_name: 'Person', nonce: 'nonce-123' });

    const cancelled = await post({ decision: 'deny' });
    expect(new URL(cancelled.headers.get('location')!).searchParams.get('error')).toBe('access_denied');
    const forged = await post({ email: 'x@example.com', decision: 'approve' }, false);
    expect(forged.status).toBe(403);
  });

  it('shows an unknown client or unregistered redirect URI as an error page, never redirecting there', async () => {
    const badClient = await fetch(authorizeUrl({ client_id: 'nope' }), { redirect: 'manual' });
    expect(badClient.status).toBe(401);
    const badRedirect = await fetch(authorizeUrl({ redirect_uri: 'https://evil.example.com/cb' }), { redirect: 'manual' });
    expect(badRedirect.status).toBe(400);
    expect(await badRedirect.text()).toContain('redirect_uri_mismatch');
    const noOpenid = await fetch(authorizeUrl({ scope: 'email' }), { redirect: 'manual' });
    expect(new URL(noOpenid.headers.get('location')!).searchParams.get('error')).toBe('invalid_scope');
  });

  it('token endpoint: client secret (post or Basic), exact redirect_uri, PKCE verifier, and each code once', async () => {
    expect((await token({ ...exchangeFields(await codeFor('a@example.com')), client_secret: 'wrong' })).status).toBe(401);
    const wrongVerifier = await token({ ...exchangeFields(await codeFor('a@example.com')), code_verifier: 'w'.repeat(50) });
    expect(await wrongVerifier.json()).toMatchObject({ error: 'invalid_grant' });
    const noVerifier = { ...exchangeFields(await codeFor('a@example.com')) } as Record<string, string>;
    delete noVerifier.code_verifier;
    expect(await (await token(noVerifier)).json()).toMatchObject({ error: 'invalid_grant', error_description: 'Missing code verifier.' });
    const wrongRedirect = await token({ ...exchangeFields(await codeFor('a@example.com')), redirect_uri: 'http://app.test/other' });
    expect(await wrongRedirect.json()).toMatchObject({ error: 'redirect_uri_mismatch' });

    const code = await codeFor('a@example.com');
    const { client_id: _id, client_secret: _secret, ...rest } = exchangeFields(code);
    const basic = `Basic ${Buffer.from(`${CLIENT.clientId}:${CLIENT.clientSecret}`).toString('base64')}`;
    const first = await token(rest, { authorization: basic });
    expect(first.status).toBe(200);
    expect(await first.json()).toMatchObject({ token_type: 'Bearer', access_token: expect.stringMatching(/^ya29\./), id_token: expect.any(String) });
    const second = await token(rest, { authorization: basic });
    expect(await second.json()).toMatchObject({ error: 'invalid_grant' });
  });

  it('publishes a discovery document naming its endpoints', async () => {
    const discovery = await (await fetch(`${sandbox.url}/.well-known/openid-configuration`)).json();
    expect(discovery).toMatchObject({
      issuer: sandbox.url,
      authorization_endpoint: `${sandbox.url}/o/oauth2/v2/auth`,
      token_endpoint: `${sandbox.url}/token`,
      jwks_uri: `${sandbox.url}/oauth2/v3/certs`,
      code_challenge_methods_supported: ['plain', 'S256'],
    });
  });

  it('answers oauth2/v2 userinfo as Google’s OpenAPI description says (request and response checked with openapi-backend)', async () => {
    const tokens = (await (await token(exchangeFields(await codeFor('ada.lovelace@example.com')))).json()) as Tokens;
    const response = await fetch(`${sandbox.url}/oauth2/v2/userinfo?alt=json`, { headers: { authorization: `Bearer ${tokens.access_token}` } });
    const body = await response.json();
    expect(response.status).toBe(200);
    expect(body).toMatchObject({ email: 'ada.lovelace@example.com', verified_email: true, given_name: 'Ada', family_name: 'Lovelace' });
    expect(checker.checkResponse('/oauth2/v2/userinfo', body)).toEqual([]);
    // A request the description does not allow is refused, like Google would.
    const bad = await fetch(`${sandbox.url}/oauth2/v2/userinfo?alt=xml`, { headers: { authorization: `Bearer ${tokens.access_token}` } });
    expect(bad.status).toBe(400);
    // Revoked tokens stop working.
    const revoke = await fetch(`${sandbox.url}/revoke`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: `token=${tokens.access_token}` });
    expect(revoke.status).toBe(200);
    expect((await fetch(`${sandbox.url}/v1/userinfo`, { headers: { authorization: `Bearer ${tokens.access_token}` } })).status).toBe(401);
  });
});
