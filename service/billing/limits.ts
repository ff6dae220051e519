import type { Knex } from 'knex';
import { type LimitName, limitReachedText, PLANS, planThatLifts } from '#shared/billing/plans.js';
import type { Config } from '../config.js';
import { HttpError } from '../errors.js';
import { planOf } from './plan-state.js';
import { connectedAccountCount, mediaStorageBytes, memberCount, scheduledPostCount } from './usage.js';

type Db = Knex | Knex.Transaction;

/** What a limit's refusal needs of the configuration: where the plans page is, and whether plans can be bought. */
export type PlanSettings = Pick<Config, 'publicUrl' | 'billing'>;

/** Where the plans are shown (the body's `upgradeUrl` of plan_limit_reached); a public page, the same for everyone. */
export function upgradeUrl(publicUrl: string): string {
  return `${publicUrl}/billing/plans`;
}

/**
 * Throws 402 plan_limit_reached when the workspace would use `needed` of `limit`, more than its plan
 * allows. The sentence names the limit, the plan and the plan that lifts it.
 */
export async function assertPlanAllows(knex: Db, settings: PlanSettings, workspaceId: string, limit: LimitName, needed: number): Promise<void> {
  const plan = await planOf(knex, workspaceId);
  if (needed <= PLANS[plan].limits[limit]) return;
  const error = new HttpError('plan_limit_reached', limitReachedText(limit, plan, planThatLifts(limit, plan, needed), settings.billing !== undefined));
  error.upgradeUrl = upgradeUrl(settings.publicUrl);
  throw error;
}

/** Connecting `adding` more network accounts. */
export async function assertCanConnect(knex: Db, settings: PlanSettings, workspaceId: string, adding = 1): Promise<void> {
  await assertPlanAllows(knex, settings, workspaceId, 'connectedAccounts', (await connectedAccountCount(knex, workspaceId)) + adding);
}

/** Connecting these accounts of `platform`: only those new to the workspace count (reconnecting one never does). */
export async function assertCanConnectAccounts(knex: Db, settings: PlanSettings, workspaceId: string, platform: string, remoteIds: string[]): Promise<void> {
  const known = await knex('connectedAccounts').where({ workspaceId, platform }).whereIn('remoteId', remoteIds).whereNot('status', 'disconnected').count({ n: '*' }).first();
  const adding = remoteIds.length - Number(known?.n ?? 0);
  if (adding > 0) await assertCanConnect(knex, settings, workspaceId, adding);
}

/** Inviting (or adding) one more member. */
export async function assertCanAddMember(knex: Db, settings: PlanSettings, workspaceId: string): Promise<void> {
  await assertPlanAllows(knex, settings, workspaceId, 'members', (await memberCount(knex, workspaceId)) + 1);
}

/** Scheduling post `postId` for `dueAt`: one more post in that month, unless it already counts there. */
export async function assertCanSchedule(knex: Db, settings: PlanSettings, workspaceId: string, postId: string, dueAt: Date): Promise<void> {
  await assertPlanAllows(knex, settings, workspaceId, 'scheduledPostsPerMonth', (await scheduledPostCount(knex, workspaceId, dueAt, postId)) + 1);
}

/** Storing `bytes` more media. */
export async function assertCanStore(knex: Db, settings: PlanSettings, workspaceId: string, bytes: number): Promise<void> {
  await assertPlanAllows(knex, settings, workspaceId, 'mediaStorageBytes', (await mediaStorageBytes(knex, workspaceId)) + bytes);
}
