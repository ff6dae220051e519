import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../testing/test-app.js';

let app: TestApp;
beforeAll(async () => {
  app = await createTestApp();
});
afterAll(() => app.close());

describe('workspaces', () => {
  it('creates a workspace owned by its creator; the list shows each with my role', async () => {
    const person = await app.signUp({ firstName: 'Wanda' });
    const created = await app.request('POST', '/api/v1/workspaces', { token: person.token, body: { name: '  Marketing  ' } });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: 'Marketing', role: 'owner' });
    const list = await app.request('GET', '/api/v1/workspaces', { token: person.token });
    expect(list.body.items.map((w: { name: string; role: string }) => [w.name, w.role])).toEqual([
      ["Wanda's workspace", 'owner'],
      ['Marketing', 'owner'],
    ]);
  });

  it('renames (admin or owner), answering with the new name; an empty name is refused', async () => {
    const person = await app.signUp();
    const url = `/api/v1/workspaces/${person.workspaceId}`;
    const renamed = await app.request('PATCH', url, { token: person.token, body: { name: 'Studio' } });
    expect(renamed.status).toBe(200);
    expect(renamed.body.name).toBe('Studio');
    expect((await app.request('GET', url, { token: person.token })).body.name).toBe('Studio');
    const empty = await app.request('PATCH', url, { token: person.token, body: { name: ' ' } });
    expect(empty.body.error.fields).toEqual([{ path: 'name', message: 'must not be empty' }]);
  });

  it('P14: members see each other’s name, avatar and role, never their email', async () => {
    const owner = await app.signUp({ firstName: 'Olive', lastName: 'Owner' });
    const editor = await app.signUp({ firstName: 'Eddie', lastName: 'Editor' });
    await app.db.knex('memberships').insert({ workspaceId: owner.workspaceId, userId: editor.user.id, role: 'editor' });
    const members = await app.request('GET', `/api/v1/workspaces/${owner.workspaceId}/members`, { token: editor.token });
    expect(members.body.items).toEqual([
      { userId: owner.user.id, firstName: 'Olive', lastName: 'Owner', role: 'owner', avatarUrl: null, joinedAt: expect.any(String) },
      { userId: editor.user.id, firstName: 'Eddie', lastName: 'Editor', role: 'editor', avatarUrl: null, joinedAt: expect.any(String) },
    ]);
    expect(members.text).not.toContain(owner.email);
    expect(members.text).not.toContain('@');
  });

  it('changes the default workspace only to one I belong to', async () => {
    const person = await app.signUp();
    const second = (await app.request('POST', '/api/v1/workspaces', { token: person.token, body: { name: 'Second' } })).body;
    const updated = await app.request('PATCH', '/api/v1/me', { token: person.token, body: { defaultWorkspaceId: second.id } });
    expect(updated.status).toBe(200);
    expect(updated.body.defaultWorkspaceId).toBe(second.id);
    const stranger = await app.signUp();
    const foreign = await app.request('PATCH', '/api/v1/me', { token: person.token, body: { defaultWorkspaceId: stranger.workspaceId } });
    const unknown = await app.request('PATCH', '/api/v1/me', { token: person.token, body: { defaultWorkspaceId: randomUUID() } });
    expect(foreign.status).toBe(404);
    expect(foreign.body).toEqual(unknown.body);
  });
});
