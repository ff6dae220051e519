import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/test-app.js';

// Like extension/e2e: skipped where Chromium is missing, except where browser tests are required.
const chromiumPath = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find((candidate) => candidate && existsSync(candidate));
const browserRequired = process.env.MINOPA_REQUIRE_BROWSER === '1' || process.env.CI === 'true';
if (!chromiumPath && browserRequired) throw new Error('Browser tests are required here: install Chromium (`apt-get install -y chromium`) or set CHROMIUM_PATH.');

/**
 * Stands in for googletagmanager.com and clarity.ms: records every request, and serves tags that do
 * what the real ones do that matters here — set their first-party cookies (`_ga`, `_clck`) when they run.
 */
async function startFakeAnalytics(): Promise<{ url: string; requests: string[]; server: Server }> {
  const requests: string[] = [];
  const server = createServer((req, res) => {
    requests.push(req.url ?? '');
    const body = req.url?.startsWith('/gtag/js')
      ? "document.cookie='_ga=GA1.1.111.222; path=/; max-age=3600'; window.fakeGtagRan=true;"
      : req.url?.startsWith('/tag/')
        ? "document.cookie='_clck=fake|2|f|0; path=/; max-age=3600'; window.fakeClarityRan=true;"
        : '';
    res.writeHead(body ? 200 : 404, { 'content-type': 'text/javascript' }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, requests, server };
}

let fake: Awaited<ReturnType<typeof startFakeAnalytics>>;
let app: TestApp;
let browser: Browser;

beforeAll(async () => {
  if (!chromiumPath) return;
  fake = await startFakeAnalytics();
  app = await createTestApp({
    config: { analytics: { googleId: 'G-BROWSER1', clarityId: 'fakeclar1', googleScriptUrl: `${fake.url}/gtag/js`, clarityScriptUrl: `${fake.url}/tag/` } },
  });
  browser = await chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE localhost, EXCLUDE 127.0.0.1'],
  });
});
afterAll(async () => {
  await browser?.close();
  await app?.close();
  await new Promise((resolve) => fake?.server.close(resolve));
});

/** window.dataLayer as plain arrays (gtag pushes `arguments` objects). */
const dataLayer = (page: Page) => page.evaluate(() => ((globalThis as unknown as { dataLayer?: ArrayLike<unknown>[] }).dataLayer ?? []).map((entry) => Array.from(entry)));
const analyticsCookies = async (context: BrowserContext) => (await context.cookies()).filter((c) => /^(_ga|_gid|_clck|_clsk|CLID)/.test(c.name)).map((c) => c.name);

/** A fresh browser profile that fails the test on any CSP violation (the nonce must carry every script). */
async function newVisitor(): Promise<{ context: BrowserContext; page: Page; violations: string[] }> {
  const context = await browser.newContext({ locale: 'en-US' });
  context.setDefaultTimeout(15_000);
  const page = await context.newPage();
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  return { context, page, violations };
}

describe.skipIf(!chromiumPath)('analytics consent in headless Chromium', () => {
  it('P21 P25: consent defaults all denied before anything loads; no analytics request or cookie until Accept; Decline and withdrawal keep or make it so', async () => {
    // First visitor: sees the banner, nothing loads, declines.
    const first = await newVisitor();
    await first.page.goto(`${app.url}/legal/privacy`);
    await first.page.getByTestId('consent-banner').waitFor();
    expect(await dataLayer(first.page)).toEqual([
      ['consent', 'default', { ad_storage: 'denied', ad_user_data: 'denied', ad_personalization: 'denied', analytics_storage: 'denied', wait_for_update: 500 }],
    ]);
    expect(await first.page.evaluate(() => typeof (globalThis as unknown as { clarity?: unknown }).clarity)).toBe('undefined');
    expect(fake.requests).toEqual([]);
    expect(await analyticsCookies(first.context)).toEqual([]);

    await first.page.getByTestId('consent-denied').click();
    await first.page.waitForURL(`${app.url}/legal/privacy`);
    await expect(first.page.getByTestId('consent-banner').count()).resolves.toBe(0);
    expect((await first.context.cookies()).find((c) => c.name === 'cookie-preferences')).toMatchObject({ value: 'analytics:denied', httpOnly: true, sameSite: 'Lax' });
    await first.page.reload();
    expect(await dataLayer(first.page)).toHaveLength(1);
    expect(fake.requests).toEqual([]);
    expect(await analyticsCookies(first.context)).toEqual([]);
    expect(first.violations).toEqual([]);
    await first.context.close();

    // Another visit, another visitor: accepts in the banner; the tags load after the consent update.
    const second = await newVisitor();
    await second.page.goto(`${app.url}/legal/privacy`);
    expect(fake.requests).toEqual([]);
    await second.page.getByTestId('consent-granted').click();
    await second.page.waitForURL(`${app.url}/legal/privacy`);
    await second.page.waitForFunction(() => (globalThis as unknown as { fakeGtagRan?: boolean; fakeClarityRan?: boolean }).fakeGtagRan && (globalThis as unknown as { fakeClarityRan?: boolean }).fakeClarityRan);
    expect(fake.requests.sort()).toEqual(['/gtag/js?id=G-BROWSER1', '/tag/fakeclar1']);
    const entries = await dataLayer(second.page);
    expect(entries[0]).toEqual(['consent', 'default', expect.objectContaining({ analytics_storage: 'denied', ad_storage: 'denied' })]);
    expect(entries[1]).toEqual(['consent', 'update', { analytics_storage: 'granted' }]);
    expect(entries.slice(2).map((entry) => entry[0])).toEqual(['js', 'config']);
    expect((await analyticsCookies(second.context)).sort()).toEqual(['_clck', '_ga']);

    // Withdrawal through the footer's "Cookie settings": the cookies the tags set are gone, nothing loads again.
    await second.page.getByRole('link', { name: 'Cookie settings' }).click();
    await second.page.getByTestId('consent-current').waitFor();
    expect(await second.page.getByTestId('consent-current').textContent()).toBe('Your choice: analytics allowed.');
    await second.page.getByTestId('consent-denied').click();
    await second.page.waitForURL(`${app.url}/legal/privacy`);
    expect(await analyticsCookies(second.context)).toEqual([]);
    const requestsBefore = fake.requests.length;
    await second.page.reload();
    expect(await dataLayer(second.page)).toHaveLength(1);
    expect(fake.requests).toHaveLength(requestsBefore);
    expect(await analyticsCookies(second.context)).toEqual([]);
    expect(second.violations).toEqual([]);
    await second.context.close();
  });
});
