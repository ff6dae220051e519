import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Endpoint, type EndpointName, type Endpoints, endpoints as table } from '#shared/api/endpoints.js';
import { ROLES, roleAllows } from '#shared/roles.js';
import { createTestApp, type TestApp, type TestUser } from '../testing/test-app.js';

// Widened so optional fields (body, response, status) can be read on any endpoint.
const endpoints: Record<EndpointName, Endpoint> = table;

type MemberEndpoint = { [N in EndpointName]: Endpoints[N]['auth'] extends 'member' ? N : never }[EndpointName];

/** A valid body per workspace endpoint; TypeScript asks for one when an endpoint is added. */
const validBodies: Record<MemberEndpoint, () => unknown> = {
  getWorkspace: () => undefined,
  renameWorkspace: () => ({ name: `Renamed ${randomUUID().slice(0, 6)}` }),
  listMembers: () => undefined,
  createCapture: () => ({ clientId: randomUUID(), kind: 'page', url: 'https://example.com/article' }),
  listPosts: () => undefined,
  getPost: () => undefined,
  updatePost: () => ({ title: 'Edited' }),
  archivePost: () => undefined,
  unarchivePost: () => undefined,
  deletePost: () => undefined,
};

const memberEndpoints = (Object.keys(endpoints) as EndpointName[]).filter(
  (name): name is MemberEndpoint => endpoints[name].auth === 'member',
);
const signedInEndpoints = (Object.keys(endpoints) as EndpointName[]).filter((name) => endpoints[name].auth !== 'none');

let app: TestApp;
let alice: TestUser;
let bob: TestUser;

beforeAll(async () => {
  app = await createTestApp();
  alice = await app.signUp({ firstName: 'Alice' });
  bob = await app.signUp({ firstName: 'Bob' });
});
afterAll(() => app.close());

const fill = (path: string, ids: { workspaceId: string; postId?: string; sessionId?: string }) =>
  path.replace(/:(\w+)/g, (_, name: keyof typeof ids) => ids[name] ?? randomUUID());

async function createPost(workspaceId: string, userId: string): Promise<string> {
  const [row] = await app.db
    .knex('posts')
    .insert({ workspaceId, createdBy: userId, title: 'Secret plan', body: 'Only for this workspace', status: 'draft' })
    .returning('id');
  return row.id as string;
}

describe('workspace access (P14, P24)', () => {
  it('P14: a member of workspace A gets 404 for every endpoint of workspace B, exactly as for a workspace that does not exist', async () => {
    const bobPost = await createPost(bob.workspaceId, bob.user.id);
    for (const name of memberEndpoints) {
      const endpoint = endpoints[name];
      const body = validBodies[name]() ?? (endpoint.method === 'POST' || endpoint.method === 'PATCH' ? {} : undefined);
      const intoB = await app.request(endpoint.method, fill(endpoint.path, { workspaceId: bob.workspaceId, postId: bobPost }), { token: alice.token, body });
      const nowhere = await app.request(endpoint.method, fill(endpoint.path, { workspaceId: randomUUID() }), { token: alice.token, body });
      expect({ name, status: intoB.status }).toEqual({ name, status: 404 });
      expect(intoB.body).toEqual(nowhere.body);
      expect(intoB.body.error.code).toBe('not_found');
    }
    // Nothing of B changed.
    const post = await app.db.knex('posts').where('id', bobPost).first();
    expect(post).toMatchObject({ title: 'Secret plan', status: 'draft' });
    const workspace = await app.db.knex('workspaces').where('id', bob.workspaceId).first();
    expect(workspace.name).toBe("Bob's workspace");
  });

  it("P14: B's post cannot be reached through A's workspace either", async () => {
    const bobPost = await createPost(bob.workspaceId, bob.user.id);
    for (const name of memberEndpoints.filter((n) => endpoints[n].path.includes(':postId'))) {
      const endpoint = endpoints[name];
      const response = await app.request(endpoint.method, fill(endpoint.path, { workspaceId: alice.workspaceId, postId: bobPost }), {
        token: alice.token,
        body: validBodies[name](),
      });
      expect({ name, status: response.status }).toEqual({ name, status: 404 });
    }
    expect(await app.db.knex('posts').where('id', bobPost).first()).toMatchObject({ title: 'Secret plan', status: 'draft' });
  });

  it('P24: every workspace endpoint checks the role: allowed roles succeed, weaker ones get 403', async () => {
    const owner = await app.signUp({ firstName: 'Olga' });
    const members = Object.fromEntries(
      await Promise.all(
        ROLES.filter((role) => role !== 'owner').map(async (role) => {
          const person = await app.signUp({ firstName: role });
          await app.db.knex('memberships').insert({ workspaceId: owner.workspaceId, userId: person.user.id, role });
          return [role, person] as const;
        }),
      ),
    );
    members.owner = owner;
    for (const role of ROLES) {
      for (const name of memberEndpoints) {
        const endpoint = endpoints[name];
        const postId = await createPost(owner.workspaceId, owner.user.id);
        const response = await app.request(endpoint.method, fill(endpoint.path, { workspaceId: owner.workspaceId, postId }), {
          token: members[role]!.token,
          body: validBodies[name](),
        });
        const allowed = roleAllows(role, endpoint.role ?? 'owner');
        expect({ role, name, status: response.status }).toEqual({
          role,
          name,
          status: allowed ? (endpoint.response ? (endpoint.status ?? 200) : 204) : 403,
        });
        if (!allowed) expect(response.body.error).toEqual({ code: 'forbidden', message: expect.stringContaining(`(${role})`) });
      }
    }
  });

  it('a viewer can read but cannot capture or edit', async () => {
    const owner = await app.signUp();
    const viewer = await app.signUp();
    await app.db.knex('memberships').insert({ workspaceId: owner.workspaceId, userId: viewer.user.id, role: 'viewer' });
    const postId = await createPost(owner.workspaceId, owner.user.id);
    const base = `/api/v1/workspaces/${owner.workspaceId}`;
    expect((await app.request('GET', `${base}/posts/${postId}`, { token: viewer.token })).status).toBe(200);
    const capture = await app.request('POST', `${base}/captures`, { token: viewer.token, body: validBodies.createCapture() });
    expect(capture.status).toBe(403);
    expect(capture.body.error.code).toBe('forbidden');
    expect((await app.request('PATCH', `${base}/posts/${postId}`, { token: viewer.token, body: { title: 'Mine now' } })).status).toBe(403);
    expect(await app.db.knex('posts').where('workspaceId', owner.workspaceId).count({ n: '*' })).toEqual([{ n: '1' }]);
  });

  it('every endpoint that needs a session answers 401 without one', async () => {
    for (const name of signedInEndpoints) {
      const endpoint = endpoints[name];
      const response = await app.request(endpoint.method, fill(endpoint.path, { workspaceId: alice.workspaceId }), { body: endpoint.body ? {} : undefined });
      expect({ name, status: response.status, code: response.body.error?.code }).toEqual({ name, status: 401, code: 'unauthenticated' });
    }
  });

  it('a malformed workspace id is 404 like any unknown one (after the session check)', async () => {
    const response = await app.request('GET', '/api/v1/workspaces/not-a-uuid/posts', { token: alice.token });
    expect(response.status).toBe(404);
    expect(response.body.error.code).toBe('not_found');
    expect((await app.request('GET', '/api/v1/workspaces/not-a-uuid/posts')).status).toBe(401);
  });
});
