import type { Knex } from 'knex';
import type { z } from 'zod';
import type { SetTargetsInput } from '#shared/api/publishing.js';
import { bilingual } from '#shared/i18n.js';
import { PLATFORM_NAMES, type AccountStatus, type PlatformId } from '#shared/platforms.js';
import type { TargetOverrides } from '#shared/publishing/content.js';
import { parseOptions } from '#shared/publishing/validate.js';
import { type FieldProblem, HttpError } from '../errors.js';
import { assertTargetContent } from './check-target-content.js';
import { type TargetRow, loadMediaFacts, loadTargets, lockPost } from './load-post-targets.js';
import { refreshPostStatus } from './refresh-post-status.js';
import { assertChangeable } from './target-status.js';

type Input = z.output<typeof SetTargetsInput>;

/**
 * Makes `input.targets` the accounts the post goes to, with their overrides, in one transaction:
 * new accounts get a draft target, listed ones get the new overrides (a cancelled one comes back as a
 * draft), unlisted ones are removed. Published targets are history and stay whether listed or not; a
 * target being published or not yet confirmed cannot be changed or removed (409). Accounts must be
 * active connected accounts of the workspace; every target's content must fit its network (422).
 */
export async function setPostTargets(knex: Knex, workspaceId: string, postId: string, input: Input): Promise<{ postStatus: string; targets: TargetRow[] }> {
  return knex.transaction(async (trx) => {
    const post = await lockPost(trx, workspaceId, postId);
    const accounts = await loadAccounts(trx, workspaceId, input.targets.map((target) => target.accountId));
    const existing = new Map((await loadTargets(trx, postId, { lock: true })).map((target) => [target.accountId, target]));
    for (const target of input.targets) {
      const current = existing.get(target.accountId);
      if (current && current.status !== 'cancelled') assertChangeable(current);
    }
    const listed = new Set(input.targets.map((target) => target.accountId));
    const removed = [...existing.values()].filter((target) => !listed.has(target.accountId) && target.status !== 'published');
    for (const target of removed) if (target.status !== 'cancelled') assertChangeable(target, { removing: true });

    const overrides = input.targets.map(({ accountId: _, ...rest }) => compact(rest));
    assertTargetContent(
      post,
      input.targets.map((target, index) => {
        const account = accounts.get(target.accountId)!;
        return { key: index, accountId: target.accountId, accountName: account.name, platform: account.platform, overrides: overrides[index]! };
      }),
      await loadMediaFacts(trx, postId),
    );

    if (removed.length > 0) await trx('postTargets').whereIn('id', removed.map((target) => target.id)).delete();
    for (const [index, target] of input.targets.entries()) {
      const account = accounts.get(target.accountId)!;
      // Options are stored as their network reads them (defaults applied), so the publisher gets what was checked.
      const stored = { ...overrides[index]!, ...(overrides[index]!.options ? { options: parseOptions(account.platform, overrides[index]!.options!) } : {}) };
      const current = existing.get(target.accountId);
      if (!current) {
        // clock_timestamp, not the transaction's now(): targets list in the order they were given.
        await trx('postTargets').insert({ workspaceId, postId, accountId: target.accountId, platform: account.platform, overrides: stored, createdAt: trx.raw('clock_timestamp()') });
      } else if (current.status !== 'published') {
        await trx('postTargets').where('id', current.id).update({
          overrides: stored,
          ...(current.status === 'cancelled' ? { status: 'draft', dueAt: null, runAt: null } : {}),
          updatedAt: trx.fn.now(),
        });
      }
    }
    return { postStatus: await refreshPostStatus(trx, post.id), targets: await loadTargets(trx, postId) };
  });
}

/** The listed accounts of the workspace; unknown ones are named by position, inactive ones by name. */
async function loadAccounts(trx: Knex.Transaction, workspaceId: string, ids: string[]) {
  type Account = { id: string; platform: PlatformId; name: string; status: AccountStatus };
  const rows = ids.length === 0 ? [] : ((await trx('connectedAccounts').where('workspaceId', workspaceId).whereIn('id', ids).select('id', 'platform', 'name', 'status')) as Account[]);
  const accounts = new Map(rows.map((row) => [row.id, row]));
  const notConnected = { en: 'is not a connected account of this workspace', de: 'ist kein verbundenes Konto dieses Arbeitsbereichs' };
  const unknown: FieldProblem[] = ids.flatMap((id, index) => (accounts.has(id) ? [] : [{ path: `targets.${index}.accountId`, message: notConnected }]));
  if (unknown.length > 0) throw new HttpError('validation_failed', { en: 'Some of the chosen accounts are not connected to this workspace.', de: 'Einige der gewählten Konten sind nicht mit diesem Arbeitsbereich verbunden.' }, unknown);
  const inactive = rows.filter((row) => row.status !== 'active');
  if (inactive.length > 0) {
    const names = {
      en: inactive.map((row) => `${PLATFORM_NAMES[row.platform]} account “${row.name}”`).join(', '),
      de: inactive.map((row) => `${PLATFORM_NAMES[row.platform]}-Konto „${row.name}“`).join(', '),
    };
    throw new HttpError('account_unavailable', bilingual(inactive.length === 1
      ? { en: '{names} needs reconnecting before posts can go to it.', de: '{names} muss neu verbunden werden, bevor Beiträge dorthin gehen können.' }
      : { en: '{names} need reconnecting before posts can go to them.', de: '{names} müssen neu verbunden werden, bevor Beiträge dorthin gehen können.' }, { names }));
  }
  return accounts;
}

/** Overrides without the keys that were not given (stored jsonb stays small and means "the post's own"). */
function compact(overrides: TargetOverrides): TargetOverrides {
  return Object.fromEntries(Object.entries(overrides).filter(([, value]) => value !== undefined)) as TargetOverrides;
}
