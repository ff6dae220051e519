import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IntegrationList } from '#shared/api/integrations.js';
import { openIntegrationTokens } from '../../service/imports/credentials.js';
import { createSealer } from '../../service/lib/token-crypto.js';
import { testConfig } from '../../service/testing/test-app.js';
import type { ExtensionBrowser } from './browser.js';
import { api, browserAvailable, type ExtensionWorld, type RestartableService, signInFromOptions, signUpVerified, startExtensionWorld } from './harness.js';

const person = { firstName: 'Grace', lastName: 'Hopper', email: `grace-${Date.now()}@example.com`, password: 'a long enough password' };

describe.skipIf(!browserAvailable)('Options → Connections (sandbox Canva)', () => {
  let world: ExtensionWorld | undefined;
  let service: RestartableService;
  let browser: ExtensionBrowser;
  let token: string;
  let userId: string;

  beforeAll(async () => {
    world = await startExtensionWorld();
    ({ service, browser } = world);
    ({ token, userId } = await signUpVerified(service, person));
    await signInFromOptions(browser, person);
  });

  afterAll(() => world?.close());

  it('connects Canva from the options page, shows who is connected, and disconnecting revokes at Canva (P18)', async () => {
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    const canvaRow = options.locator('[data-testid="connection"][data-provider="canva"]');
    await expect.poll(() => canvaRow.textContent(), { timeout: 15_000 }).toContain('Not connected');
    expect(await canvaRow.textContent()).toContain('sandbox');

    const vendorTab = browser.context.waitForEvent('page');
    await options.getByTestId('connect-canva').click();
    const consent = await vendorTab;
    await consent.waitForURL(/\/sandbox\/canva\/api\/oauth\/authorize/);
    await expect.poll(() => consent.textContent('body')).toContain('SANDBOX');
    await consent.getByLabel('Username').fill('grace_designs');
    await consent.getByLabel('Display name').fill('Grace Designs');
    await consent.getByRole('button', { name: 'Allow' }).click();
    await consent.waitForURL(/\/api\/v1\/integrations\/canva\/callback/);
    await expect.poll(() => consent.textContent('body')).toContain('Canva connected');
    await consent.close();

    // Back on the options page (focus reloads the panel): connected, as whom.
    await options.bringToFront();
    await options.reload();
    await expect.poll(() => canvaRow.getAttribute('data-status'), { timeout: 10_000 }).toBe('connected');
    expect(await canvaRow.getByTestId('connection-who').textContent()).toContain('Grace Designs');
    const listed = await api<IntegrationList>(service.url, 'GET', '/api/v1/me/integrations', token);
    expect(listed.items.find((item) => item.provider === 'canva')).toMatchObject({ sandbox: true, connection: { status: 'connected', displayName: 'Grace Designs' } });

    // The tokens the service holds, to ask the simulator afterwards whether they still work.
    const row = await service.knex()('integration_connections').where({ userId, provider: 'canva' }).first();
    const tokens = openIntegrationTokens(createSealer(testConfig().tokenKeys), row);
    const usersMe = () => fetch(`${service.url}/sandbox/canva/rest/v1/users/me`, { headers: { authorization: `Bearer ${tokens.accessToken}` } });
    expect((await usersMe()).status).toBe(200);

    await options.getByTestId('disconnect-canva').click();
    await options.getByRole('button', { name: 'Yes, disconnect' }).click();
    await expect.poll(() => options.getByTestId('connections-notice').textContent(), { timeout: 10_000 }).toContain('access was revoked');
    await expect.poll(() => canvaRow.getAttribute('data-status')).toBe('none');
    // The simulator saw the revoke: the token no longer opens anything at "Canva".
    const refused = await usersMe();
    expect(refused.status).toBe(401);
    expect(((await refused.json()) as { code: string }).code).toBe('revoked_access_token');
    expect(await service.knex()('integration_connections').where({ userId })).toEqual([]);
    await options.close();
  });
});
