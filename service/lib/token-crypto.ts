import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { TokenKey } from '../config.js';

/** What sealing returns: store both; the key id lets a rotated-out key still open old rows. */
export interface Sealed {
  ciphertext: string;
  keyId: string;
}

/**
 * Seals secrets at rest with AES-256-GCM (P26): a fresh 12-byte nonce per seal, the 16-byte tag checked
 * on open. `context` is bound as associated data (e.g. "connected_accounts"), so a sealed value copied
 * into another column or table does not open there. The first key seals; every key opens.
 */
export function createSealer(keys: readonly TokenKey[]) {
  const current = keys[0];
  if (!current) throw new Error('no token encryption key configured');
  const byId = new Map(keys.map((key) => [key.id, key.key]));
  return {
    currentKeyId: current.id,
    seal(value: unknown, context: string): Sealed {
      const nonce = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', current.key, nonce);
      cipher.setAAD(Buffer.from(`${current.id}:${context}`));
      const data = Buffer.concat([cipher.update(JSON.stringify(value), 'utf8'), cipher.final()]);
      return { ciphertext: Buffer.concat([nonce, cipher.getAuthTag(), data]).toString('base64url'), keyId: current.id };
    },
    open<T>(sealed: Sealed, context: string): T {
      const key = byId.get(sealed.keyId);
      if (!key) throw new Error(`token encryption key "${sealed.keyId}" is no longer configured; add it back to TOKEN_ENCRYPTION_KEYS`);
      const raw = Buffer.from(sealed.ciphertext, 'base64url');
      const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12));
      decipher.setAAD(Buffer.from(`${sealed.keyId}:${context}`));
      decipher.setAuthTag(raw.subarray(12, 28));
      return JSON.parse(Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8')) as T;
    },
  };
}

export type Sealer = ReturnType<typeof createSealer>;
