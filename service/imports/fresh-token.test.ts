import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outboxEmails } from '../email/testing.js';
import { refreshIntegrationTokens } from '../jobs/refresh-integration-tokens.js';
import type { JobDeps } from '../jobs/types.js';
import { createSealer } from '../lib/token-crypto.js';
import { createLogger } from '../logger.js';
import { CANVA_PATHS } from '../sandbox/canva/paths.js';
import type { TestUser } from '../testing/test-app.js';
import { openIntegrationTokens } from './credentials.js';
import { integrationLease, refreshIntegration, withFreshAccessToken } from './fresh-token.js';
import { startIntegrationWorld, type IntegrationWorld } from './testing.js';

let world: IntegrationWorld;

beforeAll(async () => {
  world = await startIntegrationWorld();
});
afterAll(async () => {
  await world?.close();
});

const deps = (): JobDeps => ({ knex: world.app.db.knex, config: world.app.config, logger: createLogger({ level: 'error' }), storage: world.app.storage });
const rowOf = (user: TestUser, provider = 'canva') => world.app.db.knex('integration_connections').where({ userId: user.user.id, provider }).first();
const tokensOf = async (user: TestUser, provider = 'canva') => openIntegrationTokens(createSealer(world.app.config.tokenKeys), await rowOf(user, provider));
const expireSoon = (user: TestUser, provider = 'canva') =>
  world.app.db.knex('integration_connections').where({ userId: user.user.id, provider }).update({ accessExpiresAt: new Date(Date.now() + 60_000) });
/** Canva's token endpoint, as someone else holding the refresh token would call it. */
const spend = (refreshToken: string) =>
  fetch(world.canva.url + CANVA_PATHS.token, {
    method: 'POST',
    headers: { authorization: `Basic ${Buffer.from('OC-test-app:canva-test-secret').toString('base64')}`, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'refresh_token', refresh_token: refreshToken }),
  });
const refreshCalls = () => world.canva.sim.world.requests.filter((request) => request.method === 'POST' && request.path === '/v1/oauth/token').length;

