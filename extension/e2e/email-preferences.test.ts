import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuthResult } from '#shared/api/auth.js';
import type { EmailPreferences } from '#shared/api/email-preferences.js';
import type { CurrentLegalDocuments } from '#shared/api/legal.js';
import { signUnsubscribeToken } from '../../service/email/unsubscribe-token.js';
import { testConfig } from '../../service/testing/test-app.js';
import type { ExtensionBrowser } from './browser.js';
import { api, browserAvailable, eventually, type ExtensionWorld, type RestartableService, signInFromOptions, startExtensionWorld } from './harness.js';

const person = { email: `noor-${Date.now()}@example.com`, firstName: 'Noor', lastName: 'Haddad', password: 'a long enough password' };

describe.skipIf(!browserAvailable)('email preferences in headless Chromium (P10, P11)', () => {
  let world: ExtensionWorld | undefined;
  let service: RestartableService;
  let browser: ExtensionBrowser;
  let token: string;

  beforeAll(async () => {
    world = await startExtensionWorld();
    ({ service, browser } = world);
  });
  afterAll(() => world?.close());

  const kinds = async () => {
    const preferences = await api<EmailPreferences>(service.url, 'GET', '/api/v1/me/email-preferences', token);
    return Object.fromEntries(preferences.kinds.map((kind) => [kind.kind, kind.enabled]));
  };

  it('P11: verifying through the emailed link subscribes the address to the newsletter and marketing', async () => {
    const legal = await api<CurrentLegalDocuments>(service.url, 'GET', '/api/v1/legal');
    const signedUp = await api<AuthResult>(service.url, 'POST', '/api/v1/auth/sign-up', undefined, { ...person, ageConfirmed: true, acceptedLegalVersions: { terms: legal.terms.version, privacy: legal.privacy.version } });
    token = signedUp.token;
    expect(await kinds()).toMatchObject({ newsletter: false, marketing: false });
    const verifyUrl = await eventually(async () => {
      const row = await service.knex()('email_outbox').where({ toEmail: person.email, template: 'verify-email' }).first();
      return row?.data?.verifyUrl as string | undefined;
    }, 'the verification email');
    await api(service.url, 'POST', '/api/v1/auth/verify-email', undefined, { token: new URL(verifyUrl).searchParams.get('token') });
    expect(await kinds()).toMatchObject({ newsletter: true, marketing: true, 'post-failed': true });
  });

  it('P10: Settings → Email preferences in the options page turns a kind off on the service; account emails stay on', async () => {
    await signInFromOptions(browser, person);
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    const panel = options.getByTestId('email-preferences-panel');
    await expect.poll(() => panel.getByTestId('email-kind-newsletter').isChecked(), { timeout: 15_000 }).toBe(true);
    expect(await panel.getByTestId('email-kind-account').isDisabled()).toBe(true);
    // The box shows the service's answer, so it changes once the service has saved the choice.
    await panel.getByTestId('email-kind-marketing').click();
    await expect.poll(() => panel.getByTestId('email-kind-marketing').isChecked(), { timeout: 10_000 }).toBe(false);
    expect((await kinds()).marketing).toBe(false);
    await options.close();
  });

  it('P11: the one-click unsubscribe works without signing in, at once, and the options page shows it', async () => {
    const link = `${service.url}/email/unsubscribe?token=${encodeURIComponent(signUnsubscribeToken(testConfig().appSecret, { email: person.email, kind: 'post-failed' }))}`;
    const oneClick = await fetch(link, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'List-Unsubscribe=One-Click' });
    expect(oneClick.status).toBe(200);
    expect(await kinds()).toMatchObject({ 'post-failed': false });

    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    const box = options.getByTestId('email-preferences-panel').getByTestId('email-kind-post-failed');
    await box.waitFor({ timeout: 15_000 });
    expect(await box.isChecked()).toBe(false);
    // Turning it back on lifts the unsubscribe.
    await box.click();
    await expect.poll(() => box.isChecked(), { timeout: 10_000 }).toBe(true);
    expect((await kinds())['post-failed']).toBe(true);
    expect(await service.knex()('email_suppressions').where({ email: person.email, kind: 'post-failed' })).toHaveLength(0);
    await options.close();
  });
});
