import type { Knex } from 'knex';
import { PLATFORM_NAMES, type PlatformId } from '#shared/platforms.js';
import { enqueueEmail } from '../email/outbox.js';

/**
 * Marks an account "reconnect needed" with a reason people can act on, and — the first time since it was
 * last connected — emails the workspace's owners and admins (once: `reconnect_notified_at` is set in the
 * same transaction, and reconnecting clears it). Safe to call from several workers at once.
 */
export async function markReconnectNeeded(knex: Knex | Knex.Transaction, accountId: string, reason: string): Promise<void> {
  await knex.transaction(async (trx) => {
    const [account] = (await trx('connected_accounts')
      .where('id', accountId)
      .where('status', 'active')
      .update({ status: 'reconnect_needed', statusReason: reason, refreshLeaseOwner: null, refreshLeaseExpiresAt: null, updatedAt: trx.fn.now() })
      .returning(['id', 'workspaceId', 'platform', 'name', 'username', 'reconnectNotifiedAt'])) as Array<{
      id: string;
      workspaceId: string;
      platform: PlatformId;
      name: string;
      username: string | null;
      reconnectNotifiedAt: Date | null;
    }>;
    if (!account || account.reconnectNotifiedAt) return;
    await trx('connected_accounts').where('id', account.id).update({ reconnectNotifiedAt: trx.fn.now() });
    const workspace = (await trx('workspaces').where('id', account.workspaceId).first('name')) as { name: string };
    const recipients = (await trx('memberships as m')
      .join('users as u', 'u.id', 'm.userId')
      .where('m.workspaceId', account.workspaceId)
      .whereIn('m.role', ['owner', 'admin'])
      .select('u.id', 'u.email', 'u.firstName')) as Array<{ id: string; email: string; firstName: string }>;
    const notifiedAt = Date.now();
    for (const person of recipients) {
      await enqueueEmail(trx, {
        template: 'account-reconnect',
        to: person.email,
        userId: person.id,
        data: {
          firstName: person.firstName,
          workspaceName: workspace.name,
          network: PLATFORM_NAMES[account.platform],
          accountName: account.username ? `@${account.username}` : account.name,
          reason,
        },
        dedupeKey: `account-reconnect:${account.id}:${person.id}:${notifiedAt}`,
      });
    }
  });
}
