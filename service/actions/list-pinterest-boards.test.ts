import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { platformConfigFrom } from '../platforms/config.js';
import { sandboxEndpoints } from '../platforms/settings.js';
import { createPinterestSimulator } from '../sandbox/networks/pinterest/index.js';
import { startStandalone, type Standalone } from '../sandbox/networks/kit/standalone.js';
import type { NetworkSimulator } from '../sandbox/networks/kit/types.js';
import { connectThroughApp } from '../testing/connect-through-app.js';
import { createTestApp, type TestApp, type TestUser } from '../testing/test-app.js';

let sim: NetworkSimulator;
let server: Standalone;
let app: TestApp;
let owner: TestUser;
let accountId: string;

beforeAll(async () => {
  server = await startStandalone((url) => {
    sim = createPinterestSimulator({ baseUrl: url, basePath: '', clients: [{ clientId: 'pin-app', clientSecret: 'pin-secret' }] });
    return sim.router;
  });
  app = await createTestApp({
    config: { platforms: { ...platformConfigFrom({}), pinterest: { clientId: 'pin-app', clientSecret: 'pin-secret', endpoints: sandboxEndpoints(server.url, 'pinterest') } } },
  });
  owner = await app.signUp();
  accountId = await connectThroughApp(app, owner.workspaceId, owner.token, 'pinterest', { username: 'pin_studio', displayName: 'Pin Studio' });
});
afterAll(async () => {
  await app?.close();
  await server?.close();
});

const boards = (id = accountId, user = owner) => app.request('GET', `/api/v1/workspaces/${user.workspaceId}/accounts/${id}/pinterest-boards`, { token: user.token });

describe('Pinterest boards of a connected account', () => {
  it('are read from Pinterest, every page, with id, name and privacy', async () => {
    const response = await boards();
    expect(response.status).toBe(200);
    expect(response.body.items.map((board: { name: string }) => board.name)).toEqual(['Inspiration', 'Studio notes']);
    expect(Object.keys(response.body.items[0]).sort()).toEqual(['id', 'name', 'privacy']);
    expect(sim.specViolations).toEqual([]);
  });

  it('an account of another network has no boards: 404 saying so', async () => {
    const [row] = await app.db.knex('connected_accounts').insert({ workspaceId: owner.workspaceId, platform: 'x', kind: 'profile', remoteId: 'x-1', name: 'On X' }).returning('id');
    const response = await boards(row.id);
    expect(response.status).toBe(404);
    expect(response.body.error.message).toBe('This account is not a Pinterest account, so it has no boards.');
  });

  it('Pinterest failing answers 502 network_failed and leaves the account connected', async () => {
    sim.faults.next(/\/boards/, { kind: 'status', status: 503, body: { code: 1, message: 'Service unavailable' } });
    const response = await boards();
    expect(response.status).toBe(502);
    expect(response.body.error.code).toBe('network_failed');
    expect((await app.db.knex('connected_accounts').where({ id: accountId }).first()).status).toBe('active');
  });

  it('a token Pinterest refuses marks the account for reconnecting; asking again says to reconnect', async () => {
    sim.faults.next(/\/boards/, { kind: 'status', status: 401, body: { code: 2, message: 'Authentication failed.' } });
    const refused = await boards();
    expect(refused.status).toBe(409);
    expect(refused.body.error).toMatchObject({ code: 'account_unavailable', message: expect.stringContaining('Reconnect it') });
    expect((await app.db.knex('connected_accounts').where({ id: accountId }).first()).status).toBe('reconnect_needed');
    const again = await boards();
    expect(again.body.error).toEqual({ code: 'account_unavailable', message: 'This Pinterest account needs reconnecting before its boards can be read.' });
  });
});
