import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../testing/test-app.js';

let app: TestApp;
beforeAll(async () => {
  app = await createTestApp();
});
afterAll(() => app.close());

const CHROME_MAC = 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36';
const FIREFOX_WIN = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Firefox/128.0';
const IPHONE = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1';

async function logInFrom(email: string, password: string, userAgent: string): Promise<string> {
  const headers = { 'user-agent': userAgent, 'x-forwarded-for': `2001:db8:3::${randomUUID().slice(0, 4)}` };
  return (await app.request('POST', '/api/v1/auth/log-in', { body: { email, password }, headers })).body.token;
}

describe('sessions', () => {
  it('lists each session with the browser, OS and device type read from its user agent', async () => {
    const person = await app.signUp();
    const token = await logInFrom(person.email, person.password, CHROME_MAC);
    await logInFrom(person.email, person.password, FIREFOX_WIN);
    await logInFrom(person.email, person.password, IPHONE);
    const list = await app.request('GET', '/api/v1/me/sessions', { token });
    const devices = list.body.items.map(({ browser, os, deviceType, current }: Record<string, unknown>) => ({ browser, os, deviceType, current }));
    expect(devices).toEqual(
      expect.arrayContaining([
        { browser: 'Chrome 126', os: 'macOS', deviceType: 'desktop', current: true },
        { browser: 'Firefox 128', os: 'Windows 10', deviceType: 'desktop', current: false },
        { browser: 'Safari 17', os: 'iOS 17.5', deviceType: 'mobile', current: false },
      ]),
    );
  });

  it('signs out every other session, keeping this one', async () => {
    const person = await app.signUp();
    const keep = await logInFrom(person.email, person.password, CHROME_MAC);
    const other = await logInFrom(person.email, person.password, FIREFOX_WIN);
    const stranger = await app.signUp();
    const response = await app.request('POST', '/api/v1/me/sessions/revoke-others', { token: keep });
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ revoked: 2 });
    expect((await app.request('GET', '/api/v1/me', { token: keep })).status).toBe(200);
    for (const token of [person.token, other]) expect((await app.request('GET', '/api/v1/me', { token })).body.error.code).toBe('session_expired');
    expect((await app.request('GET', '/api/v1/me', { token: stranger.token })).status).toBe(200);
    const list = await app.request('GET', '/api/v1/me/sessions', { token: keep });
    expect(list.body.items).toHaveLength(1);
  });
});
