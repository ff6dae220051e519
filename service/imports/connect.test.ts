import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { approveSandboxConsent } from '../platforms/testing/harness.js';
import { canvaIds } from '../sandbox/canva/world.js';
import { createTestApp } from '../testing/test-app.js';
import { startIntegrationWorld, type IntegrationWorld } from './testing.js';

let world: IntegrationWorld;

beforeAll(async () => {
  world = await startIntegrationWorld();
});
afterAll(async () => {
  await world?.close();
});

const integrations = async (token: string) =>
  (await world.app.request<{ items: Array<{ provider: string; available: boolean; sandbox: boolean; connection: Record<string, unknown> | null }> }>('GET', '/api/v1/me/integrations', { token })).body.items;
const rowOf = (userId: string, provider: string) => world.app.db.knex('integration_connections').where({ userId, provider }).first();

describe('connecting Canva', () => {
  it('P25, P9, P26: PKCE S256 and a state bound to the person; the code is exchanged on the service; only P9 fields are kept and the tokens are sealed', async () => {
    const person = await world.app.signUp();
    const { authorizeUrl, callback, html } = await world.connectCanva(person, 'ada_designs');
    const authorize = new URL(authorizeUrl);
    expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
    expect(authorize.searchParams.get('code_challenge')).toMatch(/^[\w-]{43}$/);
    expect(authorize.searchParams.get('state')).toMatch(/^[\w-]{43}$/);
    expect(authorize.searchParams.get('redirect_uri')).toBe(`${world.app.config.publicUrl}/api/v1/integrations/canva/callback`);
    expect(authorize.searchParams.get('scope')).toBe('design:meta:read design:content:read profile:read');
    expect(callback.status).toBe(200);
    expect(html).toContain('Canva connected');
    expect(html).toContain('ada_designs Studio');
    expect(html).toContain(person.email);

    const row = await rowOf(person.user.id, 'canva');
    const ids = canvaIds('ada_designs');
    expect(row).toMatchObject({ displayName: 'ada_designs Studio', canvaUserId: ids.userId, canvaTeamId: ids.teamId, email: null, storageLimit: null, status: 'connected', sandbox: false, credentialsKeyId: 'test' });
    // P9: the table has nothing but the policy's fields, the grant and the sealed tokens (and who is refreshing them).
    expect(Object.keys(row).sort()).toEqual(
      ['accessExpiresAt', 'canvaTeamId', 'canvaUserId', 'connectedAt', 'createdAt', 'credentials', 'credentialsKeyId', 'displayName', 'email', 'id', 'provider', 'reconnectNotifiedAt', 'refreshLeaseExpiresAt', 'refreshLeaseOwner', 'sandbox', 'scopes', 'status', 'statusReason', 'storageLimit', 'storageUsage', 'updatedAt', 'userId'].sort(),
    );
    // P26: no token in the clear.
    expect(row.credentials).not.toMatch(/at-|rt-/);
    expect(row.accessExpiresAt.getTime()).toBeGreaterThan(Date.now() + 3 * 3600_000);

    const [canva] = await integrations(person.token);
    expect(canva).toMatchObject({ provider: 'canva', available: true, sandbox: false });
    expect(canva!.connection).toMatchObject({ status: 'connected', displayName: 'ada_designs Studio', canvaUserId: ids.userId, canvaTeamId: ids.teamId, access: null });
    expect(JSON.stringify(canva)).not.toMatch(/credentials|at-|rt-/);
  });

  it('connecting again replaces the connection instead of adding a second one', async () => {
    const person = await world.app.signUp();
    await world.connectCanva(person, 'first_login');
    await world.connectCanva(person, 'second_login');
    const rows = await world.app.db.knex('integration_connections').where({ userId: person.user.id });
    expect(rows).toHaveLength(1);
    expect(rows[0].displayName).toBe('second_login Studio');
  });
});

