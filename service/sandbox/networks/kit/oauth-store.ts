import { createHash, randomBytes } from 'node:crypto';

/** An OAuth client a simulator knows. */
export interface SimClient {
  clientId: string;
  clientSecret: string;
  /** Exact redirect URIs allowed; absent: any (sandbox mode in the service registers its own callback). */
  redirectUris?: string[];
}

/** Who granted a token: the simulated person, by a key the simulator chose (e.g. "sandbox-user"). */
export interface Grant {
  subject: string;
  clientId: string;
  scopes: string[];
}

/** The OAuth error a simulator answers with (RFC 6749 §5.2 names). */
export class SimOAuthError extends Error {
  constructor(
    readonly error: 'invalid_request' | 'invalid_client' | 'invalid_grant' | 'unauthorized_client' | 'unsupported_grant_type' | 'invalid_scope',
    readonly description: string,
  ) {
    super(description);
  }
}

interface CodeRecord extends Grant {
  redirectUri: string;
  codeChallenge: string | null;
  codeChallengeMethod: string | null;
  expiresAt: number;
}

interface AccessRecord extends Grant {
  expiresAt: number;
  revoked: boolean;
}

interface RefreshRecord extends Grant {
  /** Set when a rotating refresh token was spent: presenting it again kills the whole family (as X does). */
  spent: boolean;
  family: string;
}

/**
 * The token bookkeeping every network simulator shares: codes (with PKCE), access tokens that expire,
 * refresh tokens that rotate and are single-use where the network's are (X, TikTok), revocation.
 * In memory: a simulator is a test double of a vendor, not a store of anything real.
 */
