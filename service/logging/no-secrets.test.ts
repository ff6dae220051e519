import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_PRICES } from '../billing/testing.js';
import { sendOutbox } from '../email/send-outbox.js';
import { createLogger } from '../logger.js';
import { STRIPE_WEBHOOK_PATH } from '../billing/webhook.js';
import { createSealer } from '../lib/token-crypto.js';
import { openTokens } from '../platforms/credentials.js';
import { platformConfigFrom } from '../platforms/config.js';
import { sandboxEndpoints } from '../platforms/settings.js';
import { approveSandboxConsent } from '../platforms/testing/harness.js';
import { startStandalone, type Standalone } from '../sandbox/networks/kit/standalone.js';
import { createXSimulator } from '../sandbox/networks/x/index.js';
import { startStripeSandbox, type StripeSandbox } from '../sandbox/stripe/server.js';
import { linkToken } from '../testing/account-emails.js';
import { createTestApp, type TestApp } from '../testing/test-app.js';

/**
 * Policy P1 end to end: every log line the app writes while people sign up, log in, reset a password,
 * connect a network account and Stripe calls the webhook — with secrets of its own in the configuration —
 * is captured, and none of those secrets may appear in any of them. A secret here is random per run,
 * so a match can only be a leak.
 */

const secrets = {
  metricsToken: `metrics-${randomBytes(18).toString('hex')}`,
  tokenKey: randomBytes(32),
  appSecret: `app-secret-${randomBytes(24).toString('hex')}`,
  stripeKey: `sk_test_${randomBytes(16).toString('hex')}`,
  webhookSecret: `whsec_${randomBytes(16).toString('hex')}`,
  xClientSecret: `x-secret-${randomBytes(16).toString('hex')}`,
};
let app: TestApp;
let stripe: StripeSandbox;
let network: Standalone;

beforeAll(async () => {
  stripe = await startStripeSandbox({
    secretKey: secrets.stripeKey,
    webhookSecret: secrets.webhookSecret,
    prices: [
      { id: TEST_PRICES.pro, unitAmount: 1200, currency: 'eur' },
      { id: TEST_PRICES.team, unitAmount: 4900, currency: 'eur' },
    ],
  });
  network = await startStandalone((url) => createXSimulator({ baseUrl: url, basePath: '', clients: [{ clientId: 'x-app', clientSecret: secrets.xClientSecret }] }).router);
  // Tables of its own: the outbox sender below must only see this file's emails.
  app = await createTestApp({
    isolated: true,
    config: {
      platforms: { ...platformConfigFrom({}), x: { clientId: 'x-app', clientSecret: secrets.xClientSecret, endpoints: sandboxEndpoints(network.url, 'x') } },
      appSecret: secrets.appSecret,
      metricsToken: secrets.metricsToken,
      tokenKeys: [{ id: 'logs', key: secrets.tokenKey }],
      billing: { secretKey: secrets.stripeKey, webhookSecret: secrets.webhookSecret, prices: TEST_PRICES, api: stripe.api, graceDays: 7, webhookToleranceSeconds: 300 },
    },
  });
  stripe.webhookUrl = app.url + STRIPE_WEBHOOK_PATH;
}, 60_000);
afterAll(async () => {
  await app?.close();
  await stripe?.close();
  await network?.close();
});

