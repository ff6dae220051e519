import type { Knex } from 'knex';
import type { LimitName } from '#shared/billing/plans.js';

type Db = Knex | Knex.Transaction;

/** The first instant of the UTC calendar month of `at`, and of the month after. */
export function monthOf(at: Date): { start: Date; end: Date } {
  return { start: new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), 1)), end: new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth() + 1, 1)) };
}

/** Accounts that count against the plan: every one not disconnected. */
export async function connectedAccountCount(knex: Db, workspaceId: string): Promise<number> {
  const row = await knex('connectedAccounts').where({ workspaceId }).whereNot('status', 'disconnected').count({ n: '*' }).first();
  return Number(row?.n ?? 0);
}

/** Members, and pending invitations (each becomes a member on acceptance). */
export async function memberCount(knex: Db, workspaceId: string): Promise<number> {
  const members = await knex('memberships').where({ workspaceId }).count({ n: '*' }).first();
  const pending = await knex('invitations').where({ workspaceId }).whereNull('acceptedAt').whereNull('revokedAt').where('expiresAt', '>', knex.fn.now()).count({ n: '*' }).first();
  return Number(members?.n ?? 0) + Number(pending?.n ?? 0);
}

/**
 * Posts with a channel due in the UTC calendar month of `at` that was scheduled (published, failed and
 * everything in between count; drafts and cancelled channels do not), apart from `exceptPostId`.
 */
export async function scheduledPostCount(knex: Db, workspaceId: string, at: Date, exceptPostId?: string): Promise<number> {
  const { start, end } = monthOf(at);
  const query = knex('postTargets')
    .where({ workspaceId })
    .whereNotIn('status', ['draft', 'cancelled'])
    .where('dueAt', '>=', start)
    .where('dueAt', '<', end)
    .countDistinct({ n: 'postId' });
  if (exceptPostId) query.whereNot('postId', exceptPostId);
  const row = await query.first();
  return Number(row?.n ?? 0);
}

/** Bytes of the workspace's media library. */
export async function mediaStorageBytes(knex: Db, workspaceId: string): Promise<number> {
  const row = await knex('media').where({ workspaceId }).sum({ n: 'sizeBytes' }).first();
  return Number(row?.n ?? 0);
}

/** Everything a plan limits, as used now (scheduled posts: this month). */
export async function usageOf(knex: Db, workspaceId: string, now = new Date()): Promise<Record<LimitName, number>> {
  const [connectedAccounts, members, scheduledPostsPerMonth, storage] = await Promise.all([
    connectedAccountCount(knex, workspaceId),
    memberCount(knex, workspaceId),
    scheduledPostCount(knex, workspaceId, now),
    mediaStorageBytes(knex, workspaceId),
  ]);
  return { connectedAccounts, members, scheduledPostsPerMonth, mediaStorageBytes: storage };
}
