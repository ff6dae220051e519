import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createOAuthStore, SimOAuthError } from './oauth-store.js';
import { createFaultPlan } from './faults.js';

const clients = [{ clientId: 'app', clientSecret: 'secret' }];
const grant = { subject: 'ada', clientId: 'app', scopes: ['write'], redirectUri: 'http://localhost/cb' };

describe('simulated OAuth bookkeeping', () => {
  it('a code works once and only with its PKCE verifier', () => {
    const store = createOAuthStore({ clients, pkce: 'required' });
    const verifier = 'v'.repeat(43);
    const challenge = createHash('sha256').update(verifier).digest('base64url');
    const code = store.issueCode({ ...grant, codeChallenge: challenge, codeChallengeMethod: 'S256' });
    expect(() => store.exchangeCode({ code, clientId: 'app', redirectUri: grant.redirectUri, codeVerifier: 'wrong' })).toThrow(SimOAuthError);
    const second = store.issueCode({ ...grant, codeChallenge: challenge, codeChallengeMethod: 'S256' });
    const tokens = store.exchangeCode({ code: second, clientId: 'app', redirectUri: grant.redirectUri, codeVerifier: verifier });
    expect(store.authenticate(`Bearer ${tokens.accessToken}`)).toMatchObject({ ok: true, grant: { subject: 'ada' } });
    expect(() => store.exchangeCode({ code: second, clientId: 'app', redirectUri: grant.redirectUri, codeVerifier: verifier })).toThrow(/already used/);
  });

  it('rotating refresh tokens are single-use: reusing one revokes the whole grant (as X does)', () => {
    const store = createOAuthStore({ clients, rotateRefreshTokens: true });
    const first = store.exchangeCode({ code: store.issueCode(grant), clientId: 'app', redirectUri: grant.redirectUri });
    const second = store.refresh({ refreshToken: first.refreshToken, clientId: 'app', clientSecret: 'secret' });
    expect(second.refreshToken).not.toBe(first.refreshToken);
    expect(() => store.refresh({ refreshToken: first.refreshToken, clientId: 'app' })).toThrow(/already used/);
    expect(() => store.refresh({ refreshToken: second.refreshToken, clientId: 'app' })).toThrow(/revoked/);
  });

  it('expired and revoked tokens are told apart', () => {
    const store = createOAuthStore({ clients });
    const tokens = store.exchangeCode({ code: store.issueCode(grant), clientId: 'app', redirectUri: grant.redirectUri });
    store.expireAccessTokens();
    expect(store.authenticateToken(tokens.accessToken)).toEqual({ ok: false, reason: 'expired' });
    const fresh = store.refresh({ refreshToken: tokens.refreshToken, clientId: 'app' });
    store.revoke(fresh.accessToken);
    expect(store.authenticateToken(fresh.accessToken)).toEqual({ ok: false, reason: 'revoked' });
  });
});

describe('fault plan', () => {
  it('serves queued faults to matching requests first, in order', () => {
    const plan = createFaultPlan();
    plan.next(/\/tweets$/, { kind: 'status', status: 503 }, 'POST');
    expect(plan.take('GET', '/2/tweets')).toEqual([]);
    expect(plan.take('POST', '/2/tweets')).toEqual([{ kind: 'status', status: 503 }]);
    expect(plan.take('POST', '/2/tweets')).toEqual([]);
  });

  it('random faults are repeatable for a seed', () => {
    const draw = () => {
      const plan = createFaultPlan();
      plan.random({ serverError: 0.2, rateLimited: 0.2, loseResponse: 0.1, seed: 42 });
      return Array.from({ length: 50 }, () => plan.take('POST', '/x').map((fault) => fault.kind).join());
    };
    const first = draw();
    expect(draw()).toEqual(first);
    expect(first.filter(Boolean).length).toBeGreaterThan(10);
  });
});
