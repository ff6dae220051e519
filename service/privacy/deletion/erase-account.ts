import { randomUUID } from 'node:crypto';
import type { Knex } from 'knex';
import { revokeAtNetwork } from '../../actions/disconnect-account.js';
import { revokeAtVendor } from '../../actions/disconnect-integration.js';
import { removeEmailContact } from '../../email/contacts.js';
import type { JobDeps } from '../../jobs/types.js';
import { removeParts } from '../../media/upload-parts.js';
import type { ConnectedAccount } from '../../models/connected-account.js';
import type { IntegrationConnection } from '../../models/integration-connection.js';
import { toMediaUploadRow } from '../../models/media-upload.js';
import { planSuccession } from './succession.js';

/** Rows deleted per statement where a person may have many (usage events): no long locks. */
const BATCH = 5000;

/**
 * Deletes an account after its cooling-off period (P18). Every step is idempotent and runs in an order
 * that a crash can resume from: what needs a row (a token to revoke, a file's key) is done before the
 * row goes, and the account row itself goes last, so the next run finds the account and starts again.
 *
 * What stays, and why:
 * - billing records (7 years, tax law; they never name a person) and the Stripe customer (P18);
 * - legal acceptances, pseudonymised: a random pseudonym instead of the user id, plus the deletion date;
 *   purged 5 years later (P19, see retention.ts);
 * - security incident notices (the duty to show who was told of a breach, and when; P32), without the
 *   account (user_id goes null through the foreign key);
 * - privacy requests (the duty to show a request was answered; P30), without the account;
 * - in workspaces shared with others: the team's content, no longer attributed to the person
 *   (created_by, uploaded_by, connected_by, invited_by… go null through their foreign keys).
 */
export async function eraseAccount(deps: Pick<JobDeps, 'knex' | 'config' | 'logger' | 'storage'>, userId: string): Promise<void> {
  const { knex } = deps;
  const user = (await knex('users').where({ id: userId }).first('id', 'email', 'firstName', 'lastName', 'avatarKey', 'avatarThumbnailKey')) as
    | { id: string; email: string; firstName: string; lastName: string; avatarKey: string | null; avatarThumbnailKey: string | null }
    | undefined;
  if (!user) return;
  const plan = await planSuccession(knex, userId);
  const solo = plan.filter((entry) => entry.outcome === 'delete').map((entry) => entry.workspaceId);

  // 1. Revoke before deleting (P18): Canva and Google Drive grants, then the network accounts of the
  //    workspaces that go. Shared workspaces keep their accounts: they are the team's.
  await revokeIntegrations(deps, userId);
  await revokeNetworkAccounts(deps, solo);

  // 2. Shared workspaces carry on without the person.
  await passOwnership(knex, userId);

  // 3. Files in storage, while their rows still say where they are.
  for (const workspaceId of solo) await deleteWorkspace(deps, workspaceId);
  await deleteFiles(deps, [user.avatarKey, user.avatarThumbnailKey]);
  await knex('users').where({ id: userId }).update({ avatarKey: null, avatarThumbnailKey: null, avatarMimeType: null, avatarSource: null });
  for (const row of (await knex('dataExports').where({ userId }).whereNotNull('storageKey').select('id', 'storageKey')) as Array<{ id: string; storageKey: string }>) {
    await deps.storage.delete(row.storageKey);
    await knex('dataExports').where({ id: row.id }).delete();
  }

  // 4. The Resend contact (P13); throws when Resend cannot be reached, so the next run retries.
  await removeEmailContact(deps, user.email);

  // 5. Rows that may be many, in short batches.
  await deleteInBatches(knex, 'usage_events', 'user_id = ?', [userId]);

  // 6. The account, and what names it outside its own rows, in one transaction.
  const address = user.email.toLowerCase();
  await knex.transaction(async (trx) => {
    await trx('legalAcceptances').where({ userId }).update({ userId: null, pseudonym: randomUUID(), accountDeletedAt: trx.fn.now() });
    // Emails to the person, and emails to others that name them (an invitation carries the inviter's name).
    await trx('emailOutbox')
      .where({ userId })
      .orWhereRaw('lower(to_email) = ?', [address])
      .orWhereRaw('strpos(lower(data::text), ?) > 0', [`${user.firstName} ${user.lastName}`.toLowerCase()])
      .orWhereRaw('strpos(lower(data::text), ?) > 0', [address])
      .delete();
    await trx('emailSuppressions').whereRaw('lower(email) = ?', [address]).delete();
    // Invitations to the person (pending, or the record of one they accepted) hold their address.
    await trx('invitations').whereRaw('lower(email) = ?', [address]).delete();
    await trx('rateLimitBuckets').where('key', 'like', `%${userId}%`).orWhere('key', 'like', `%${address}%`).delete();
    await trx('users').where({ id: userId }).delete();
  });
  deps.logger.info('account deleted after its cooling-off period', { deletedWorkspaces: solo.length });
}

