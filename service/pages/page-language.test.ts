import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConnectedAccount } from '../models/connected-account.js';
import { createTestApp, type TestApp } from '../testing/test-app.js';
import { renderChoice, renderConnected } from './connect/render.js';

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

  it('answers the pages a network, Canva or Google sends people back to (connecting an account) in the visitor’s language', async () => {
    const unknown = await page('/api/v1/connect/myspace/callback?state=s&code=c', 'de');
    expect(unknown.status).toBe(404);
    expect(unknown.html).toContain('<html lang="de">');
    expect(unknown.html).toContain('<h1>Nicht verbunden</h1>');
    expect(unknown.html).toContain('Dieses Netzwerk gibt es nicht.');
    // A connection whose state is not one we issued: refused, with the error's own German sentence.
    const refused = await page('/api/v1/connect/x/callback?state=not-ours&code=c', 'de');
    expect(refused.html).toContain('<html lang="de">');
    expect(refused.html).toContain('<h1>Nicht verbunden</h1>');
    expect(refused.html).not.toContain('Not connected');
    const english = await page('/api/v1/connect/x/callback?state=not-ours&code=c');
    expect(english.html).toContain('<html lang="en">');
    expect(english.html).toContain('<h1>Not connected</h1>');

    // Canva and Google Drive send people back to a page of their own.
    const integration = await page('/api/v1/integrations/canva/callback?state=not-ours&code=c', 'de');
    expect(integration.html).toContain('<html lang="de">');
    expect(integration.html).toContain('<h1>Nicht verbunden</h1>');
    expect((await page('/api/v1/integrations/dropbox/callback', 'de')).html).toContain('Diesen Dienst kann man nicht verbinden.');

    const account = { name: 'Ada <Ops>', username: 'ada' } as ConnectedAccount;
    expect(renderConnected('linkedin', [account], 'Team „A“', true, 'de')).toEqual({
      title: 'LinkedIn verbunden',
      body: expect.stringContaining('Minopa kann jetzt im Arbeitsbereich „Team „A““ auf Ada &lt;Ops&gt; (@ada) veröffentlichen.'),
    });
    const choice = renderChoice({ platform: 'facebook', requestId: 'r', csrf: 'c', profiles: [], workspaceName: 'Team', sandbox: false, language: 'de' });
    expect(choice.title).toBe('Facebook-Konten auswählen');
    expect(choice.body).toContain('<button type="submit">Verbinden</button>');
  });

  it('answers the pages emailed account links and Google sign-in open in the visitor’s language', async () => {
    const reset = await page('/account/reset-password?token=nonsense', 'de');
    expect(reset.html).toContain('<html lang="de">');
    expect(reset.html).toContain('<h1>Wählen Sie ein neues Passwort</h1>');
    expect(reset.html).toContain('<label for="confirm">Neues Passwort wiederholen</label>');
    const verify = await page('/account/verify-email?token=nonsense', 'de');
    expect(verify.html).toContain('<button type="submit">Meine E-Mail-Adresse bestätigen</button>');
    const incomplete = await page('/account/confirm-email', 'de');
    expect(incomplete.status).toBe(400);
    expect(incomplete.html).toContain('Dieser Link ist unvollständig.');
    // Google sign-in started outside the extension: refused on a page, in German too.
    const google = await page('/api/v1/auth/google/start', 'de');
    expect(google.html).toContain('<h1>Mit Google anmelden</h1>');
    expect(google.html).toContain('Starten Sie die Anmeldung aus der Minopa-Erweiterung.');
    const english = await page('/account/reset-password?token=nonsense');
    expect(english.html).toContain('<html lang="en">');
    expect(english.html).toContain('<h1>Choose a new password</h1>');
  });
});
