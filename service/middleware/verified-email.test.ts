import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import Koa from 'koa';
import Router from '@koa/router';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Endpoint } from '#shared/api/endpoints.js';
import type { AppState } from '../context.js';
import { createLogger } from '../logger.js';
import { linkToken } from '../testing/account-emails.js';
import { createTestApp, type TestApp, type TestUser } from '../testing/test-app.js';
import { requireAuth } from './auth.js';
import { errorHandler } from './error-handler.js';

// Endpoints that are not in the table: the rule is tested on its own, whatever the table marks.
const publishLike: Endpoint = {
  method: 'POST', path: '/api/v1/workspaces/:workspaceId/fake-publish', tag: 'posts', auth: 'member', role: 'editor', verifiedEmail: true, summary: 'test only',
};
const sessionOnly: Endpoint = { method: 'POST', path: '/api/v1/fake-verified', tag: 'me', auth: 'session', verifiedEmail: true, summary: 'test only' };
const unmarked: Endpoint = { method: 'POST', path: '/api/v1/workspaces/:workspaceId/fake-capture', tag: 'posts', auth: 'member', role: 'editor', summary: 'test only' };

let app: TestApp;
let url: string;
let close: () => void;
let unverified: TestUser;
let stranger: TestUser;

beforeAll(async () => {
  app = await createTestApp();
  const deps = { config: app.config, db: app.db, logger: createLogger({ level: 'error' }), storage: app.storage };
  const koa = new Koa<AppState>();
  const router = new Router<AppState>();
  for (const endpoint of [publishLike, sessionOnly, unmarked]) {
    router.post(endpoint.path, requireAuth(endpoint, deps), (ctx) => {
      ctx.body = { ok: true };
    });
  }
  koa.use(async (ctx, next) => {
    ctx.state.log = deps.logger;
    await next();
  });
  koa.use(errorHandler());
  koa.use(router.routes());
  const server = createServer(koa.callback());
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  close = () => server.close();
  unverified = await app.signUp();
  stranger = await app.signUp();
});
afterAll(async () => {
  close();
  await app.close();
});

const post = (path: string, token: string) => fetch(url + path, { method: 'POST', headers: { authorization: `Bearer ${token}` } });

describe('endpoints marked verifiedEmail', () => {
  it('refuse an unverified account with 403 email_not_verified and a sentence, while unmarked ones (drafts) work', async () => {
    const refused = await post(`/api/v1/workspaces/${unverified.workspaceId}/fake-publish`, unverified.token);
    expect(refused.status).toBe(403);
    expect(await refused.json()).toEqual({ error: { code: 'email_not_verified', message: 'Verify your email address first: we sent you a link.' } });
    expect((await post('/api/v1/fake-verified', unverified.token)).status).toBe(403);
    expect((await post(`/api/v1/workspaces/${unverified.workspaceId}/fake-capture`, unverified.token)).status).toBe(200);
  });

  it('still answer 404 to a non-member (P14) before anything about verification', async () => {
    const response = await post(`/api/v1/workspaces/${unverified.workspaceId}/fake-publish`, stranger.token);
    expect(response.status).toBe(404);
  });

  it('let the account through once it verified its address', async () => {
    const { token } = await linkToken(app, unverified.email, 'verify-email', 'verifyUrl');
    expect((await app.request('POST', '/api/v1/auth/verify-email', { body: { token } })).status).toBe(204);
    expect((await post(`/api/v1/workspaces/${unverified.workspaceId}/fake-publish`, unverified.token)).status).toBe(200);
    expect((await post('/api/v1/fake-verified', unverified.token)).status).toBe(200);
  });
});
