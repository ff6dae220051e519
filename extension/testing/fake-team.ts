import type { Invitation } from '#shared/api/invitations.js';
import type { Member } from '#shared/api/workspaces.js';
import type { Role } from '#shared/roles.js';
import { errorBody, type FakeAnswer, type ReceivedRequest } from './fake-service.js';
import { me, OTHER_WORKSPACE_ID, USER_ID, WORKSPACE_ID } from './fixtures.js';

export const TEAMMATE_ID = '55555555-5555-4555-8555-555555555555';
export const INVITATION_ID = '66666666-6666-4666-8666-666666666666';
export const INVITE_LINK = 'http://localhost:8787/invitations/accept?token=mni_invitation-token';

/**
 * A small in-memory stand-in for the service's team endpoints (members, invitations, workspaces),
 * enough for the options page to be driven like against the real one. The service's own rules are
 * tested in the service; this keeps only what the page must react to.
 */
export class FakeTeam {
  myRole: Role = 'owner';
  workspaceName = 'Team';
  members: Member[] = [];
  invitations: Invitation[] = [];
  joinedOther = false;

  constructor() {
    this.reset();
  }

  reset(myRole: Role = 'owner'): void {
    this.myRole = myRole;
    this.joinedOther = false;
    this.members = [
      { userId: USER_ID, firstName: 'Ada', lastName: 'Lovelace', avatarUrl: null, role: myRole, joinedAt: '2025-01-01T00:00:00.000Z' },
      { userId: TEAMMATE_ID, firstName: 'Grace', lastName: 'Hopper', avatarUrl: null, role: 'editor', joinedAt: '2025-01-02T00:00:00.000Z' },
    ];
    this.invitations = [
      {
        id: INVITATION_ID,
        email: 'pending@example.com',
        role: 'viewer',
        invitedBy: { id: USER_ID, firstName: 'Ada', lastName: 'Lovelace' },
        createdAt: '2025-01-03T00:00:00.000Z',
        expiresAt: '2099-01-10T00:00:00.000Z',
      },
    ];
  }

  /** Answers the team routes; null for anything else. */
  answer(request: ReceivedRequest): FakeAnswer | null {
    const route = `${request.method} ${request.path.split('?')[0]}`;
    const ws = `/api/v1/workspaces/${WORKSPACE_ID}`;
    const body = request.body as Record<string, string> | undefined;
    const mine = this.members.find((member) => member.userId === USER_ID);
    // Like the service: leaving moves the default workspace away from the one left.
    if (route === 'GET /api/v1/me') return { status: 200, json: { ...me, defaultWorkspaceId: mine ? WORKSPACE_ID : null } };
    if (route === 'GET /api/v1/workspaces') {
      const items = [];
      if (mine) items.push({ id: WORKSPACE_ID, name: this.workspaceName, role: mine.role, createdAt: me.createdAt });
      if (this.joinedOther) items.push({ id: OTHER_WORKSPACE_ID, name: 'Analytical Engines', role: 'editor', createdAt: me.createdAt });
      return { status: 200, json: { items } };
    }
    if (route === `GET ${ws}`) {
      return mine ? { status: 200, json: { id: WORKSPACE_ID, name: this.workspaceName, role: mine.role, createdAt: me.createdAt } } : notFound();
    }
    if (route === `GET ${ws}/members`) return { status: 200, json: { items: this.members } };
    if (route === `GET ${ws}/invitations`) return { status: 200, json: { items: this.invitations } };
    if (route === `POST ${ws}/invitations`) {
      if (!body?.email?.includes('@')) {
        return { status: 400, json: errorBody('validation_failed', 'Some fields are missing or not valid.', [{ path: 'email', message: 'must be an email address like name@example.com' }]) };
      }
      if (body.email === 'grace@example.com') {
        return { status: 409, json: errorBody('already_member', 'grace@example.com is already a member of this workspace.', [{ path: 'email', message: 'belongs to someone who is already a member' }]) };
      }
      const invitation: Invitation = { ...this.invitations[0]!, id: crypto.randomUUID(), email: body.email, role: body.role as Role };
      this.invitations = [invitation, ...this.invitations.filter((i) => i.email !== body.email)];
      return { status: 201, json: invitation };
    }
    const revoke = new RegExp(`^DELETE ${ws}/invitations/(.+)$`).exec(route);
    if (revoke) {
      this.invitations = this.invitations.filter((invitation) => invitation.id !== revoke[1]);
      return { status: 204 };
    }
    const member = new RegExp(`^(PATCH|DELETE) ${ws}/members/(.+)$`).exec(route);
    if (member) {
      const target = this.members.find((m) => m.userId === member[2]);
      if (!target) return notFound();
      if (member[1] === 'DELETE') {
        this.members = this.members.filter((m) => m !== target);
        return { status: 204 };
      }
      if (target.role === 'owner' && body?.role !== 'owner' && this.members.filter((m) => m.role === 'owner').length === 1) {
        return { status: 409, json: errorBody('last_owner', 'A workspace always needs at least one owner.') };
      }
      target.role = body!.role as Role;
      return { status: 200, json: target };
    }
    if (route === `POST ${ws}/transfer-ownership`) {
      this.members.find((m) => m.userId === body?.userId)!.role = 'owner';
      mine!.role = 'admin';
      return { status: 200, json: { id: WORKSPACE_ID, name: this.workspaceName, role: 'admin', createdAt: me.createdAt } };
    }
    if (route === `POST ${ws}/leave`) {
      this.members = this.members.filter((m) => m.userId !== USER_ID);
      return { status: 204 };
    }
    if (route === 'GET /api/v1/invitations/preview') {
      return request.path.includes('mni_invitation-token')
        ? { status: 200, json: { workspaceName: 'Analytical Engines', inviterName: 'Grace Hopper', role: 'editor', email: me.email, expiresAt: '2099-01-10T00:00:00.000Z' } }
        : { status: 410, json: errorBody('invitation_expired', 'This invitation has expired. Ask the person who invited you to send a new one.') };
    }
    if (route === 'POST /api/v1/invitations/accept') {
      this.joinedOther = true;
      return { status: 200, json: { workspace: { id: OTHER_WORKSPACE_ID, name: 'Analytical Engines', role: 'editor', createdAt: me.createdAt } } };
    }
    return null;
  }
}

function notFound(): FakeAnswer {
  return { status: 404, json: errorBody('not_found', 'We could not find that.') };
}
