import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '#shared/roles.js';
import { createTestApp, type TestApp, type TestUser } from '../testing/test-app.js';
import { addMember, auditActions, makeUser, roleIn } from '../testing/teams.js';

let app: TestApp;
beforeAll(async () => {
  app = await createTestApp();
});
afterAll(() => app.close());

const base = (workspaceId: string) => `/api/v1/workspaces/${workspaceId}`;

/** A workspace owned by a new person, with one new member per role given. */
async function team(...roles: Role[]): Promise<{ owner: TestUser; members: TestUser[]; workspaceId: string }> {
  const owner = await makeUser(app, { firstName: 'Olive', lastName: 'Owner' });
  const members = [];
  for (const role of roles) {
    const member = await makeUser(app, { firstName: role, lastName: 'Member' });
    await addMember(app, owner.workspaceId, member, role);
    members.push(member);
  }
  return { owner, members, workspaceId: owner.workspaceId };
}

const setRole = (by: TestUser, workspaceId: string, user: TestUser, role: Role) =>
  app.request('PATCH', `${base(workspaceId)}/members/${user.user.id}`, { token: by.token, body: { role } });

describe('roles', () => {
  it('an admin changes roles below owner; the member sees the new role', async () => {
    const { workspaceId, members: [admin, editor] } = await team('admin', 'editor');
    const response = await setRole(admin!, workspaceId, editor!, 'viewer');
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ userId: editor!.user.id, firstName: 'editor', lastName: 'Member', avatarUrl: null, role: 'viewer', joinedAt: expect.any(String) });
    const workspaces = await app.request('GET', '/api/v1/workspaces', { token: editor!.token });
    expect(workspaces.body.items.find((w: { id: string }) => w.id === workspaceId).role).toBe('viewer');
  });

  it('only owners make owners or change an owner: an admin gets 403 for both', async () => {
    const { owner, workspaceId, members: [admin, editor] } = await team('admin', 'editor');
    const promote = await setRole(admin!, workspaceId, editor!, 'owner');
    expect(promote.status).toBe(403);
    expect(promote.body.error.code).toBe('forbidden');
    expect((await setRole(admin!, workspaceId, admin!, 'owner')).status).toBe(403);
    expect((await setRole(admin!, workspaceId, owner, 'viewer')).status).toBe(403);
    expect(await roleIn(app, workspaceId, owner)).toBe('owner');
    expect(await roleIn(app, workspaceId, editor!)).toBe('editor');
    const byOwner = await setRole(owner, workspaceId, editor!, 'owner');
    expect(byOwner.body.role).toBe('owner');
  });

  it('the last owner cannot be demoted (409 last_owner); with a second owner they can', async () => {
    const { owner, workspaceId, members: [admin] } = await team('admin');
    const alone = await setRole(owner, workspaceId, owner, 'admin');
    expect(alone.status).toBe(409);
    expect(alone.body.error.code).toBe('last_owner');
    await setRole(owner, workspaceId, admin!, 'owner');
    expect((await setRole(owner, workspaceId, owner, 'editor')).status).toBe(200);
    expect(await roleIn(app, workspaceId, owner)).toBe('editor');
  });

  it('two owners demoting themselves at the same moment: one succeeds, the other gets last_owner', async () => {
    for (let round = 0; round < 5; round++) {
      const { owner, workspaceId, members: [second] } = await team('owner');
      const results = await Promise.all([owner, second!].map((person) => setRole(person, workspaceId, person, 'admin')));
      expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
      expect(results.find((r) => r.status === 409)!.body.error.code).toBe('last_owner');
      expect(await app.db.knex('memberships').where({ workspaceId, role: 'owner' })).toHaveLength(1);
    }
  });

  it('two owners demoting each other at the same moment: the second is no longer an owner and is refused', async () => {
    for (let round = 0; round < 5; round++) {
      const { owner, workspaceId, members: [second] } = await team('owner');
      const [a, b] = await Promise.all([setRole(owner, workspaceId, second!, 'admin'), setRole(second!, workspaceId, owner, 'admin')]);
      // Under the lock the later request sees that its caller was just demoted (403), or the last owner (409).
      expect([a.status, b.status].filter((status) => status === 200)).toHaveLength(1);
      expect(await app.db.knex('memberships').where({ workspaceId, role: 'owner' })).toHaveLength(1);
    }
  });

  it('two owners leaving at the same moment: one of them stays owner', async () => {
    const { owner, workspaceId, members: [second] } = await team('owner');
    const results = await Promise.all([owner, second!].map((person) => app.request('POST', `${base(workspaceId)}/leave`, { token: person.token })));
    expect(results.map((r) => r.status).sort()).toEqual([204, 409]);
    expect(await app.db.knex('memberships').where({ workspaceId, role: 'owner' })).toHaveLength(1);
  });
});