describe('connecting Google Drive', () => {
  it('P9: asks only for drive.file by default (offline, PKCE) and keeps email, display name and storage quota', async () => {
    const person = await world.app.signUp();
    const { authorizeUrl, callback, html } = await world.connectDrive(person, 'grace@example.com');
    const authorize = new URL(authorizeUrl);
    expect(authorize.searchParams.get('scope')).toBe('https://www.googleapis.com/auth/drive.file');
    expect(authorize.searchParams.get('access_type')).toBe('offline');
    expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
    expect(authorize.searchParams.get('redirect_uri')).toBe(`${world.app.config.publicUrl}/api/v1/integrations/google_drive/callback`);
    expect(callback.status).toBe(200);
    expect(html).toContain('Google Drive connected');

    const row = await rowOf(person.user.id, 'google_drive');
    expect(row).toMatchObject({ email: 'grace@example.com', canvaUserId: null, canvaTeamId: null, scopes: ['https://www.googleapis.com/auth/drive.file'] });
    expect(Number(row.storageLimit)).toBe(15 * 1024 ** 3);
    expect(row.displayName).toBeTruthy();
    // about.get was asked for exactly the P9 fields.
    const about = world.drive.sim.world.requests.find((request) => request.path.endsWith('/about'));
    expect(about?.query.fields).toBe('user(displayName,emailAddress),storageQuota(limit,usage)');

    const drive = (await integrations(person.token)).find((item) => item.provider === 'google_drive');
    expect(drive!.connection).toMatchObject({ status: 'connected', email: 'grace@example.com', access: 'file', storageLimit: 15 * 1024 ** 3 });
  });

  it('reads all files only when the person chooses it', async () => {
    const person = await world.app.signUp();
    const { authorizeUrl } = await world.connectDrive(person, 'all.files@example.com', 'readonly');
    expect(new URL(authorizeUrl).searchParams.get('scope')).toBe('https://www.googleapis.com/auth/drive.readonly');
    const drive = (await integrations(person.token)).find((item) => item.provider === 'google_drive');
    expect(drive!.connection).toMatchObject({ access: 'readonly' });
    const refused = await world.app.request('POST', '/api/v1/me/integrations/google_drive/connect', { token: person.token, body: { access: 'everything' } });
    expect(refused.status).toBe(400);
    expect((refused.body as { error: { code: string } }).error.code).toBe('validation_failed');
  });
});

describe('the callback', () => {
  it('P25: a state works once, only for its provider, and connects only the person who started', async () => {
    const starter = await world.app.signUp();
    const other = await world.app.signUp();
    const authorizeUrl = await world.start(starter, 'canva');
    const state = new URL(authorizeUrl).searchParams.get('state')!;
    // Another provider's callback does not accept it.
    const crossed = await fetch(`${world.app.url}/api/v1/integrations/google_drive/callback?state=${state}&code=whatever`);
    expect(crossed.status).toBe(400);
    expect(await crossed.text()).toContain('took too long or was already finished');
    const forged = await fetch(`${world.app.url}/api/v1/integrations/canva/callback?state=forged&code=whatever`);
    expect(forged.status).toBe(400);

    const { code } = await approveSandboxConsent(authorizeUrl, { username: 'bound_person', displayName: 'Bound' });
    const first = await fetch(`${world.app.url}/api/v1/integrations/canva/callback?state=${state}&code=${code}`);
    expect(first.status).toBe(200);
    const again = await fetch(`${world.app.url}/api/v1/integrations/canva/callback?state=${state}&code=${code}`);
    expect(again.status).toBe(400);
    expect((await integrations(starter.token)).find((item) => item.provider === 'canva')!.connection).not.toBeNull();
    expect((await integrations(other.token)).find((item) => item.provider === 'canva')!.connection).toBeNull();
  });

  it('a state or code given twice is refused with a page, as a state that does not match (found by the fuzz run: was a 500)', async () => {
    const person = await world.app.signUp();
    const state = new URL(await world.start(person, 'canva')).searchParams.get('state')!;
    const page = await fetch(`${world.app.url}/api/v1/integrations/canva/callback?state=${state}&state=${state}&code=a&code=b`);
    expect(page.status).toBe(400);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await page.text()).toContain('took too long or was already finished');
  });

  it('a cancelled authorization connects nothing and says so', async () => {
    const person = await world.app.signUp();
    const authorizeUrl = await world.start(person, 'canva');
    const state = new URL(authorizeUrl).searchParams.get('state')!;
    const page = await fetch(`${world.app.url}/api/v1/integrations/canva/callback?state=${state}&error=access_denied`);
    expect(page.status).toBe(403);
    expect(await page.text()).toContain('cancelled at Canva');
    expect(await rowOf(person.user.id, 'canva')).toBeUndefined();
  });
});