describe('the logs', () => {
  it('carry no password, session or reset token, OAuth code or network token, nor a configured secret; every request line has its requestId', async () => {
    const seen: Record<string, string> = {};
    const ip = { 'x-forwarded-for': `2001:db8:9::${randomUUID().slice(0, 4)}` };

    // Sign-up with a password, then log-in: the password and both session tokens.
    const password = `pass-${randomBytes(12).toString('hex')}`;
    const person = await app.signUp({ password });
    seen.password = password;
    seen.signUpToken = person.token;
    const logIn = await app.request('POST', '/api/v1/auth/log-in', { body: { email: person.email, password }, headers: ip });
    expect(logIn.status).toBe(200);
    seen.logInToken = logIn.body.token;
    // A wrong password is logged as a failure, never as itself.
    const wrong = `wrong-${randomBytes(12).toString('hex')}`;
    expect((await app.request('POST', '/api/v1/auth/log-in', { body: { email: person.email, password: wrong }, headers: ip })).status).toBe(401);
    seen.wrongPassword = wrong;

    // Password reset: the emailed token and the new password.
    expect((await app.request('POST', '/api/v1/auth/password-reset-requests', { body: { email: person.email }, headers: ip })).status).toBe(202);
    const { token: resetToken } = await linkToken(app, person.email, 'reset-password', 'resetUrl');
    const newPassword = `new-pass-${randomBytes(12).toString('hex')}`;
    expect((await app.request('POST', '/api/v1/auth/password-resets', { body: { token: resetToken, password: newPassword } })).status).toBe(204);
    seen.resetToken = resetToken;
    seen.newPassword = newPassword;
    const again = await app.request('POST', '/api/v1/auth/log-in', { body: { email: person.email, password: newPassword }, headers: ip });
    expect(again.status).toBe(200);
    seen.thirdToken = again.body.token;

    // Connecting a sandbox network account: the OAuth code and state, then the tokens the network gave.
    const started = await app.request('POST', `/api/v1/workspaces/${person.workspaceId}/connect/x`, { token: again.body.token });
    expect(started.status).toBe(201);
    const { code, state } = await approveSandboxConsent(started.body.authorizeUrl as string);
    const callback = await fetch(`${app.url}/api/v1/connect/x/callback?${new URLSearchParams({ code, state: state ?? '' })}`);
    expect(callback.ok).toBe(true);
    seen.oauthCode = code;
    if (state) seen.oauthState = state;
    const account = await app.db.knex('connectedAccounts').where({ workspaceId: person.workspaceId, platform: 'x' }).first();
    const tokens = openTokens(createSealer(app.config.tokenKeys), account);
    seen.accessToken = tokens.accessToken;
    if (tokens.refreshToken) seen.refreshToken = tokens.refreshToken;

    // A signed Stripe webhook (its signature is computed with the webhook secret).
    const delivered = await stripe.deliver(stripe.world.otherEvent('customer.updated', { id: `cus_${randomUUID().slice(0, 8)}`, object: 'customer' }));
    expect(delivered.status).toBe(200);

    // A scrape with the metrics token, and one with a wrong token.
    expect((await app.request('GET', '/metrics', { token: secrets.metricsToken })).status).toBe(200);
    expect((await app.request('GET', '/metrics', { token: `${secrets.metricsToken}-wrong` })).status).toBe(401);

    // The outbox job as production runs it without RESEND_API_KEY: the emails (reset link included) are
    // logged, in production without their links, which are credentials.
    const jobLogger = createLogger({ level: 'debug', write: (line) => app.logs.push(line) }).child({ job: 'send-email-outbox', runId: randomUUID() });
    const sent = await sendOutbox({ knex: app.db.knex, config: { ...app.config, env: 'production' }, logger: jobLogger });
    expect(sent).toMatchObject({ sent: expect.any(Number) });
    expect(app.logs.filter((line) => line.includes('email captured locally')).length).toBeGreaterThanOrEqual(2);

    const all = {
      ...seen,
      metricsToken: secrets.metricsToken,
      tokenKeyBase64: secrets.tokenKey.toString('base64'),
      tokenKeyHex: secrets.tokenKey.toString('hex'),
      appSecret: secrets.appSecret,
      stripeKey: secrets.stripeKey,
      webhookSecret: secrets.webhookSecret,
      xClientSecret: secrets.xClientSecret,
    };
    expect(app.logs.length).toBeGreaterThan(15);
    for (const [name, value] of Object.entries(all)) {
      expect(value.length, name).toBeGreaterThanOrEqual(8);
      const leaks = app.logs.filter((line) => line.includes(value));
      expect(leaks, `${name} appears in the log`).toEqual([]);
    }

    const parsed = app.logs.map((line) => JSON.parse(line) as Record<string, unknown>);
    const requests = parsed.filter((line) => line.msg === 'request');
    // Every request above wrote its access line, each with a request id.
    expect(requests.length).toBeGreaterThanOrEqual(12);
    for (const line of requests) expect(line.requestId, JSON.stringify(line)).toMatch(/^[A-Za-z0-9._-]{8,64}$/);
    // Lines written while a request was handled carry its id too (not only the access line).
    const ids = new Set(requests.map((line) => line.requestId));
    for (const line of parsed.filter((line) => line.requestId !== undefined)) expect(ids.has(line.requestId)).toBe(true);
  });
});
