import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../testing/test-app.js';

let app: TestApp;
let https: TestApp;
beforeAll(async () => {
  app = await createTestApp();
  https = await createTestApp({ config: { publicUrl: 'https://minopa.example.com' }, database: app.db });
});
afterAll(async () => {
  await https.close();
  await app.close();
});

describe('security headers (helmet)', () => {
  it('an API answer: nothing allowed to run or frame it, no sniffing, no referrer, never cached', async () => {
    const response = await app.request('GET', '/api/v1/legal');
    expect(Object.fromEntries(['content-security-policy', 'x-content-type-options', 'x-frame-options', 'referrer-policy', 'cache-control', 'cross-origin-resource-policy'].map((name) => [name, response.headers.get(name)]))).toEqual({
      'content-security-policy': "default-src 'none';frame-ancestors 'none';base-uri 'none'",
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'DENY',
      'referrer-policy': 'no-referrer',
      'cache-control': 'no-store',
      // The extension's pages show media from the service in <img>: another origin.
      'cross-origin-resource-policy': 'cross-origin',
    });
    expect(response.headers.get('x-powered-by')).toBeNull();
  });

  it('P23: HSTS only when the service is reached over https', async () => {
    expect((await app.request('GET', '/healthz')).headers.get('strict-transport-security')).toBeNull();
    expect((await https.request('GET', '/healthz')).headers.get('strict-transport-security')).toBe('max-age=31536000; includeSubDomains');
  });

  it('a page of the service keeps its own policy', async () => {
    const page = await app.request('GET', '/legal/privacy');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("style-src 'unsafe-inline'");
  });
});
