import type { Sealer } from '../lib/token-crypto.js';
import type { IntegrationTokens } from './types.js';

/** Associated data of sealed integration tokens: a bundle sealed for another table does not open here. */
const CONTEXT = 'integration_connections.credentials';

/** The columns a token set is stored in. */
export interface SealedIntegrationTokens {
  credentials: string;
  credentialsKeyId: string;
  accessExpiresAt: Date | null;
}

/** Seals tokens for integration_connections (P26); the access expiry stays readable for the refresh job. */
export function sealIntegrationTokens(sealer: Sealer, tokens: IntegrationTokens): SealedIntegrationTokens {
  const sealed = sealer.seal({ ...tokens, expiresAt: tokens.expiresAt?.toISOString() ?? null }, CONTEXT);
  return { credentials: sealed.ciphertext, credentialsKeyId: sealed.keyId, accessExpiresAt: tokens.expiresAt };
}

/** Opens what sealIntegrationTokens stored. */
export function openIntegrationTokens(sealer: Sealer, row: { credentials: string; credentialsKeyId: string }): IntegrationTokens {
  const opened = sealer.open<IntegrationTokens & { expiresAt: string | null }>({ ciphertext: row.credentials, keyId: row.credentialsKeyId }, CONTEXT);
  return { ...opened, expiresAt: opened.expiresAt ? new Date(opened.expiresAt) : null };
}
