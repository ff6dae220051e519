import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../testing/test-app.js';
import { addMember, freshEmail, makeUser, sentInvitation } from '../testing/teams.js';

let app: TestApp;
beforeAll(async () => {
  app = await createTestApp();
});
afterAll(() => app.close());

describe('audit log', () => {
  it('records every team change with who, whom and what, newest first, for admins and owners only', async () => {
    const owner = await makeUser(app, { firstName: 'Olive', lastName: 'Owner' });
    const admin = await makeUser(app, { firstName: 'Adam', lastName: 'Admin' });
    const editor = await makeUser(app, { firstName: 'Eddie', lastName: 'Editor' });
    const viewer = await makeUser(app, { firstName: 'Vera', lastName: 'Viewer' });
    const joiner = await makeUser(app, { firstName: 'Jo', lastName: 'Joiner' });
    const ws = owner.workspaceId;
    const base = `/api/v1/workspaces/${ws}`;
    await addMember(app, ws, admin, 'admin');
    await addMember(app, ws, editor, 'editor');
    await addMember(app, ws, viewer, 'viewer');
    const call = async (token: string, method: string, path: string, body?: unknown) => {
      const response = await app.request(method, base + path, { token, body });
      expect({ path, status: response.status }).toEqual({ path, status: response.status < 300 ? response.status : 'success' });
      return response;
    };

    const stranger = freshEmail();
    const invited = await call(admin.token, 'POST', '/invitations', { email: stranger, role: 'viewer' });
    await call(admin.token, 'DELETE', `/invitations/${invited.body.id}`);
    await call(owner.token, 'POST', '/invitations', { email: joiner.email, role: 'editor' });
    const { token } = await sentInvitation(app, joiner.email);
    expect((await app.request('POST', '/api/v1/invitations/accept', { token: joiner.token, body: { token } })).status).toBe(200);
    await call(admin.token, 'PATCH', `/members/${editor.user.id}`, { role: 'viewer' });
    await call(admin.token, 'DELETE', `/members/${joiner.user.id}`);
    await call(viewer.token, 'POST', '/leave');
    await call(owner.token, 'PATCH', '', { name: 'Studio' });
    await call(owner.token, 'POST', '/transfer-ownership', { userId: admin.user.id });

    const log = await app.request('GET', `${base}/audit-events`, { token: admin.token });
    expect(log.status).toBe(200);
    const person = (p: typeof owner) => ({ id: p.user.id, firstName: p.user.firstName, lastName: p.user.lastName });
    expect(log.body.items.map(({ action, actor, target, details }: Record<string, unknown>) => ({ action, actor, target, details }))).toEqual([
      { action: 'ownership.transferred', actor: person(owner), target: person(admin), details: { targetPreviousRole: 'admin', actorNewRole: 'admin' } },
      { action: 'workspace.renamed', actor: person(owner), target: null, details: { from: "Olive's workspace", to: 'Studio' } },
      { action: 'member.left', actor: person(viewer), target: person(viewer), details: { role: 'viewer' } },
      { action: 'member.removed', actor: person(admin), target: person(joiner), details: { role: 'editor' } },
      { action: 'member.role_changed', actor: person(admin), target: person(editor), details: { from: 'editor', to: 'viewer' } },
      { action: 'member.joined', actor: person(joiner), target: person(joiner), details: { invitationId: expect.any(String), role: 'editor' } },
      { action: 'member.invited', actor: person(owner), target: null, details: { invitationId: expect.any(String), email: joiner.email, role: 'editor' } },
      { action: 'invitation.revoked', actor: person(admin), target: null, details: { invitationId: invited.body.id, email: stranger, role: 'viewer' } },
      { action: 'member.invited', actor: person(admin), target: null, details: { invitationId: invited.body.id, email: stranger, role: 'viewer' } },
    ]);
    // The former owner is an admin now and still reads the log; an editor (now viewer) cannot.
    expect((await app.request('GET', `${base}/audit-events`, { token: owner.token })).status).toBe(200);
    const forbidden = await app.request('GET', `${base}/audit-events`, { token: editor.token });
    expect(forbidden.status).toBe(403);
    expect(forbidden.body.error.code).toBe('forbidden');
  });

  it('pages with a cursor without repeating or skipping; a bad cursor is a field error', async () => {
    const owner = await makeUser(app);
    const base = `/api/v1/workspaces/${owner.workspaceId}`;
    for (let i = 1; i <= 5; i++) await app.request('PATCH', base, { token: owner.token, body: { name: `Name ${i}` } });
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { body: { items: { details: { to: string } }[]; nextCursor: string | null } } = await app.request(
        'GET',
        `${base}/audit-events?limit=2${cursor ? `&cursor=${cursor}` : ''}`,
        { token: owner.token },
      );
      seen.push(...page.body.items.map((item) => item.details.to));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual(['Name 5', 'Name 4', 'Name 3', 'Name 2', 'Name 1']);
    const bad = await app.request('GET', `${base}/audit-events?cursor=nonsense`, { token: owner.token });
    expect(bad.body.error).toMatchObject({ code: 'validation_failed', fields: [{ path: 'cursor', message: expect.any(String) }] });
  });

  it('a rename to the same name records nothing; a failed change records nothing', async () => {
    const owner = await makeUser(app);
    const base = `/api/v1/workspaces/${owner.workspaceId}`;
    await app.request('PATCH', base, { token: owner.token, body: { name: "Ada's workspace" } });
    await app.request('POST', `${base}/leave`, { token: owner.token });
    expect((await app.request('GET', `${base}/audit-events`, { token: owner.token })).body.items).toEqual([]);
  });
});