export function createOAuthStore(options: { clients: SimClient[]; accessTtlSeconds?: number; rotateRefreshTokens?: boolean; pkce?: 'required' | 'optional' | 'none' }) {
  const codes = new Map<string, CodeRecord>();
  const access = new Map<string, AccessRecord>();
  const refresh = new Map<string, RefreshRecord>();
  const deadFamilies = new Set<string>();
  let accessTtl = options.accessTtlSeconds ?? 7200;
  const token = (prefix: string) => `${prefix}-${randomBytes(18).toString('base64url')}`;

  function client(clientId: string | undefined, clientSecret?: string | null): SimClient {
    const found = options.clients.find((candidate) => candidate.clientId === clientId);
    if (!found) throw new SimOAuthError('invalid_client', 'Unknown client_id.');
    if (clientSecret !== undefined && clientSecret !== null && clientSecret !== found.clientSecret) {
      throw new SimOAuthError('invalid_client', 'Client authentication failed.');
    }
    return found;
  }

  function issueTokens(grant: Grant, family = token('family')) {
    const accessToken = token('at');
    access.set(accessToken, { ...grant, expiresAt: Date.now() + accessTtl * 1000, revoked: false });
    const refreshToken = token('rt');
    refresh.set(refreshToken, { ...grant, spent: false, family });
    return { accessToken, refreshToken, expiresIn: accessTtl, scopes: grant.scopes };
  }

  return {
    client,
    /** Checks an authorization request before the consent page is shown. */
    checkAuthorizeRequest(params: { clientId?: string; redirectUri?: string; codeChallenge?: string; codeChallengeMethod?: string }): SimClient {
      const found = client(params.clientId);
      if (!params.redirectUri) throw new SimOAuthError('invalid_request', 'redirect_uri is missing.');
      if (found.redirectUris && !found.redirectUris.includes(params.redirectUri)) {
        throw new SimOAuthError('invalid_request', 'redirect_uri is not registered for this client.');
      }
      if (options.pkce === 'required' && !params.codeChallenge) throw new SimOAuthError('invalid_request', 'code_challenge is required.');
      if (params.codeChallenge && params.codeChallengeMethod && !['S256', 'plain'].includes(params.codeChallengeMethod)) {
        throw new SimOAuthError('invalid_request', 'code_challenge_method must be S256 or plain.');
      }
      return found;
    },
    issueCode(grant: Grant & { redirectUri: string; codeChallenge?: string | null; codeChallengeMethod?: string | null }): string {
      const code = token('code');
      codes.set(code, {
        ...grant,
        codeChallenge: grant.codeChallenge ?? null,
        codeChallengeMethod: grant.codeChallenge ? (grant.codeChallengeMethod ?? 'plain') : null,
        expiresAt: Date.now() + 30_000,
      });
      return code;
    },
    /** Code → tokens; a code works once, within 30 s (X's rule), with the verifier when PKCE was used. */
    exchangeCode(request: { code?: string; clientId?: string; clientSecret?: string | null; redirectUri?: string; codeVerifier?: string }) {
      client(request.clientId, request.clientSecret);
      const record = request.code ? codes.get(request.code) : undefined;
      if (request.code) codes.delete(request.code);
      if (!record || record.expiresAt < Date.now() || record.clientId !== request.clientId) {
        throw new SimOAuthError('invalid_grant', 'The authorization code is invalid, expired or already used.');
      }
      if (record.redirectUri !== request.redirectUri) throw new SimOAuthError('invalid_grant', 'redirect_uri does not match the authorization request.');
      if (record.codeChallenge) {
        const verifier = request.codeVerifier ?? '';
        const expected = record.codeChallengeMethod === 'S256' ? createHash('sha256').update(verifier).digest('base64url') : verifier;
        if (expected !== record.codeChallenge) throw new SimOAuthError('invalid_grant', 'code_verifier does not match the code_challenge.');
      }
      return issueTokens(record);
    },
    /** A refresh; rotating stores spend the old token, and a spent one presented again revokes its family. */
    refresh(request: { refreshToken?: string; clientId?: string; clientSecret?: string | null }) {
      client(request.clientId, request.clientSecret);
      const record = request.refreshToken ? refresh.get(request.refreshToken) : undefined;
      if (!record || deadFamilies.has(record.family) || record.clientId !== request.clientId) {
        throw new SimOAuthError('invalid_grant', 'The refresh token is invalid or was revoked.');
      }
      if (options.rotateRefreshTokens) {
        if (record.spent) {
          deadFamilies.add(record.family);
          throw new SimOAuthError('invalid_grant', 'The refresh token was already used; the whole grant is revoked.');
        }
        record.spent = true;
        return issueTokens(record, record.family);
      }
      const accessToken = token('at');
      access.set(accessToken, { ...record, expiresAt: Date.now() + accessTtl * 1000, revoked: false });
      return { accessToken, refreshToken: request.refreshToken!, expiresIn: accessTtl, scopes: record.scopes };
    },
    /** Revokes an access or refresh token (and, for a refresh token, its family). */
    revoke(tokenValue: string): boolean {
      const accessRecord = access.get(tokenValue);
      if (accessRecord) accessRecord.revoked = true;
      const refreshRecord = refresh.get(tokenValue);
      if (refreshRecord) deadFamilies.add(refreshRecord.family);
      return Boolean(accessRecord ?? refreshRecord);
    },
    /** What a bearer token grants, or why it does not. */
    authenticate(authorization: string | undefined): { ok: true; grant: Grant } | { ok: false; reason: 'missing' | 'invalid' | 'expired' | 'revoked' } {
      const bearer = authorization?.match(/^(?:Bearer|OAuth)\s+(.+)$/i)?.[1];
      if (!bearer) return { ok: false, reason: 'missing' };
      return this.authenticateToken(bearer);
    },
    authenticateToken(value: string): { ok: true; grant: Grant } | { ok: false; reason: 'invalid' | 'expired' | 'revoked' } {
      const record = access.get(value);
      if (!record) return { ok: false, reason: 'invalid' };
      if (record.revoked) return { ok: false, reason: 'revoked' };
      if (record.expiresAt <= Date.now()) return { ok: false, reason: 'expired' };
      return { ok: true, grant: record };
    },
    /** Test lever: every access token issued so far expires now. */
    expireAccessTokens() {
      for (const record of access.values()) record.expiresAt = 0;
    },
    /** Test lever: tokens issued from now on live this long. */
    setAccessTtl(seconds: number) {
      accessTtl = seconds;
    },
    /** Test lever: how many live (unrevoked, unexpired) access tokens exist. */
    liveAccessTokens(): number {
      return [...access.values()].filter((record) => !record.revoked && record.expiresAt > Date.now()).length;
    },
  };
}

export type OAuthStore = ReturnType<typeof createOAuthStore>;
