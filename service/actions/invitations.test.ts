import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestUser } from '../testing/test-app.js';
import { addMember, auditActions, freshEmail, makeUser, roleIn, sentInvitation } from '../testing/teams.js';

let app: TestApp;
beforeAll(async () => {
  app = await createTestApp();
});
afterAll(() => app.close());

const invitations = (workspaceId: string) => `/api/v1/workspaces/${workspaceId}/invitations`;

async function owner(firstName = 'Olive'): Promise<TestUser> {
  return makeUser(app, { firstName, lastName: 'Owner' });
}

async function invite(by: TestUser, email: string, role = 'editor', workspaceId = by.workspaceId) {
  return app.request('POST', invitations(workspaceId), { token: by.token, body: { email, role } });
}

describe('invitations', () => {
  it('invites by email: the outbox holds the email with an accept link, the token is stored only as a hash', async () => {
    const olive = await owner();
    const email = freshEmail();
    const response = await invite(olive, email.toUpperCase(), 'editor');
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({ email, role: 'editor', invitedBy: { id: olive.user.id, firstName: 'Olive' } });
    const sent = await sentInvitation(app, email);
    expect(sent.acceptUrl).toMatch(/^http:\/\/localhost:8787\/invitations\/accept\?token=mni_/);
    expect(sent.data).toMatchObject({ inviterName: 'Olive Owner', workspaceName: "Olive's workspace", role: 'editor' });
    const row = await app.db.knex('invitations').where('id', response.body.id).first();
    expect(JSON.stringify(row)).not.toContain(sent.token);
    // Seven days, to the millisecond.
    expect(row.expiresAt.getTime() - row.createdAt.getTime()).toBe(7 * 24 * 3600 * 1000);
    const list = await app.request('GET', invitations(olive.workspaceId), { token: olive.token });
    expect(list.body.items).toEqual([response.body]);
  });

  it('the preview shows workspace, inviter, role, email and expiry to whoever holds the link, without signing in', async () => {
    const olive = await owner();
    const email = freshEmail();
    await invite(olive, email, 'viewer');
    const { token } = await sentInvitation(app, email);
    const preview = await app.request('GET', `/api/v1/invitations/preview?token=${token}`);
    expect(preview.status).toBe(200);
    expect(preview.body).toEqual({ workspaceName: "Olive's workspace", inviterName: 'Olive Owner', role: 'viewer', email, expiresAt: expect.any(String) });
    const garbage = await app.request('GET', '/api/v1/invitations/preview?token=mni_nothing');
    expect(garbage.status).toBe(404);
    expect(garbage.body.error.code).toBe('invitation_not_found');
  });

  it('an existing account accepts through the API: member with the invited role, invitation used, email verified', async () => {
    const olive = await owner();
    const bruno = await makeUser(app, { firstName: 'Bruno', verified: false });
    await invite(olive, bruno.email, 'admin');
    const { token, userId } = await sentInvitation(app, bruno.email);
    expect(userId).toBe(bruno.user.id);
    const accepted = await app.request('POST', '/api/v1/invitations/accept', { token: bruno.token, body: { token } });
    expect(accepted.status).toBe(200);
    expect(accepted.body.workspace).toMatchObject({ id: olive.workspaceId, name: "Olive's workspace", role: 'admin' });
    expect(await roleIn(app, olive.workspaceId, bruno)).toBe('admin');
    const me = await app.request('GET', '/api/v1/me', { token: bruno.token });
    expect(me.body.emailVerified).toBe(true);
    // Their own default workspace stays.
    expect(me.body.defaultWorkspaceId).toBe(bruno.workspaceId);
    const again = await app.request('POST', '/api/v1/invitations/accept', { token: bruno.token, body: { token } });
    expect(again.status).toBe(410);
    expect(again.body.error.code).toBe('invitation_used');
    expect((await app.request('GET', invitations(olive.workspaceId), { token: olive.token })).body.items).toEqual([]);
    expect(await auditActions(app, olive.workspaceId)).toEqual(['member.invited', 'member.joined']);
  });

  it('accepting needs the invited address: another account gets invitation_email_mismatch and nothing changes', async () => {
    const olive = await owner();
    const email = freshEmail();
    await invite(olive, email);
    const { token } = await sentInvitation(app, email);
    const mallory = await makeUser(app, { firstName: 'Mallory' });
    const response = await app.request('POST', '/api/v1/invitations/accept', { token: mallory.token, body: { token } });
    expect(response.status).toBe(403);
    expect(response.body.error.code).toBe('invitation_email_mismatch');
    expect(response.body.error.message).toContain(email);
    expect(await roleIn(app, olive.workspaceId, mallory)).toBeNull();
    expect((await app.request('GET', `/api/v1/invitations/preview?token=${token}`)).status).toBe(200);
  });

  it('accepting needs a session', async () => {
    const response = await app.request('POST', '/api/v1/invitations/accept', { body: { token: 'mni_x' } });
    expect(response.status).toBe(401);
  });

  it('refuses expired, revoked and replaced links with their own codes', async () => {
    const olive = await owner();
    const bruno = await makeUser(app);
    await invite(olive, bruno.email);
    const first = await sentInvitation(app, bruno.email);
    // Re-inviting replaces the pending invitation: the old link stops working.
    const second = await invite(olive, bruno.email, 'viewer');
    expect(second.status).toBe(201);
    const replaced = await app.request('POST', '/api/v1/invitations/accept', { token: bruno.token, body: { token: first.token } });
    expect(replaced.body.error.code).toBe('invitation_revoked');
    expect((await app.request('GET', invitations(olive.workspaceId), { token: olive.token })).body.items.map((i: { role: string }) => i.role)).toEqual(['viewer']);

    const latest = await sentInvitation(app, bruno.email);
    await app.db
      .knex('invitations')
      .where('id', second.body.id)
      .update({ createdAt: new Date(Date.now() - 8 * 86400_000), expiresAt: new Date(Date.now() - 86400_000) });
    const expired = await app.request('POST', '/api/v1/invitations/accept', { token: bruno.token, body: { token: latest.token } });
    expect(expired.status).toBe(410);
    expect(expired.body.error).toEqual({ code: 'invitation_expired', message: expect.stringContaining('expired') });
    expect(await roleIn(app, olive.workspaceId, bruno)).toBeNull();

    const third = await invite(olive, bruno.email);
    const revoke = await app.request('DELETE', `${invitations(olive.workspaceId)}/${third.body.id}`, { token: olive.token });
    expect(revoke.status).toBe(204);
    const { token } = await sentInvitation(app, bruno.email);
    const revoked = await app.request('POST', '/api/v1/invitations/accept', { token: bruno.token, body: { token } });
    expect(revoked.status).toBe(410);
    expect(revoked.body.error.code).toBe('invitation_revoked');
    expect(await auditActions(app, olive.workspaceId)).toEqual(['member.invited', 'member.invited', 'member.invited', 'invitation.revoked']);
  });

  it('only an owner invites an owner; an admin may invite the other roles', async () => {
    const olive = await owner();
    const adam = await makeUser(app, { firstName: 'Adam' });
    await addMember(app, olive.workspaceId, adam, 'admin');
    const byAdmin = await invite(adam, freshEmail(), 'owner', olive.workspaceId);
    expect(byAdmin.status).toBe(403);
    expect(byAdmin.body.error).toEqual({ code: 'forbidden', message: 'Only an owner can invite someone as an owner.' });
    expect((await invite(adam, freshEmail(), 'admin', olive.workspaceId)).status).toBe(201);
    expect((await invite(olive, freshEmail(), 'owner')).status).toBe(201);
  });

  it('an address that is already a member is 409 already_member', async () => {
    const olive = await owner();
    const response = await invite(olive, olive.email);
    expect(response.status).toBe(409);
    expect(response.body.error).toMatchObject({ code: 'already_member', fields: [{ path: 'email', message: expect.any(String) }] });
    expect(await app.db.knex('emailOutbox').where('toEmail', olive.email).andWhere('template', 'invitation')).toEqual([]);
  });

  it('revoking an accepted invitation is refused; revoking twice records it once; unknown ids are 404', async () => {
    const olive = await owner();
    const bruno = await makeUser(app);
    const created = await invite(olive, bruno.email);
    const { token } = await sentInvitation(app, bruno.email);
    await app.request('POST', '/api/v1/invitations/accept', { token: bruno.token, body: { token } });
    const used = await app.request('DELETE', `${invitations(olive.workspaceId)}/${created.body.id}`, { token: olive.token });
    expect(used.body.error.code).toBe('invitation_used');
    const pending = await invite(olive, freshEmail());
    for (let i = 0; i < 2; i++) {
      expect((await app.request('DELETE', `${invitations(olive.workspaceId)}/${pending.body.id}`, { token: olive.token })).status).toBe(204);
    }
    expect((await auditActions(app, olive.workspaceId)).filter((action) => action === 'invitation.revoked')).toHaveLength(1);
    const unknown = await app.request('DELETE', `${invitations(olive.workspaceId)}/${crypto.randomUUID()}`, { token: olive.token });
    expect(unknown.status).toBe(404);
  });

  it('the same link accepted twice at once joins once', async () => {
    const olive = await owner();
    const bruno = await makeUser(app);
    await invite(olive, bruno.email);
    const { token } = await sentInvitation(app, bruno.email);
    const results = await Promise.all(
      [0, 1].map(() => app.request('POST', '/api/v1/invitations/accept', { token: bruno.token, body: { token } })),
    );
    expect(results.map((r) => r.status).sort()).toEqual([200, 410]);
    expect(await auditActions(app, olive.workspaceId)).toEqual(['member.invited', 'member.joined']);
  });

  it('accepting when already a member (joined meanwhile) is 409 already_member and leaves the invitation open', async () => {
    const olive = await owner();
    const bruno = await makeUser(app);
    await invite(olive, bruno.email, 'admin');
    const { token } = await sentInvitation(app, bruno.email);
    await addMember(app, olive.workspaceId, bruno, 'viewer');
    const response = await app.request('POST', '/api/v1/invitations/accept', { token: bruno.token, body: { token } });
    expect(response.status).toBe(409);
    expect(response.body.error).toEqual({ code: 'already_member', message: "You are already a member of Olive's workspace." });
    expect(await roleIn(app, olive.workspaceId, bruno)).toBe('viewer');
  });

  it('inviting needs a verified email address', async () => {
    const unverified = await makeUser(app, { verified: false });
    const response = await invite(unverified, freshEmail());
    expect(response.status).toBe(403);
    expect(response.body.error.code).toBe('email_not_verified');
  });
});
