import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { installMissingApis } from '../testing/fake-apis.js';
import { errorBody, startFakeService, type FakeService } from '../testing/fake-service.js';
import { FakeTeam, INVITATION_ID, INVITE_LINK, TEAMMATE_ID } from '../testing/fake-team.js';
import { OTHER_WORKSPACE_ID, signedIn, USER_ID, WORKSPACE_ID } from '../testing/fixtures.js';
import { toUiError } from './errors.js';
import { invitationToken } from './members.js';
import { registerMessageHandlers } from './messaging/handlers.js';
import { removeAllListeners, sendMessage } from './messaging/protocol.js';
import { defaultWorkspaceIdItem, workspacesItem } from './storage.js';

const team = new FakeTeam();
let service: FakeService;
beforeAll(async () => {
  service = await startFakeService((request) => team.answer(request) ?? { status: 404, json: errorBody('route_not_found', 'There is no such endpoint.') });
});
afterAll(() => service.close());
beforeEach(async () => {
  fakeBrowser.reset();
  removeAllListeners();
  installMissingApis();
  team.reset('owner');
  service.requests.length = 0;
  await signedIn(service.url);
  registerMessageHandlers();
});

const failure = (promise: Promise<unknown>) => promise.then(() => expect.unreachable('expected the message to fail'), toUiError);
const sent = (method: string, path: string) => service.requests.find((r) => r.method === method && r.path === path);

describe('members messages', () => {
  it('getMembers answers members, my role and pending invitations (admins and owners)', async () => {
    const data = await sendMessage('getMembers', { workspaceId: WORKSPACE_ID });
    expect(data.workspace).toEqual({ id: WORKSPACE_ID, name: 'Team', role: 'owner' });
    expect(data.myUserId).toBe(USER_ID);
    expect(data.members.map((m) => m.firstName)).toEqual(['Ada', 'Grace']);
    expect(data.invitations?.map((i) => i.email)).toEqual(['pending@example.com']);
  });

  it('an editor gets no invitations, and the invitations list is not even asked for', async () => {
    team.reset('editor');
    const data = await sendMessage('getMembers', { workspaceId: WORKSPACE_ID });
    expect(data.invitations).toBeNull();
    expect(service.requests.some((r) => r.path.endsWith('/invitations'))).toBe(false);
  });

  it('inviteMember sends email and role, and answers the refreshed panel; field errors come back intact', async () => {
    const data = await sendMessage('inviteMember', { workspaceId: WORKSPACE_ID, email: ' new@example.com ', role: 'admin' });
    expect(sent('POST', `/api/v1/workspaces/${WORKSPACE_ID}/invitations`)?.body).toEqual({ email: 'new@example.com', role: 'admin' });
    expect(data.invitations?.map((i) => [i.email, i.role])).toContainEqual(['new@example.com', 'admin']);
    const bad = await failure(sendMessage('inviteMember', { workspaceId: WORKSPACE_ID, email: 'nope', role: 'viewer' }));
    expect(bad).toEqual({
      code: 'validation_failed',
      message: 'Some fields are missing or not valid.',
      fields: [{ path: 'email', message: 'must be an email address like name@example.com' }],
    });
  });

  it('revokeInvitation, changeMemberRole and removeMember call their endpoints and answer the new panel', async () => {
    let data = await sendMessage('revokeInvitation', { workspaceId: WORKSPACE_ID, invitationId: INVITATION_ID });
    expect(sent('DELETE', `/api/v1/workspaces/${WORKSPACE_ID}/invitations/${INVITATION_ID}`)).toBeDefined();
    expect(data.invitations).toEqual([]);
    data = await sendMessage('changeMemberRole', { workspaceId: WORKSPACE_ID, userId: TEAMMATE_ID, role: 'viewer' });
    expect(sent('PATCH', `/api/v1/workspaces/${WORKSPACE_ID}/members/${TEAMMATE_ID}`)?.body).toEqual({ role: 'viewer' });
    expect(data.members.find((m) => m.userId === TEAMMATE_ID)?.role).toBe('viewer');
    data = await sendMessage('removeMember', { workspaceId: WORKSPACE_ID, userId: TEAMMATE_ID });
    expect(data.members.map((m) => m.userId)).toEqual([USER_ID]);
  });

  it('the last owner demoting themself gets last_owner as the service said it', async () => {
    const error = await failure(sendMessage('changeMemberRole', { workspaceId: WORKSPACE_ID, userId: USER_ID, role: 'admin' }));
    expect(error).toEqual({ code: 'last_owner', message: 'A workspace always needs at least one owner.' });
  });

  it('transferOwnership makes the other an owner, me an admin, and refreshes my stored role', async () => {
    const data = await sendMessage('transferOwnership', { workspaceId: WORKSPACE_ID, userId: TEAMMATE_ID });
    expect(sent('POST', `/api/v1/workspaces/${WORKSPACE_ID}/transfer-ownership`)?.body).toEqual({ userId: TEAMMATE_ID });
    expect(data.workspace.role).toBe('admin');
    expect((await workspacesItem.getValue()).find((w) => w.id === WORKSPACE_ID)?.role).toBe('admin');
  });

  it('leaveWorkspace answers a state without the workspace', async () => {
    const state = await sendMessage('leaveWorkspace', { workspaceId: WORKSPACE_ID });
    expect(state.workspaces.map((w) => w.id)).not.toContain(WORKSPACE_ID);
    expect(await defaultWorkspaceIdItem.getValue()).not.toBe(WORKSPACE_ID);
  });

  it('previewInvitation and acceptInvitation take the whole emailed link; the new workspace appears', async () => {
    const preview = await sendMessage('previewInvitation', { link: INVITE_LINK });
    expect(preview).toMatchObject({ workspaceName: 'Analytical Engines', role: 'editor' });
    expect(sent('GET', '/api/v1/invitations/preview?token=mni_invitation-token')).toBeDefined();
    const state = await sendMessage('acceptInvitation', { link: INVITE_LINK });
    expect(sent('POST', '/api/v1/invitations/accept')?.body).toEqual({ token: 'mni_invitation-token' });
    expect(state.workspaces.map((w) => w.id)).toContain(OTHER_WORKSPACE_ID);
  });

  it('a pasted text that is no invitation link is a field error before anything is sent', async () => {
    const error = await failure(sendMessage('previewInvitation', { link: 'https://example.com/hello' }));
    expect(error.fields).toEqual([{ path: 'link', message: 'must be the invitation link from the email' }]);
    expect(service.requests).toEqual([]);
    expect(invitationToken('  mni_abc  ')).toBe('mni_abc');
  });
});