describe('refreshing Canva and Drive tokens', () => {
  it('refreshes ahead of expiry and stores Canva’s new single-use refresh token before anything else', async () => {
    const person = await world.app.signUp();
    await world.connectCanva(person, 'refresh_me');
    const before = await tokensOf(person);
    await expireSoon(person);
    const outcome = await refreshIntegrationTokens(deps());
    expect(outcome.refreshed).toBeGreaterThanOrEqual(1);
    const after = await tokensOf(person);
    expect(after.refreshToken).not.toBe(before.refreshToken);
    expect(after.accessToken).not.toBe(before.accessToken);
    expect((await rowOf(person)).accessExpiresAt.getTime()).toBeGreaterThan(Date.now() + 3 * 3600_000);
    // The old refresh token is spent at Canva: only the stored one works now.
    expect((await spend(before.refreshToken!)).status).toBe(400);
  });

  it('Drive: refreshing keeps Google’s refresh token (Google does not rotate it)', async () => {
    const person = await world.app.signUp();
    await world.connectDrive(person, 'refresh.drive@example.com');
    const before = await tokensOf(person, 'google_drive');
    await expireSoon(person, 'google_drive');
    await refreshIntegrationTokens(deps());
    const after = await tokensOf(person, 'google_drive');
    expect(after.accessToken).not.toBe(before.accessToken);
    expect(after.refreshToken).toBe(before.refreshToken);
  });

  it('one refresh at a time per connection: callers at once share one refresh', async () => {
    const person = await world.app.signUp();
    await world.connectCanva(person, 'many_callers');
    await expireSoon(person);
    const connection = await rowOf(person);
    const calls = refreshCalls();
    const tokens = await Promise.all(Array.from({ length: 4 }, () => withFreshAccessToken(deps(), connection, async (accessToken) => accessToken)));
    expect(new Set(tokens).size).toBe(1);
    expect(refreshCalls() - calls).toBe(1);
    expect((await rowOf(person)).status).toBe('connected');
  });

  it('withFreshAccessToken refreshes and retries once when the vendor answers 401', async () => {
    const person = await world.app.signUp();
    await world.connectCanva(person, 'early_expiry');
    const connection = await rowOf(person);
    world.canva.sim.store.expireAccessTokens();
    const me = await withFreshAccessToken(deps(), connection, async (accessToken, context) => {
      const answer = await context.http.request({ method: 'GET', url: `${context.settings.apiUrl}/v1/users/me`, bearer: accessToken });
      return answer.json as { team_user: { user_id: string } };
    });
    expect(me.team_user.user_id).toBe(connection.canvaUserId);
  });

  it('a reused refresh token marks the connection “reconnect needed” and emails the person once', async () => {
    const person = await world.app.signUp();
    await world.connectCanva(person, 'spent_elsewhere');
    // Someone spent the stored refresh token: presenting it again is refused and ends the whole grant.
    expect((await spend((await tokensOf(person)).refreshToken!)).status).toBe(200);
    await expireSoon(person);
    const outcome = await refreshIntegrationTokens(deps());
    expect(outcome.reconnectNeeded).toBeGreaterThanOrEqual(1);
    const row = await rowOf(person);
    expect(row).toMatchObject({ status: 'reconnect_needed' });
    expect(row.statusReason).toContain('Canva refused to renew');
    await refreshIntegrationTokens(deps());
    const connection = await rowOf(person);
    await expect(withFreshAccessToken(deps(), connection, async () => 'unused')).rejects.toMatchObject({ code: 'integration_reconnect_needed' });
    const emails = await outboxEmails(world.app.db.knex, person.email, 'integration-reconnect');
    expect(emails).toHaveLength(1);
    expect(emails[0]!.data).toMatchObject({ provider: 'Canva', firstName: 'Ada' });
    const listed = await world.app.request<{ items: Array<{ provider: string; connection: { status: string } | null }> }>('GET', '/api/v1/me/integrations', { token: person.token });
    expect(listed.body.items.find((item) => item.provider === 'canva')!.connection!.status).toBe('reconnect_needed');
  });

  it('connecting again after “reconnect needed” clears it, so a later refusal emails again', async () => {
    const person = await world.app.signUp();
    await world.connectCanva(person, 'comes_back');
    await world.app.db.knex('integration_connections').where({ userId: person.user.id }).update({ status: 'reconnect_needed', reconnectNotifiedAt: new Date() });
    await world.connectCanva(person, 'comes_back');
    expect(await rowOf(person)).toMatchObject({ status: 'connected', statusReason: null, reconnectNotifiedAt: null });
  });

  it('refreshers at once never both call the vendor, and none holds a transaction open while Canva answers', async () => {
    const person = await world.app.signUp();
    await world.connectCanva(person, 'racing_refreshers');
    await expireSoon(person);
    const connection = await rowOf(person);
    const calls = refreshCalls();
    // Canva takes its time, so the refreshers really overlap.
    world.canva.sim.faults.next(/\/v1\/oauth\/token$/, { kind: 'delay', ms: 400 }, 'POST');
    const racing = Promise.all([
      refreshIntegrationTokens({ ...deps(), leaseOwner: 'instance-a' }),
      refreshIntegrationTokens({ ...deps(), leaseOwner: 'instance-b' }),
      withFreshAccessToken({ ...deps(), leaseOwner: 'instance-c' }, connection, async (accessToken) => accessToken),
      withFreshAccessToken({ ...deps(), leaseOwner: 'instance-d' }, connection, async (accessToken) => accessToken),
    ]);
    await new Promise((resolve) => setTimeout(resolve, 200));
    // Mid-refresh: the row is leased, not locked — another transaction may lock it at once.
    const during = await world.app.db.knex.transaction((trx) => trx.raw('select refresh_lease_owner from integration_connections where id = ? for update nowait', [connection.id]));
    expect(during.rows[0].refresh_lease_owner).toMatch(/^instance-[a-d]$/);
    const [jobA, jobB, tokenC, tokenD] = await racing;
    expect(refreshCalls() - calls).toBe(1);
    expect(jobA.refreshed + jobB.refreshed).toBeLessThanOrEqual(1);
    const after = await tokensOf(person);
    expect(tokenC).toBe(after.accessToken);
    expect(tokenD).toBe(after.accessToken);
    expect(await rowOf(person)).toMatchObject({ status: 'connected', refreshLeaseOwner: null, refreshLeaseExpiresAt: null });
  });

  it('a refresher that died mid-refresh holds the connection until its lease runs out; then the next run refreshes it', async () => {
    const person = await world.app.signUp();
    await world.connectCanva(person, 'crashed_refresher');
    await expireSoon(person);
    const connection = await rowOf(person);
    const before = await tokensOf(person);
    // A worker leased the connection and died before Canva answered (nothing was stored).
    const [claimed] = await integrationLease({ knex: world.app.db.knex, leaseOwner: 'crashed-instance' }).claim<{ id: string }>((query) => query.where('id', connection.id), 1, ['id']);
    expect(claimed?.id).toBe(connection.id);
    const calls = refreshCalls();
    expect(await refreshIntegrationTokens({ ...deps(), leaseOwner: 'next-instance' })).toMatchObject({ refreshed: 0 });
    expect(await refreshIntegration({ ...deps(), leaseOwner: 'next-instance' }, connection.id, { wait: false, aheadMs: Infinity })).toEqual({ kind: 'busy' });
    expect(refreshCalls()).toBe(calls);
    // Its lease runs out …
    await world.app.db.knex('integration_connections').where('id', connection.id).update({ refreshLeaseExpiresAt: new Date(Date.now() - 1_000) });
    // … and the next run refreshes with the refresh token that was never spent.
    expect((await refreshIntegrationTokens({ ...deps(), leaseOwner: 'next-instance' })).refreshed).toBeGreaterThanOrEqual(1);
    expect(refreshCalls()).toBe(calls + 1);
    const after = await tokensOf(person);
    expect(after.refreshToken).not.toBe(before.refreshToken);
    expect(await rowOf(person)).toMatchObject({ status: 'connected', refreshLeaseOwner: null });
    // Had the dead worker come back and tried to store an answer, its lease would no longer match.
    expect(await integrationLease({ knex: world.app.db.knex, leaseOwner: 'crashed-instance' }).held(connection.id).update({ credentials: 'stale' })).toBe(0);
  });

  it('connecting anew ends a refresh lease, so a refresh of the old grant cannot store over the new tokens', async () => {
    const person = await world.app.signUp();
    await world.connectCanva(person, 'reconnected_midway');
    const connection = await rowOf(person);
    await integrationLease({ knex: world.app.db.knex, leaseOwner: 'slow-instance' }).claim((query) => query.where('id', connection.id), 1, ['id']);
    await world.connectCanva(person, 'reconnected_midway');
    expect(await rowOf(person)).toMatchObject({ refreshLeaseOwner: null, refreshLeaseExpiresAt: null });
  });
});
