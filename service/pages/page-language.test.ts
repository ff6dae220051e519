import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../testing/test-app.js';

let app: TestApp;
beforeAll(async () => {
  app = await createTestApp();
});
afterAll(() => app.close());

const page = async (path: string, acceptLanguage?: string) => {
  const response = await fetch(app.url + path, { headers: acceptLanguage ? { 'accept-language': acceptLanguage } : {} });
  return { status: response.status, html: await response.text() };
};

describe('the language of the service pages', () => {
  it('answers in German for a German Accept-Language, with <html lang> saying so', async () => {
    const post = await page('/posts/123', 'de-AT,de;q=0.9,en;q=0.8');
    expect(post.html).toContain('<html lang="de">');
    expect(post.html).toContain('<h1>Diesen Beitrag in Minopa öffnen</h1>');
    const done = await page('/billing/done?result=cancelled', 'de');
    expect(done.html).toContain('<html lang="de">');
    expect(done.html).toContain('Nichts geändert');
    const plans = await page('/billing/plans', 'de');
    expect(plans.html).toContain('<html lang="de">');
    expect(plans.html).toContain('<th>Mitglieder</th>');
    expect(plans.html).toContain('Die Abrechnung ist auf diesem Minopa-Dienst ausgeschaltet');
    const settings = await page('/cookie-settings', 'de');
    expect(settings.html).toContain('<html lang="de">');
    expect(settings.html).toContain('<h1>Cookie-Einstellungen</h1>');
  });

  it('answers in English without Accept-Language, for English, and for languages it does not speak', async () => {
    for (const language of [undefined, 'en-GB', 'fr-FR,fr;q=0.9', '*']) {
      const post = await page('/posts/123', language);
      expect(post.html).toContain('<html lang="en">');
      expect(post.html).toContain('<h1>Open this post in Minopa</h1>');
      const plans = await page('/billing/plans', language);
      expect(plans.html).toContain('<html lang="en">');
      expect(plans.html).toContain('<th>Members</th>');
    }
  });

  it('pages written only in English say lang="en" whatever the visitor asks for', async () => {
    const reset = await page('/account/reset-password?token=nonsense', 'de');
    expect(reset.html).toContain('<html lang="en">');
  });
});
