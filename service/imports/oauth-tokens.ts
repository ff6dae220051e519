import type { IntegrationTokens } from './types.js';

/** An RFC 6749 token answer. */
export interface TokenAnswer {
  access_token: string;
  refresh_token?: string;
  expires_in?: number;
  scope?: string;
}

/**
 * Reads a token answer. A refresh that answers no refresh token (Google never rotates) keeps the one we
 * hold; one that answers no scope keeps the scopes granted before.
 */
export function tokensFrom(answer: TokenAnswer, previous?: IntegrationTokens): IntegrationTokens {
  return {
    accessToken: answer.access_token,
    refreshToken: answer.refresh_token ?? previous?.refreshToken ?? null,
    expiresAt: answer.expires_in ? new Date(Date.now() + answer.expires_in * 1000) : null,
    scopes: answer.scope ? answer.scope.split(' ').filter(Boolean) : [...(previous?.scopes ?? [])],
  };
}

/** HTTP Basic client authentication as Canva documents it: base64 of `client_id:client_secret`. */
export function basicAuth(clientId: string, clientSecret: string): Record<string, string> {
  return { authorization: `Basic ${Buffer.from(`${clientId}:${clientSecret}`).toString('base64')}` };
}
