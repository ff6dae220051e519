import Router from '@koa/router';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppState } from '../../context.js';
import { startStandalone, type Standalone } from '../networks/kit/standalone.js';
import type { CanvaSimulator } from './index.js';
import { mountCanvaSandbox } from './mount.js';

let server: Standalone;
let sim: CanvaSimulator;

beforeAll(async () => {
  server = await startStandalone((url) => {
    const router = new Router<AppState>();
    sim = mountCanvaSandbox(router, { publicUrl: url, client: { clientId: 'OC-sandbox', clientSecret: 's', redirectUris: ['http://app.test/cb'] } });
    return router;
  });
});
afterAll(() => server.close());

describe('mountCanvaSandbox', () => {
  it('serves the simulator below /sandbox/canva; any pasted design id becomes the person’s design', async () => {
    const person = sim.directory.upsert('paster', 'Paster');
    const code = sim.store.issueCode({ subject: person.username, clientId: 'OC-sandbox', scopes: ['design:meta:read'], redirectUri: 'http://app.test/cb' });
    const tokens = sim.store.exchangeCode({ code, clientId: 'OC-sandbox', redirectUri: 'http://app.test/cb' });
    const answer = await fetch(`${server.url}/sandbox/canva/rest/v1/designs/DAFVztcvd9z`, { headers: { authorization: `Bearer ${tokens.accessToken}` } });
    expect(answer.status).toBe(200);
    expect(await answer.json()).toMatchObject({ design: { id: 'DAFVztcvd9z', page_count: 2 } });
    expect((await fetch(`${server.url}/sandbox/canva/api/oauth/authorize`)).status).toBe(400);
  });
});