describe('disconnecting', () => {
  it('P18: revokes at Canva and at Google, then deletes the tokens and the connection', async () => {
    const person = await world.app.signUp();
    await world.connectCanva(person, 'leaving_canva');
    await world.connectDrive(person, 'leaving.drive@example.com');
    const canvaRevoked = world.canva.sim.world.revokedTokens.length;
    const driveRevoked = world.drive.sim.world.revokedTokens.length;

    const canva = await world.app.request('DELETE', '/api/v1/me/integrations/canva', { token: person.token });
    expect(canva.status).toBe(200);
    expect(canva.body).toEqual({ revoked: true });
    expect(world.canva.sim.world.revokedTokens.length).toBeGreaterThan(canvaRevoked);
    const drive = await world.app.request('DELETE', '/api/v1/me/integrations/google_drive', { token: person.token });
    expect(drive.body).toEqual({ revoked: true });
    expect(world.drive.sim.world.revokedTokens.length).toBeGreaterThan(driveRevoked);

    expect(await world.app.db.knex('integration_connections').where({ userId: person.user.id })).toEqual([]);
    expect((await integrations(person.token)).every((item) => item.connection === null)).toBe(true);
    const again = await world.app.request('DELETE', '/api/v1/me/integrations/canva', { token: person.token });
    expect(again.status).toBe(404);
  });

  it('P18: when the vendor fails to revoke, the connection is deleted anyway and the person is told', async () => {
    const person = await world.app.signUp();
    await world.connectCanva(person, 'revoke_fails');
    world.canva.sim.faults.next(/\/v1\/oauth\/revoke$/, { kind: 'status', status: 503 });
    const answer = await world.app.request('DELETE', '/api/v1/me/integrations/canva', { token: person.token });
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ revoked: false });
    expect(await rowOf(person.user.id, 'canva')).toBeUndefined();
    expect(world.app.logs.some((line) => line.includes('revoking an integration at its vendor failed'))).toBe(true);
  });
});

describe('availability', () => {
  it('in production without a Canva or Google client, both are unavailable with a clear error', async () => {
    const production = await createTestApp({ config: { env: 'production' } });
    try {
      const person = await production.signUp();
      const listed = await production.request<{ items: Array<{ available: boolean; sandbox: boolean }> }>('GET', '/api/v1/me/integrations', { token: person.token });
      expect(listed.body.items.map((item) => [item.available, item.sandbox])).toEqual([[false, false], [false, false]]);
      for (const provider of ['canva', 'google_drive']) {
        const started = await production.request<{ error: { code: string; message: string } }>('POST', `/api/v1/me/integrations/${provider}/connect`, { token: person.token, body: {} });
        expect(started.status).toBe(404);
        expect(started.body.error.code).toBe('integration_unavailable');
        expect(started.body.error.message).toContain('not set up');
      }
    } finally {
      await production.close();
    }
  });

  it('outside production without a client, both run against the simulators mounted in the service (sandbox)', async () => {
    const sandbox = await createTestApp();
    try {
      const person = await sandbox.signUp();
      const listed = await sandbox.request<{ items: Array<{ provider: string; available: boolean; sandbox: boolean }> }>('GET', '/api/v1/me/integrations', { token: person.token });
      expect(listed.body.items).toEqual([
        { provider: 'canva', name: 'Canva', available: true, sandbox: true, connection: null },
        { provider: 'google_drive', name: 'Google Drive', available: true, sandbox: true, connection: null },
      ]);
      const started = await sandbox.request<{ authorizeUrl: string; sandbox: boolean }>('POST', '/api/v1/me/integrations/canva/connect', { token: person.token, body: {} });
      expect(started.body.sandbox).toBe(true);
      expect(started.body.authorizeUrl.startsWith(`${sandbox.config.publicUrl}/sandbox/canva/api/oauth/authorize?`)).toBe(true);
      // The mounted simulator serves its consent page (the address above, on this server).
      const page = await fetch(started.body.authorizeUrl.replace(sandbox.config.publicUrl, sandbox.url));
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('SANDBOX');
    } finally {
      await sandbox.close();
    }
  });
});
