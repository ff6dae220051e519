import { describe, expect, it } from 'vitest';
import { signUnsubscribeToken, unsubscribeUrl, verifyUnsubscribeToken } from './unsubscribe-token.js';

const SECRET = 'a-secret-that-is-long-enough-for-the-test-0001';

describe('unsubscribe tokens', () => {
  it('round-trips the address (lowercased) and the kind, and is the same every time', () => {
    const token = signUnsubscribeToken(SECRET, { email: ' Ada@Example.COM ', kind: 'invitation' });
    expect(verifyUnsubscribeToken(SECRET, token)).toEqual({ email: 'ada@example.com', kind: 'invitation' });
    // Deterministic: a retried send renders the very same email (same idempotent request).
    expect(signUnsubscribeToken(SECRET, { email: 'ada@example.com', kind: 'invitation' })).toBe(token);
    expect(token).toMatch(/^[\w-]+\.[\w-]+$/);
  });

  it('rejects a token signed with another secret, for another purpose, or changed in any way', () => {
    const token = signUnsubscribeToken(SECRET, { email: 'ada@example.com', kind: 'security' });
    const [payload, signature] = token.split('.') as [string, string];
    const swapped = Buffer.from(JSON.stringify({ e: 'ada@example.com', k: 'invitation' })).toString('base64url');
    expect(verifyUnsubscribeToken(`${SECRET}x`, token)).toBeNull();
    expect(verifyUnsubscribeToken(SECRET, `${swapped}.${signature}`)).toBeNull();
    expect(verifyUnsubscribeToken(SECRET, `${payload}.${signature.replace(/^./, (c) => (c === 'A' ? 'B' : 'A'))}`)).toBeNull();
    expect(verifyUnsubscribeToken(SECRET, `${token}.extra`)).toBeNull();
    for (const junk of ['', '.', 'abc', null, undefined, 'x'.repeat(5000)]) expect(verifyUnsubscribeToken(SECRET, junk)).toBeNull();
  });

  it('rejects a correctly signed token whose kind does not exist', () => {
    // Signed with the right secret but naming an unknown kind: still refused.
    const token = signUnsubscribeToken(SECRET, { email: 'ada@example.com', kind: 'digest' as never });
    expect(verifyUnsubscribeToken(SECRET, token)).toBeNull();
  });

  it('builds the link under PUBLIC_URL', () => {
    const url = unsubscribeUrl('https://minopa.example', SECRET, { email: 'ada@example.com', kind: 'account' });
    expect(url).toMatch(/^https:\/\/minopa\.example\/email\/unsubscribe\?token=[\w.-]+$/);
    expect(verifyUnsubscribeToken(SECRET, new URL(url).searchParams.get('token'))).toEqual({ email: 'ada@example.com', kind: 'account' });
  });
});
