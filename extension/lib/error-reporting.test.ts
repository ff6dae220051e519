import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { startSentryServer, type SentryServer } from '../../test/sentry-server.js';
import { signedIn, USER_ID } from '../testing/fixtures.js';
import { saveConsent } from './consent.js';
import { flushErrorReports, reportError, setErrorReportingDsnForTests } from './error-reporting.js';

let sentry: SentryServer;
beforeAll(async () => {
  sentry = await startSentryServer();
});
afterAll(() => sentry.close());
beforeEach(async () => {
  fakeBrowser.reset();
  sentry.envelopes.length = 0;
  setErrorReportingDsnForTests(sentry.dsn());
  // Signed in at an address nothing listens on: consent stays local, which is all these tests need.
  await signedIn('http://127.0.0.1:9');
});
afterEach(() => setErrorReportingDsnForTests(undefined));

const choices = (errorReports: boolean) => ({ functional: false, analytics: false, marketing: false, errorReports });

describe('error reports from the extension (P8, P13, P29)', () => {
  it('P8: sends nothing before the person allowed error reports', async () => {
    await reportError(new Error('before consent'), 'test');
    await saveConsent({ choices: choices(false) });
    await reportError(new Error('denied'), 'test');
    await flushErrorReports();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(sentry.envelopes).toEqual([]);
  });

  it('P8, P13: once allowed, the real SDK reports the error to the DSN with the user id as the only identifier', async () => {
    await saveConsent({ choices: choices(true) });
    await reportError(new Error('publishing failed in the background'), 'publishing');
    const [event] = await sentry.waitForEvents(1);
    expect(sentry.envelopes[0]!.key).toBe('publickey');
    expect(event!.exception).toMatchObject({ values: [{ type: 'Error', value: 'publishing failed in the background' }] });
    expect(event!.tags).toMatchObject({ where: 'publishing' });
    expect(event!.user).toEqual({ id: USER_ID });
    const text = JSON.stringify(event);
    expect(text).not.toContain('ada@example.com');
    expect(text).not.toContain('Lovelace');
    expect(event!.breadcrumbs).toBeUndefined();
  });

  it('P29: withdrawing error reports stops them at once', async () => {
    await saveConsent({ choices: choices(true) });
    await reportError(new Error('first'), 'test');
    await sentry.waitForEvents(1);
    await saveConsent({ choices: choices(false) });
    await reportError(new Error('after withdrawal'), 'test');
    await flushErrorReports();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(sentry.events().map((event) => (event.exception as { values: Array<{ value: string }> }).values[0]!.value)).toEqual(['first']);
  });

  it('without a DSN nothing is ever sent, whatever the consent', async () => {
    setErrorReportingDsnForTests(undefined);
    await saveConsent({ choices: choices(true) });
    await reportError(new Error('no dsn'), 'test');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(sentry.envelopes).toEqual([]);
  });
});
