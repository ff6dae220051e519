import { describe, expect, it } from 'vitest';
import { createSealer } from './token-crypto.js';

const k1 = { id: 'k1', key: Buffer.alloc(32, 1) };
const k2 = { id: 'k2', key: Buffer.alloc(32, 2) };

describe('token sealing (P26)', () => {
  it('P26: seals with AES-256-GCM so the stored text never contains the token', () => {
    const sealer = createSealer([k1]);
    const sealed = sealer.seal({ accessToken: 'secret-access-token' }, 'connected_accounts');
    expect(sealed.keyId).toBe('k1');
    expect(sealed.ciphertext).not.toContain('secret-access-token');
    expect(Buffer.from(sealed.ciphertext, 'base64url').toString('latin1')).not.toContain('secret');
    expect(sealer.open(sealed, 'connected_accounts')).toEqual({ accessToken: 'secret-access-token' });
  });

  it('uses a fresh nonce each time', () => {
    const sealer = createSealer([k1]);
    expect(sealer.seal('same', 'c').ciphertext).not.toBe(sealer.seal('same', 'c').ciphertext);
  });

  it('P26: rotation — a new first key seals, the old key still opens what it sealed', () => {
    const old = createSealer([k1]).seal({ token: 'a' }, 'c');
    const rotated = createSealer([k2, k1]);
    expect(rotated.open(old, 'c')).toEqual({ token: 'a' });
    expect(rotated.seal({ token: 'b' }, 'c').keyId).toBe('k2');
  });

  it('refuses a tampered value, another context, or a key that is gone', () => {
    const sealer = createSealer([k1]);
    const sealed = sealer.seal({ token: 'a' }, 'c');
    const bytes = Buffer.from(sealed.ciphertext, 'base64url');
    bytes[bytes.length - 1] = (bytes.at(-1) ?? 0) ^ 1;
    expect(() => sealer.open({ ...sealed, ciphertext: bytes.toString('base64url') }, 'c')).toThrow();
    expect(() => sealer.open(sealed, 'other')).toThrow();
    expect(() => createSealer([k2]).open(sealed, 'c')).toThrow(/no longer configured/);
  });
});
