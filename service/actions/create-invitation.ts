import type { Knex } from 'knex';
import { raw } from 'objection';
import { INVITATION_LIFETIME_DAYS } from '#shared/api/invitations.js';
import { bilingual } from '#shared/i18n.js';
import type { Role } from '#shared/roles.js';
import { assertCanAddMember } from '../billing/limits.js';
import type { Config } from '../config.js';
import { enqueueEmail } from '../email/outbox.js';
import { HttpError } from '../errors.js';
import { invitationAcceptUrl, invitationTokenHash, newInvitationToken } from '../lib/invitation-tokens.js';
import { type RateLimitRule, hitRateLimit } from '../lib/rate-limits.js';
import { Invitation } from '../models/invitation.js';
import { lockMemberships } from './lock-memberships.js';
import { rateLimitedError } from './rate-limited.js';
import { recordAuditEvent } from './record-audit-event.js';

/** Invitations send email to addresses a member typed: bounded per workspace so nobody can spam through us. */
export const INVITATION_LIMIT: RateLimitRule = { limit: 50, windowSeconds: 60 * 60 };

/** Who invites whom, where, with which role. */
export interface InviteRequest {
  workspaceId: string;
  inviter: { id: string; firstName: string; lastName: string };
  email: string;
  role: Role;
}

/** Service settings the invitation needs: the key of token hashes and where links point. */
export interface InviteSettings {
  appSecret: string;
  publicUrl: string;
  /** Billing as configured (the plan's member limit: its sentence says whether plans can be bought). */
  billing?: Config['billing'];
}

/**
 * Invites `email` to the workspace with `role`. Admins and owners may invite; only an owner may invite
 * an owner (403 forbidden). An address that already belongs to a member is refused (409 already_member);
 * a pending invitation of the same address is replaced (revoked, its link stops working). In one
 * transaction: the invitation (only its token's HMAC stored; expires in 7 days), the email with the
 * accept link in the outbox, and the audit event. 50 invitations per workspace per hour, then 429.
 */
export async function createInvitation(knex: Knex, settings: InviteSettings, request: InviteRequest): Promise<Invitation> {
  const limit = await hitRateLimit(knex, `invite:workspace:${request.workspaceId}`, INVITATION_LIMIT);
  if (limit.count > INVITATION_LIMIT.limit) {
    throw rateLimitedError({ en: 'This workspace has sent many invitations in the last hour.', de: 'Dieser Arbeitsbereich hat in der letzten Stunde viele Einladungen verschickt.' }, limit.retryAfterSeconds);
  }
  const token = newInvitationToken();
  return knex.transaction(async (trx) => {
    // The lock serialises invitations with role changes and removals of the same workspace, so the
    // "already a member" check and the replacement of a pending invitation see a settled membership.
    const locked = await lockMemberships(trx, request.workspaceId);
    const inviterRole = locked.roleOf(request.inviter.id);
    if (!inviterRole) throw new HttpError('not_found');
    if (inviterRole !== 'owner' && inviterRole !== 'admin') throw new HttpError('forbidden', { en: 'Only admins and owners can invite people.', de: 'Nur Admins und Inhaber können Personen einladen.' });
    if (request.role === 'owner' && inviterRole !== 'owner') throw new HttpError('forbidden', { en: 'Only an owner can invite someone as an owner.', de: 'Nur ein Inhaber kann jemanden als Inhaber einladen.' });
    const account = await trx('users').where('email', request.email).first<{ id: string } | undefined>('id');
    if (account && locked.roleOf(account.id)) {
      throw new HttpError('already_member', bilingual({ en: '{email} is already a member of this workspace.', de: '{email} ist bereits Mitglied dieses Arbeitsbereichs.' }, { email: request.email }), [
        { path: 'email', message: { en: 'belongs to someone who is already a member', de: 'gehört jemandem, der bereits Mitglied ist' } },
      ]);
    }
    await trx('invitations')
      .where({ workspaceId: request.workspaceId, email: request.email, acceptedAt: null, revokedAt: null })
      .update({ revokedAt: trx.fn.now(), revokedBy: request.inviter.id });
    // The plan's limit of members, pending invitations included (402 plan_limit_reached).
    await assertCanAddMember(trx, settings, request.workspaceId);
    const invitation = await Invitation.query(trx)
      .insert({
        workspaceId: request.workspaceId,
        email: request.email,
        role: request.role,
        tokenHash: invitationTokenHash(settings.appSecret, token),
        invitedBy: request.inviter.id,
        // From the database clock, exactly the lifetime after created_at (both are now() in this transaction).
        expiresAt: raw('now() + make_interval(days => ?)', [INVITATION_LIFETIME_DAYS]) as unknown as Date,
      })
      .returning('*');
    const workspace = await trx('workspaces').where('id', request.workspaceId).first<{ name: string }>('name');
    await enqueueEmail(trx, {
      template: 'invitation',
      to: request.email,
      userId: account?.id ?? null,
      data: {
        inviterName: `${request.inviter.firstName} ${request.inviter.lastName}`,
        workspaceName: workspace.name,
        role: request.role,
        acceptUrl: invitationAcceptUrl(settings.publicUrl, token),
        expiresAt: formatDate(invitation.expiresAt),
      },
      dedupeKey: `invitation:${invitation.id}`,
    });
    await recordAuditEvent(trx, {
      workspaceId: request.workspaceId,
      actorId: request.inviter.id,
      action: 'member.invited',
      details: { invitationId: invitation.id, email: request.email, role: request.role },
    });
    return invitation;
  });
}

/** "5 December 2026" (UTC), how the email states the expiry. */
function formatDate(date: Date): string {
  return date.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
}
