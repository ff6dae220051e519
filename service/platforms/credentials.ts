import type { Sealer } from '../lib/token-crypto.js';
import type { TokenSet } from './types.js';

/** Associated data of sealed account tokens: a bundle sealed for another table does not open here. */
const CONTEXT = 'connected_accounts.credentials';

/** The columns a token set is stored in. */
export interface SealedCredentials {
  credentials: string;
  credentialsKeyId: string;
  accessExpiresAt: Date | null;
}

/** Seals a token set for connected_accounts (P26); the access expiry stays readable for the refresh job. */
export function sealTokens(sealer: Sealer, tokens: TokenSet): SealedCredentials {
  const sealed = sealer.seal({ ...tokens, expiresAt: tokens.expiresAt?.toISOString() ?? null }, CONTEXT);
  return { credentials: sealed.ciphertext, credentialsKeyId: sealed.keyId, accessExpiresAt: tokens.expiresAt ?? null };
}

/** Opens what sealTokens stored. */
export function openTokens(sealer: Sealer, row: { credentials: string | null; credentialsKeyId: string | null }): TokenSet {
  if (!row.credentials || !row.credentialsKeyId) throw new Error('the account has no stored credentials (disconnected)');
  const opened = sealer.open<TokenSet & { expiresAt: string | null }>({ ciphertext: row.credentials, keyId: row.credentialsKeyId }, CONTEXT);
  return { ...opened, expiresAt: opened.expiresAt ? new Date(opened.expiresAt) : null };
}
