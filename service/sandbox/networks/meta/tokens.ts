import { createOAuthStore, type Grant, type OAuthStore, type SimClient } from '../kit/oauth-store.js';

/** Where minted tokens pretend their code was sent; never shown to anyone. */
const INTERNAL_REDIRECT = 'urn:sandbox:meta-token-exchange';
/** Page tokens read with a long-lived user token do not expire; a century is "never" for a simulator. */
const NEVER_SECONDS = 100 * 365 * 24 * 3600;

/**
 * Meta's token families on top of the kit's bookkeeping: short-lived tokens from the code exchange
 * (about an hour), long-lived ones from the exchange/refresh endpoints (about 60 days) and, for Facebook,
 * Page tokens that do not expire. `store` is the one OAuthStore tests see: it authenticates, expires and
 * revokes across all three, so `store.expireAccessTokens()` ends every token as on the real networks.
 */
export function createMetaTokens(options: { clients: SimClient[]; shortTtlSeconds: number; longTtlSeconds: number }) {
  const short = createOAuthStore({ clients: options.clients, accessTtlSeconds: options.shortTtlSeconds, pkce: 'none' });
  const long = createOAuthStore({ clients: options.clients, accessTtlSeconds: options.longTtlSeconds, pkce: 'none' });
  const pages = createOAuthStore({ clients: options.clients, accessTtlSeconds: NEVER_SECONDS, pkce: 'none' });
  const stores = [short, long, pages];
  // Every token a person's login produced, so removing the app ends them all.
  const bySubject = new Map<string, string[]>();
  const remember = (owner: string, token: string) => bySubject.set(owner, [...(bySubject.get(owner) ?? []), token]);

  const mintIn = (target: OAuthStore, grant: Grant, owner: string) => {
    const code = target.issueCode({ ...grant, redirectUri: INTERNAL_REDIRECT });
    const issued = target.exchangeCode({ code, clientId: grant.clientId, redirectUri: INTERNAL_REDIRECT });
    remember(owner, issued.accessToken);
    return { accessToken: issued.accessToken, expiresIn: issued.expiresIn };
  };

  const authenticateToken: OAuthStore['authenticateToken'] = (value) => {
    let worst: ReturnType<OAuthStore['authenticateToken']> = { ok: false, reason: 'invalid' };
    for (const store of stores) {
      const result = store.authenticateToken(value);
      if (result.ok) return result;
      if (result.reason !== 'invalid') worst = result;
    }
    return worst;
  };

  const store: OAuthStore = {
    ...short,
    exchangeCode(request) {
      const issued = short.exchangeCode(request);
      const grant = short.authenticateToken(issued.accessToken);
      if (grant.ok) remember(grant.grant.subject, issued.accessToken);
      return issued;
    },
    revoke: (value) => stores.map((each) => each.revoke(value)).some(Boolean),
    authenticate(authorization) {
      const bearer = authorization?.match(/^(?:Bearer|OAuth)\s+(.+)$/i)?.[1];
      return bearer ? authenticateToken(bearer) : { ok: false, reason: 'missing' };
    },
    authenticateToken,
    expireAccessTokens: () => stores.forEach((each) => each.expireAccessTokens()),
    setAccessTtl: (seconds) => long.setAccessTtl(seconds),
    liveAccessTokens: () => stores.reduce((sum, each) => sum + each.liveAccessTokens(), 0),
  };

  return {
    store,
    /** A long-lived token for the grant behind `token` (exchange or refresh); null when `token` is not live. */
    longLivedFor(token: string) {
      const auth = authenticateToken(token);
      return auth.ok ? mintIn(long, auth.grant, auth.grant.subject) : null;
    },
    /** A Page token: its grant's subject is `page:<id>`, owned by the person whose login read it. */
    pageToken(pageId: string, userGrant: Grant) {
      return mintIn(pages, { ...userGrant, subject: `page:${pageId}` }, userGrant.subject).accessToken;
    },
    /** The person removed the app: every token their login produced stops working. */
    revokeSubject(subject: string) {
      for (const token of bySubject.get(subject) ?? []) store.revoke(token);
    },
  };
}

export type MetaTokens = ReturnType<typeof createMetaTokens>;
