import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestUser } from '../testing/test-app.js';
import { RATE_LIMITS_PER_MINUTE } from './rate-limit.js';

// A factor that leaves 3 anonymous requests, 12 reads and 3 writes a minute.
const FACTOR = 0.01;
let plain: TestApp;
let app: TestApp;
let person: TestUser;
let other: TestUser;

beforeAll(async () => {
  plain = await createTestApp();
  person = await plain.signUp();
  other = await plain.signUp();
  app = await createTestApp({ config: { rateLimitFactor: FACTOR }, database: plain.db });
});
afterAll(async () => {
  await app.close();
  await plain.close();
});

const from = (ip: string) => ({ headers: { 'x-forwarded-for': ip } });

describe('per-route request limits', () => {
  it('without a session: a burst per client IP, then 429 rate_limited with Retry-After and a sentence', async () => {
    const allowed = RATE_LIMITS_PER_MINUTE.anonymous * FACTOR;
    for (let request = 0; request < allowed; request += 1) expect((await app.request('GET', '/api/v1/legal', from('203.0.113.7'))).status).toBe(200);
    const refused = await app.request('GET', '/api/v1/legal', from('203.0.113.7'));
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(refused.body.error).toEqual({ code: 'rate_limited', message: 'Too many requests from your network. Please wait a minute and try again.' });
    // Another client is not held back, and neither are health checks.
    expect((await app.request('GET', '/api/v1/legal', from('203.0.113.8'))).status).toBe(200);
    expect((await app.request('GET', '/healthz', from('203.0.113.7'))).status).toBe(200);
  });

  it('with a session: reads and writes counted per session, separately', async () => {
    const reads = RATE_LIMITS_PER_MINUTE.read * FACTOR;
    for (let request = 0; request < reads; request += 1) expect((await app.request('GET', '/api/v1/me', { token: person.token })).status).toBe(200);
    const refused = await app.request('GET', '/api/v1/me', { token: person.token, headers: { 'accept-language': 'de' } });
    expect(refused.status).toBe(429);
    expect(refused.body.error.message).toMatch(/^Zu viele Anfragen aus dieser Sitzung\./);
    // Writes have their own allowance; another person's session has its own too.
    const write = await app.request('POST', `/api/v1/workspaces/${person.workspaceId}/captures`, { token: person.token, body: { clientId: crypto.randomUUID(), kind: 'page', url: 'https://example.com/' } });
    expect(write.status).toBe(201);
    expect((await app.request('GET', '/api/v1/me', { token: other.token })).status).toBe(200);
  });

  it('the extension can read a 429 (CORS headers kept, Retry-After exposed)', async () => {
    const origin = 'chrome-extension://ejjoaohdmeejfgghdfmlnkdbgkmllanp';
    let last;
    for (let request = 0; request <= RATE_LIMITS_PER_MINUTE.anonymous * FACTOR; request += 1) last = await app.request('GET', '/api/v1/legal', { headers: { origin, 'x-forwarded-for': '198.51.100.4' } });
    expect(last!.status).toBe(429);
    expect(last!.headers.get('access-control-allow-origin')).toBe(origin);
    expect(last!.headers.get('access-control-expose-headers')).toContain('Retry-After');
  });
});