describe('removing and leaving', () => {
  it('an admin removes an editor; the removed person loses access and their default moves to a workspace of theirs', async () => {
    const { workspaceId, members: [admin, editor] } = await team('admin', 'editor');
    await app.db.knex('users').where('id', editor!.user.id).update({ defaultWorkspaceId: workspaceId });
    const response = await app.request('DELETE', `${base(workspaceId)}/members/${editor!.user.id}`, { token: admin!.token });
    expect(response.status).toBe(204);
    expect((await app.request('GET', base(workspaceId), { token: editor!.token })).status).toBe(404);
    const me = await app.request('GET', '/api/v1/me', { token: editor!.token });
    expect(me.body.defaultWorkspaceId).toBe(editor!.workspaceId);
  });

  it('an admin cannot remove an owner; the last owner cannot leave or be removed', async () => {
    const { owner, workspaceId, members: [admin] } = await team('admin');
    const byAdmin = await app.request('DELETE', `${base(workspaceId)}/members/${owner.user.id}`, { token: admin!.token });
    expect(byAdmin.status).toBe(403);
    const leave = await app.request('POST', `${base(workspaceId)}/leave`, { token: owner.token });
    expect(leave.status).toBe(409);
    expect(leave.body.error).toMatchObject({ code: 'last_owner', message: expect.stringContaining('only owner') });
    const self = await app.request('DELETE', `${base(workspaceId)}/members/${owner.user.id}`, { token: owner.token });
    expect(self.body.error.code).toBe('last_owner');
    expect(await roleIn(app, workspaceId, owner)).toBe('owner');
  });

  it('a viewer leaves; removing someone who is not a member is 404', async () => {
    const { owner, workspaceId, members: [viewer] } = await team('viewer');
    expect((await app.request('POST', `${base(workspaceId)}/leave`, { token: viewer!.token })).status).toBe(204);
    expect(await roleIn(app, workspaceId, viewer!)).toBeNull();
    const again = await app.request('DELETE', `${base(workspaceId)}/members/${viewer!.user.id}`, { token: owner.token });
    expect(again.status).toBe(404);
    expect(await auditActions(app, workspaceId)).toEqual(['member.left']);
  });
});

describe('ownership and deletion', () => {
  it('transfers ownership: the member becomes owner, the caller admin', async () => {
    const { owner, workspaceId, members: [editor] } = await team('editor');
    const response = await app.request('POST', `${base(workspaceId)}/transfer-ownership`, { token: owner.token, body: { userId: editor!.user.id } });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ id: workspaceId, role: 'admin' });
    expect(await roleIn(app, workspaceId, editor!)).toBe('owner');
    expect(await roleIn(app, workspaceId, owner)).toBe('admin');
    // The former owner can no longer do owner things.
    const again = await app.request('POST', `${base(workspaceId)}/transfer-ownership`, { token: owner.token, body: { userId: owner.user.id } });
    expect(again.status).toBe(403);
  });

  it('refuses a transfer to yourself or to someone outside the workspace', async () => {
    const { owner, workspaceId } = await team();
    const self = await app.request('POST', `${base(workspaceId)}/transfer-ownership`, { token: owner.token, body: { userId: owner.user.id } });
    expect(self.status).toBe(400);
    expect(self.body.error.fields).toEqual([{ path: 'userId', message: 'is you; choose another member' }]);
    const stranger = await makeUser(app);
    const outside = await app.request('POST', `${base(workspaceId)}/transfer-ownership`, { token: owner.token, body: { userId: stranger.user.id } });
    expect(outside.status).toBe(404);
    expect(await roleIn(app, workspaceId, owner)).toBe('owner');
  });

  it('deletes a workspace only with its exact name; members’ defaults move elsewhere; its data goes with it', async () => {
    const { owner, workspaceId, members: [editor] } = await team('editor');
    await app.db.knex('users').whereIn('id', [owner.user.id, editor!.user.id]).update({ defaultWorkspaceId: workspaceId });
    await app.db.knex('posts').insert({ workspaceId, createdBy: owner.user.id, body: 'draft' });
    const wrong = await app.request('DELETE', base(workspaceId), { token: owner.token, body: { name: "olive's workspace" } });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error).toMatchObject({ code: 'workspace_name_mismatch', fields: [{ path: 'name', message: expect.stringContaining("Olive's workspace") }] });
    const response = await app.request('DELETE', base(workspaceId), { token: owner.token, body: { name: "Olive's workspace" } });
    expect(response.status).toBe(204);
    expect(await app.db.knex('workspaces').where('id', workspaceId)).toEqual([]);
    expect(await app.db.knex('posts').where('workspaceId', workspaceId)).toEqual([]);
    const users = await app.db.knex('users').whereIn('id', [owner.user.id, editor!.user.id]).orderBy('firstName').select('id', 'defaultWorkspaceId');
    // Each is pointed at their own personal workspace: nobody's default is left dangling.
    expect(Object.fromEntries(users.map((u: { id: string; defaultWorkspaceId: string }) => [u.id, u.defaultWorkspaceId]))).toEqual({
      [owner.user.id]: null,
      [editor!.user.id]: editor!.workspaceId,
    });
    expect((await app.request('GET', base(workspaceId), { token: owner.token })).status).toBe(404);
  });

  it('a person whose only workspace is deleted has no default workspace afterwards', async () => {
    const person = await makeUser(app);
    const response = await app.request('DELETE', base(person.workspaceId), { token: person.token, body: { name: "Ada's workspace" } });
    expect(response.status).toBe(204);
    expect((await app.request('GET', '/api/v1/me', { token: person.token })).body.defaultWorkspaceId).toBeNull();
  });
});
