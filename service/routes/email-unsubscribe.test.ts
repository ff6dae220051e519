import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { enqueueEmail } from '../email/outbox.js';
import { sendOutbox } from '../email/send-outbox.js';
import { isSuppressed } from '../email/suppressions.js';
import { TEMPLATE_NAMES, TEMPLATES } from '../email/templates/index.js';
import { signUnsubscribeToken } from '../email/unsubscribe-token.js';
import { silentLogger } from '../logger.js';
import { startResendSandbox, type ResendSandbox } from '../sandbox/resend/server.js';
import { createTestApp, type TestApp } from '../testing/test-app.js';

let app: TestApp;
let sandbox: ResendSandbox;

beforeAll(async () => {
  sandbox = await startResendSandbox();
  app = await createTestApp({ isolated: true, config: { resendApiKey: sandbox.apiKey, resendBaseUrl: sandbox.url } });
});
afterAll(async () => {
  await app?.close();
  await sandbox?.close();
});
beforeEach(async () => {
  sandbox.reset();
  await app.db.knex('emailOutbox').del();
  await app.db.knex('emailSuppressions').del();
});

/** The path and query of a link under PUBLIC_URL, to call it on the test app's own port. */
const local = (link: string) => {
  const url = new URL(link);
  return url.pathname + url.search;
};
const oneClick = (path: string) =>
  app.request('POST', path, { body: 'List-Unsubscribe=One-Click', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
const pathFor = (email: string, kind: 'account' | 'security' | 'invitation') =>
  `/email/unsubscribe?token=${encodeURIComponent(signUnsubscribeToken(app.config.appSecret, { email, kind }))}`;

describe('unsubscribing (P11)', () => {
  it('P11: every email carries a working unsubscribe link and List-Unsubscribe headers', async () => {
    for (const name of TEMPLATE_NAMES) {
      await enqueueEmail(app.db.knex, { template: name, to: `p11-${name}@example.com`, data: TEMPLATES[name].preview as never });
    }
    await sendOutbox({ knex: app.db.knex, config: app.config, logger: silentLogger });
    expect(sandbox.emails.map((email) => email.to[0]).sort()).toEqual(TEMPLATE_NAMES.map((name) => `p11-${name}@example.com`).sort());
    for (const email of sandbox.emails) {
      const header = email.headers['List-Unsubscribe'];
      const link = /^<(https?:\/\/[^>]+\/email\/unsubscribe\?token=[^>]+)>$/.exec(header ?? '')?.[1];
      expect(link, `${email.subject}: List-Unsubscribe`).toBeDefined();
      expect(email.headers['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click');
      // The footer link is the same address, in both versions.
      expect(email.html).toContain(`href="${link!.replaceAll('&', '&amp;')}"`);
      expect(email.text).toContain(link);

      const page = await app.request('GET', local(link!));
      expect(page.status, email.subject).toBe(200);
      expect(page.text).toContain(email.to[0]);

      const done = await oneClick(local(link!));
      expect(done.status).toBe(200);
      const kind = TEMPLATES[TEMPLATE_NAMES.find((name) => email.to[0] === `p11-${name}@example.com`)!].kind;
      expect(await isSuppressed(app.db.knex, email.to[0]!, kind), email.subject).toBe(true);
    }
  });

  it('shows a confirmation page on GET and unsubscribes nobody (link scanners open every link)', async () => {
    const page = await app.request('GET', pathFor('ada@example.com', 'invitation'));
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(page.text).toContain('Stop sending invitations to join a workspace to <strong>ada@example.com</strong>?');
    expect(page.text).toMatch(/<form method="post" action="\/email\/unsubscribe\?token=[^"]+"><input type="hidden" name="List-Unsubscribe" value="One-Click"><button type="submit">Unsubscribe<\/button>/);
    expect(await isSuppressed(app.db.knex, 'ada@example.com', 'invitation')).toBe(false);
  });

  it('unsubscribes at once on the one-click POST, and says so', async () => {
    const done = await oneClick(pathFor('Ada@Example.com', 'security'));
    expect(done.status).toBe(200);
    expect(done.text).toContain('You are unsubscribed');
    expect(done.text).toContain('We will no longer send security notices');
    expect(await isSuppressed(app.db.knex, 'ada@example.com', 'security')).toBe(true);
    // Twice is harmless, and the page then says it is already done.
    expect((await oneClick(pathFor('ada@example.com', 'security'))).status).toBe(200);
    const again = await app.request('GET', pathFor('ada@example.com', 'security'));
    expect(again.text).toContain('<strong>ada@example.com</strong> is already unsubscribed from security notices');
    expect(again.text).not.toContain('<form');
  });

  it('explains, for account emails, that what the person asks for is still sent', async () => {
    const page = await app.request('GET', pathFor('ada@example.com', 'account'));
    expect(page.text).toContain('Emails you ask for yourself');
    expect(page.text).toContain('are still sent');
    const invitation = await app.request('GET', pathFor('ada@example.com', 'invitation'));
    expect(invitation.text).not.toContain('Emails you ask for yourself');
  });

  it('speaks German to a German Accept-Language on every page of the flow, and English otherwise', async () => {
    const german = { headers: { 'accept-language': 'de-DE,de;q=0.9,en;q=0.5' } };
    const ask = await app.request('GET', pathFor('ada@example.com', 'account'), german);
    expect(ask.text).toContain('<html lang="de">');
    expect(ask.text).toContain('<h1>Abmelden?</h1>');
    expect(ask.text).toContain('Keine Konto-E-Mails (Bestätigung der Adresse');
    expect(ask.text).toContain('<button type="submit">Abmelden</button>');
    expect(ask.text).toContain('E-Mails, die Sie selbst anfordern');
    expect(ask.text).not.toContain('Unsubscribe?');

    const done = await app.request('POST', pathFor('ada@example.com', 'security'), {
      body: 'List-Unsubscribe=One-Click',
      headers: { ...german.headers, 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(done.text).toContain('<h1>Sie sind abgemeldet</h1>');
    expect(done.text).toContain('Wir senden keine Sicherheitshinweise (zum Beispiel, wenn Ihr Passwort geändert wurde) mehr an <strong>ada@example.com</strong>.');
    const again = await app.request('GET', pathFor('ada@example.com', 'security'), german);
    expect(again.text).toContain('<h1>Bereits abgemeldet</h1>');
    expect(again.text).toContain('An <strong>ada@example.com</strong> senden wir bereits keine Sicherheitshinweise');

    const invalid = await app.request('GET', '/email/unsubscribe?token=garbage', german);
    expect(invalid.status).toBe(400);
    expect(invalid.text).toContain('<h1>Dieser Link funktioniert nicht</h1>');
    expect(invalid.text).toContain('Dieser Abmeldelink ist ungültig');
    expect(invalid.text).toContain('Fehlercode: unsubscribe_link_invalid');

    for (const language of ['fr-FR', 'en-GB']) {
      const page = await app.request('GET', pathFor('ada@example.com', 'invitation'), { headers: { 'accept-language': language } });
      expect(page.text).toContain('<html lang="en">');
      expect(page.text).toContain('<h1>Unsubscribe?</h1>');
    }
  });

  it('answers a tampered, truncated or missing token with a 400 page and records nothing', async () => {
    const good = signUnsubscribeToken(app.config.appSecret, { email: 'ada@example.com', kind: 'invitation' });
    const [payload, signature] = good.split('.');
    const forged = `${Buffer.from(JSON.stringify({ e: 'victim@example.com', k: 'invitation' })).toString('base64url')}.${signature}`;
    const otherSecret = signUnsubscribeToken('another-secret-that-is-long-enough-000000', { email: 'ada@example.com', kind: 'invitation' });
    for (const token of [forged, `${payload}.${signature!.slice(0, -2)}`, payload!, otherSecret, 'garbage']) {
      for (const method of ['GET', 'POST']) {
        const response = method === 'GET' ? await app.request('GET', `/email/unsubscribe?token=${encodeURIComponent(token)}`) : await oneClick(`/email/unsubscribe?token=${encodeURIComponent(token)}`);
        expect(response.status, `${method} ${token}`).toBe(400);
        expect(response.text).toContain('This link does not work');
        expect(response.text).toContain('unsubscribe_link_invalid');
      }
    }
    expect((await app.request('GET', '/email/unsubscribe')).status).toBe(400);
    expect(await app.db.knex('emailSuppressions')).toHaveLength(0);
  });
});
