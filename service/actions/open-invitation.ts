import type { Knex } from 'knex';
import { HttpError } from '../errors.js';
import { invitationTokenHash, looksLikeInvitationToken } from '../lib/invitation-tokens.js';

/** An invitation that can still be accepted, with what the invited person is shown. */
export interface OpenInvitation {
  id: string;
  workspaceId: string;
  workspaceName: string;
  email: string;
  role: 'owner' | 'admin' | 'editor' | 'viewer';
  inviterName: string | null;
  expiresAt: Date;
}

/**
 * The invitation behind a link's token, if it can still be accepted. Otherwise a clear refusal:
 * 404 invitation_not_found (no such token), 410 invitation_used, invitation_revoked (withdrawn or
 * replaced) or invitation_expired. With `lock`, the row stays locked until the transaction ends, so
 * two acceptances of one link cannot both succeed (single use).
 */
export async function openInvitation(
  knex: Knex,
  appSecret: string,
  token: string,
  options: { lock?: boolean } = {},
): Promise<OpenInvitation> {
  if (!looksLikeInvitationToken(token)) throw new HttpError('invitation_not_found');
  const query = knex('invitations as i')
    .join('workspaces as w', 'w.id', 'i.workspaceId')
    .leftJoin('users as u', 'u.id', 'i.invitedBy')
    .where('i.tokenHash', invitationTokenHash(appSecret, token))
    .select(
      'i.id', 'i.workspaceId', 'w.name as workspaceName', 'i.email', 'i.role', 'i.expiresAt', 'i.acceptedAt', 'i.revokedAt',
      'u.firstName as inviterFirstName', 'u.lastName as inviterLastName',
      knex.raw('i.expires_at <= now() as expired'),
    );
  if (options.lock) query.forUpdate('i');
  const row = (await query.first()) as
    | (Omit<OpenInvitation, 'inviterName'> & {
        acceptedAt: Date | null;
        revokedAt: Date | null;
        expired: boolean;
        inviterFirstName: string | null;
        inviterLastName: string | null;
      })
    | undefined;
  if (!row) throw new HttpError('invitation_not_found');
  if (row.acceptedAt) throw new HttpError('invitation_used');
  if (row.revokedAt) throw new HttpError('invitation_revoked');
  if (row.expired) throw new HttpError('invitation_expired');
  return {
    id: row.id,
    workspaceId: row.workspaceId,
    workspaceName: row.workspaceName,
    email: row.email,
    role: row.role,
    inviterName: row.inviterFirstName === null ? null : `${row.inviterFirstName} ${row.inviterLastName ?? ''}`.trim(),
    expiresAt: row.expiresAt,
  };
}
