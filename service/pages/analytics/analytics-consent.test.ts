import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../config.js';
import { createTestApp, type TestApp } from '../../testing/test-app.js';
import { ANALYTICS_DEFAULTS } from './config.js';
import { sourcesFor } from './page-parts.js';

const ANALYTICS = {
  googleId: 'G-TEST1234',
  clarityId: 'clar1ty42',
  googleScriptUrl: 'https://tags.example.test/gtag/js',
  clarityScriptUrl: 'https://clarity.example.test/tag/',
};
const STRICT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; form-action 'self'; frame-ancestors 'none'";

let plain: TestApp;
let app: TestApp;
beforeAll(async () => {
  // One after the other: both migrate the same database.
  plain = await createTestApp();
  app = await createTestApp({ config: { analytics: ANALYTICS } });
});
afterAll(async () => {
  await plain?.close();
  await app?.close();
});

/** A browser: keeps the cookies it is given, sends them back, does not follow redirects. */
class Visitor {
  cookies = new Map<string, string>();
  constructor(readonly base: string, readonly language = 'en') {}

  async fetch(path: string, init: { form?: Record<string, string>; cookie?: string } = {}) {
    const headers: Record<string, string> = { 'accept-language': this.language };
    const jar = [...this.cookies].map(([k, v]) => `${k}=${v}`);
    if (init.cookie) jar.push(init.cookie);
    if (jar.length > 0) headers.cookie = jar.join('; ');
    if (init.form) headers['content-type'] = 'application/x-www-form-urlencoded';
    const response = await fetch(this.base + path, {
      method: init.form ? 'POST' : 'GET',
      headers,
      body: init.form ? new URLSearchParams(init.form).toString() : undefined,
      redirect: 'manual',
    });
    const setCookies = response.headers.getSetCookie();
    for (const cookie of setCookies) {
      const [pair] = cookie.split(';');
      const [name, value] = pair!.split('=');
      if (/expires=Thu, 01 Jan 1970/i.test(cookie)) this.cookies.delete(name!);
      else this.cookies.set(name!, value!);
    }
    return { status: response.status, html: await response.text(), headers: response.headers, setCookies };
  }
}