/** Revokes the person's Canva and Google Drive grants at the vendor, then deletes each connection. */
async function revokeIntegrations(deps: Pick<JobDeps, 'knex' | 'config' | 'logger'>, userId: string): Promise<void> {
  const connections = (await deps.knex('integrationConnections').where({ userId })) as IntegrationConnection[];
  for (const connection of connections) {
    await revokeAtVendor(deps.config, deps.logger, connection);
    await deps.knex('integrationConnections').where({ id: connection.id }).delete();
  }
}

/** Revokes the tokens of the network accounts of `workspaceIds` where the network offers it, then forgets them. */
async function revokeNetworkAccounts(deps: Pick<JobDeps, 'knex' | 'config' | 'logger'>, workspaceIds: string[]): Promise<void> {
  if (workspaceIds.length === 0) return;
  const accounts = (await deps.knex('connectedAccounts').whereIn('workspaceId', workspaceIds).whereNotNull('credentials')) as ConnectedAccount[];
  for (const account of accounts) {
    // Facebook revokes per person, not per Page: another Page of the same login elsewhere would end too.
    const sharesLogin =
      account.platform === 'facebook' &&
      (await deps.knex('connectedAccounts').where({ platform: 'facebook', connectedBy: account.connectedBy, status: 'active' }).whereNotIn('workspaceId', workspaceIds).first('id')) !== undefined;
    if (!sharesLogin) await revokeAtNetwork(deps.config, deps.logger, account);
    await deps.knex('connectedAccounts')
      .where({ id: account.id })
      .update({ status: 'disconnected', credentials: null, credentialsKeyId: null, accessExpiresAt: null, updatedAt: deps.knex.fn.now() });
  }
}

/**
 * Where the person is the last owner of a workspace with other members, the longest-standing admin
 * becomes owner. Should no admin be left by now (one left during the cooling-off period), the
 * longest-standing member takes over rather than the team losing its content.
 */
async function passOwnership(knex: Knex, userId: string): Promise<void> {
  for (const entry of await planSuccession(knex, userId)) {
    if (entry.outcome !== 'pass' && entry.outcome !== 'blocked') continue;
    await knex.transaction(async (trx) => {
      const members = (await trx('memberships').where({ workspaceId: entry.workspaceId }).orderBy('userId').forUpdate().select('userId', 'role', 'createdAt')) as Array<{
        userId: string;
        role: string;
        createdAt: Date;
      }>;
      const others = members.filter((member) => member.userId !== userId).sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
      if (others.length === 0 || others.some((member) => member.role === 'owner')) return;
      const heir = others.find((member) => member.role === 'admin') ?? others[0]!;
      await trx('memberships').where({ workspaceId: entry.workspaceId, userId: heir.userId }).update({ role: 'owner' });
      await trx('auditEvents').insert({
        workspaceId: entry.workspaceId,
        actorId: null,
        action: 'ownership.transferred',
        targetUserId: heir.userId,
        details: JSON.stringify({ targetPreviousRole: heir.role, reason: 'the previous owner deleted their account' }),
      });
    });
  }
}

/** Deletes a workspace only the person belonged to: its media files and upload parts, then its rows (cascade). */
async function deleteWorkspace(deps: Pick<JobDeps, 'knex' | 'storage'>, workspaceId: string): Promise<void> {
  const { knex } = deps;
  const media = (await knex('media').where({ workspaceId }).select('storageKey', 'thumbnailKey')) as Array<{ storageKey: string; thumbnailKey: string | null }>;
  await deleteFiles(deps, media.flatMap((row) => [row.storageKey, row.thumbnailKey]));
  for (const upload of (await knex('mediaUploads').where({ workspaceId })).map(toMediaUploadRow)) await removeParts(deps.storage, upload);
  await knex('workspaces').where({ id: workspaceId }).delete();
}

async function deleteFiles(deps: Pick<JobDeps, 'storage'>, keys: Array<string | null>): Promise<void> {
  for (const key of keys) if (key) await deps.storage.delete(key);
}

/** `delete from <table> where <condition>` a batch at a time, each its own short statement. */
export async function deleteInBatches(knex: Knex, table: string, condition: string, bindings: Knex.Value[], batch = BATCH): Promise<number> {
  let deleted = 0;
  for (;;) {
    const { rowCount } = (await knex.raw(`delete from ?? where ctid = any(array(select ctid from ?? where ${condition} limit ? for update skip locked))`, [
      table,
      table,
      ...bindings,
      batch,
    ])) as { rowCount: number };
    deleted += rowCount;
    if (rowCount < batch) return deleted;
  }
}