/** The hidden fields of the form that posts `choice`. */
function consentForm(html: string, choice: 'granted' | 'denied'): Record<string, string> {
  const form = [...html.matchAll(/<form method="post" action="\/cookie-settings"[^>]*>([\s\S]*?)<\/form>/g)].find((m) => m[1]!.includes(`value="${choice}"`));
  if (!form) throw new Error(`no ${choice} form in the page`);
  return Object.fromEntries([...form[1]!.matchAll(/<input type="hidden" name="(\w+)" value="([^"]*)">/g)].map((m) => [m[1]!, m[2]!.replaceAll('&amp;', '&')]));
}

const scriptTags = (html: string) => [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);

describe('analytics on the service pages', () => {
  it('P21: nothing configured → no script, no banner, no consent cookie, and the strict CSP as before', async () => {
    const visitor = new Visitor(plain.url);
    for (const path of ['/billing/plans', '/legal/privacy']) {
      const page = await visitor.fetch(path);
      expect(page.status).toBe(200);
      expect(page.html).not.toMatch(/<script|dataLayer|gtag|clarity|consent-banner/i);
      expect(page.headers.get('content-security-policy')).not.toContain('script-src');
    }
    expect((await visitor.fetch('/billing/plans')).headers.get('content-security-policy')).toBe(STRICT_CSP);
    expect((await visitor.fetch('/legal/privacy')).headers.get('cache-control')).toBe('public, max-age=300');
    expect(visitor.cookies.size).toBe(0);
    const settings = await visitor.fetch('/cookie-settings');
    expect(settings.html).toContain('This Minopa service uses no analytics');
  });

  it('P21: configured, no choice yet → Consent Mode defaults all denied before anything, no tag, the banner in German for Accept-Language: de', async () => {
    const visitor = new Visitor(app.url, 'de-DE,de;q=0.9,en;q=0.5');
    const page = await visitor.fetch('/legal/privacy');
    expect(page.status).toBe(200);
    expect(page.headers.get('cache-control')).toBe('no-store');
    const tags = scriptTags(page.html);
    expect(tags).toHaveLength(1);
    expect(tags[0]).toMatch(/^<script nonce="[A-Za-z0-9+/=]{24}">$/);
    expect(page.html).toContain("gtag('consent','default',{ad_storage:'denied',ad_user_data:'denied',ad_personalization:'denied',analytics_storage:'denied',wait_for_update:500})");
    expect(page.html).not.toContain("'granted'");
    expect(page.html).not.toContain('tags.example.test');
    expect(page.html).not.toContain('clarity.example.test');
    // The consent script is in the head, before the banner and before any other content.
    expect(page.html.indexOf("gtag('consent','default'")).toBeLessThan(page.html.indexOf('</head>'));

    expect(page.html).toContain('<aside lang="de" class="consent-banner"');
    expect(page.html).toContain('Darf Minopa messen, wie diese Seiten genutzt werden?');
    expect(page.html).toContain('Google Analytics und Microsoft Clarity');
    expect(page.html).toContain('>Akzeptieren</button>');
    expect(page.html).toContain('>Ablehnen</button>');
    expect(page.html).toContain('<a href="/legal/privacy">Datenschutzerklärung</a>');
    expect(page.html).toContain('>Cookie-Einstellungen</a>');

    const nonce = /<script nonce="([^"]+)">/.exec(page.html)![1]!;
    const csp = page.headers.get('content-security-policy')!;
    expect(csp).toBe(`default-src 'none'; style-src 'unsafe-inline'; script-src 'nonce-${nonce}'; form-action 'self'`);
    expect([...visitor.cookies.keys()]).toEqual(['minopa_csrf']);

    // A layout page: the same, English for an English visitor, and a fresh nonce per response.
    const english = await new Visitor(app.url).fetch('/billing/plans');
    expect(english.html).toContain('<aside lang="en" class="consent-banner"');
    expect(english.html).toContain('May Minopa measure how these pages are used?');
    const otherNonce = /<script nonce="([^"]+)">/.exec(english.html)![1]!;
    expect(otherNonce).not.toBe(nonce);
    expect(english.headers.get('content-security-policy')).toBe(`${STRICT_CSP}; script-src 'nonce-${otherNonce}'`);
  });

  it('P21 P25: Accept with the CSRF token sets the consent cookie and the page then loads gtag.js and Clarity after the consent update', async () => {
    const visitor = new Visitor(app.url);
    const page = await visitor.fetch('/legal/privacy');
    const form = consentForm(page.html, 'granted');
    expect(form).toMatchObject({ choice: 'granted', back: '/legal/privacy', csrf: expect.any(String) });

    const accepted = await visitor.fetch('/cookie-settings', { form });
    expect(accepted.status).toBe(303);
    expect(accepted.headers.get('location')).toBe('/legal/privacy');
    const cookie = accepted.setCookies.find((c) => c.startsWith('cookie-preferences='))!;
    expect(cookie).toMatch(/^cookie-preferences=analytics:granted; path=\/; expires=[^;]+; samesite=lax; httponly$/);
    const expires = Date.parse(/expires=([^;]+)/.exec(cookie)![1]!);
    expect(expires - Date.now()).toBeGreaterThan(364 * 24 * 3600 * 1000);

    const after = await visitor.fetch('/legal/privacy');
    expect(after.html).not.toContain('consent-banner');
    const html = after.html;
    const order = ["gtag('consent','default'", "gtag('consent','update',{analytics_storage:'granted'})", "gtag('config',\"G-TEST1234\"", "window.clarity('consentv2',{ad_Storage:'denied',analytics_Storage:'granted'})", 'src="https://tags.example.test/gtag/js?id=G-TEST1234"', 'src="https://clarity.example.test/tag/clar1ty42"'];
    const positions = order.map((needle) => html.indexOf(needle));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    const nonce = /<script nonce="([^"]+)">/.exec(html)![1]!;
    expect(scriptTags(html).every((tag) => tag.includes(`nonce="${nonce}"`))).toBe(true);
    const csp = after.headers.get('content-security-policy')!;
    expect(csp).toContain(`script-src 'nonce-${nonce}' https://tags.example.test https://clarity.example.test`);
    expect(csp).toContain('connect-src https://tags.example.test https://clarity.example.test');
    expect(csp).toContain('img-src https://tags.example.test https://clarity.example.test');
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);

    // A page reached by an emailed link (a token in its query) keeps the tags away from the token.
    const linked = await visitor.fetch('/billing/done?result=subscribed');
    expect(linked.html).toContain("gtag('consent','default'");
    expect(linked.html).not.toContain('tags.example.test');
    expect(linked.headers.get('content-security-policy')).not.toContain('tags.example.test');
  });

  it('P21 P25: Decline records the choice and expires the analytics cookies; the page stays without tags', async () => {
    const visitor = new Visitor(app.url);
    const page = await visitor.fetch('/billing/plans');
    const declined = await visitor.fetch('/cookie-settings', { form: consentForm(page.html, 'denied'), cookie: '_ga=GA1.1.1.1; _ga_ABC123=GS1; _clck=x; other=kept' });
    expect(declined.status).toBe(303);
    expect(declined.headers.get('location')).toBe('/billing/plans');
    expect(declined.setCookies).toContainEqual(expect.stringMatching(/^cookie-preferences=analytics:denied;/));
    const expired = declined.setCookies.filter((c) => /expires=Thu, 01 Jan 1970/.test(c)).map((c) => c.split('=')[0]);
    expect(expired.sort()).toEqual(['_ga', '_ga_ABC123', '_clck'].sort());
    const after = await visitor.fetch('/billing/plans');
    expect(after.html).not.toContain('consent-banner');
    expect(scriptTags(after.html)).toHaveLength(1);
    expect(after.html).not.toContain("'granted'");

    // Withdrawing after accepting: the settings page (the footer link) takes it back.
    const settings = await visitor.fetch('/cookie-settings?back=%2Fbilling%2Fplans');
    expect(settings.html).toContain('Your choice: analytics declined.');
    await visitor.fetch('/cookie-settings', { form: consentForm(settings.html, 'granted') });
    expect(visitor.cookies.get('cookie-preferences')).toBe('analytics:granted');
    const again = await visitor.fetch('/cookie-settings');
    const withdrawn = await visitor.fetch('/cookie-settings', { form: consentForm(again.html, 'denied') });
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.html).toContain('Your choice is saved.');
    expect(withdrawn.html).toContain('Your choice: analytics declined.');
    expect(visitor.cookies.get('cookie-preferences')).toBe('analytics:denied');
  });

  it('P25: without a valid CSRF token the choice is refused with 403 csrf_failed in the visitor\'s language, and nothing is recorded', async () => {
    const visitor = new Visitor(app.url, 'de');
    const page = await visitor.fetch('/legal/privacy');
    const form = consentForm(page.html, 'granted');
    for (const forged of [{ ...form, csrf: '' }, { ...form, csrf: form.csrf!.slice(0, -2) + 'xx' }]) {
      const refused = await visitor.fetch('/cookie-settings', { form: forged });
      expect(refused.status).toBe(403);
      expect(refused.html).toContain('data-code="csrf_failed"');
      expect(refused.html).toContain('Dieses Formular ist veraltet.');
      expect(refused.html).toContain('<html lang="de">');
      expect(refused.setCookies.some((c) => c.startsWith('cookie-preferences='))).toBe(false);
    }
    // Another browser (no CSRF cookie) posting a copied token: refused too.
    const other = await new Visitor(app.url).fetch('/cookie-settings', { form });
    expect(other.status).toBe(403);
    expect(other.html).toContain('This form is out of date.');
  });

  it('refuses a choice that is neither, and never redirects off the site', async () => {
    const visitor = new Visitor(app.url);
    const page = await visitor.fetch('/billing/plans');
    const form = consentForm(page.html, 'granted');
    const bad = await visitor.fetch('/cookie-settings', { form: { ...form, choice: 'maybe' } });
    expect(bad.status).toBe(400);
    expect(bad.html).toContain('Choose Accept or Decline.');
    for (const back of ['//evil.example/', '/\\evil.example/', 'https://evil.example/']) {
      const response = await visitor.fetch('/cookie-settings', { form: { ...form, back } });
      expect(response.status).toBe(200);
      expect(response.headers.get('location')).toBeNull();
    }
  });

  it('validates the configuration: GA4 ids, Clarity ids and script addresses', () => {
    const base = { NODE_ENV: 'test', APP_SECRET: 'x'.repeat(32) };
    expect(loadConfig(base).analytics).toBeUndefined();
    expect(loadConfig({ ...base, GOOGLE_ANALYTICS_ID: 'G-ABC123' }).analytics).toEqual({
      googleId: 'G-ABC123',
      clarityId: undefined,
      googleScriptUrl: 'https://www.googletagmanager.com/gtag/js',
      clarityScriptUrl: 'https://www.clarity.ms/tag/',
    });
    expect(() => loadConfig({ ...base, GOOGLE_ANALYTICS_ID: 'UA-1234-1', CLARITY_PROJECT_ID: 'No Spaces!', CLARITY_SCRIPT_URL: 'ftp://x' })).toThrow(
      expect.objectContaining({
        problems: [
          'GOOGLE_ANALYTICS_ID must be a GA4 measurement id (G- followed by 4–16 capital letters or digits)',
          'CLARITY_PROJECT_ID must be a Clarity project id (6–16 lowercase letters or digits)',
          'CLARITY_SCRIPT_URL must be an http:// or https:// address',
        ],
      }),
    );
  });

  it('P21: with the real tag addresses, the CSP after consent names the hosts gtag.js and Clarity send to; with others, only their origins', () => {
    expect(sourcesFor({ googleId: 'G-ABC123', ...ANALYTICS_DEFAULTS })).toEqual({
      script: ['https://www.googletagmanager.com', 'https://*.googletagmanager.com'],
      data: ['https://www.googletagmanager.com', 'https://*.google-analytics.com', 'https://*.analytics.google.com', 'https://*.googletagmanager.com'],
    });
    expect(sourcesFor({ clarityId: 'abcdef12', ...ANALYTICS_DEFAULTS })).toEqual({
      script: ['https://www.clarity.ms', 'https://*.clarity.ms'],
      data: ['https://www.clarity.ms', 'https://*.clarity.ms', 'https://c.bing.com'],
    });
    expect(sourcesFor(ANALYTICS)).toEqual({ script: ['https://tags.example.test', 'https://clarity.example.test'], data: ['https://tags.example.test', 'https://clarity.example.test'] });
  });
});
