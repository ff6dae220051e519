import type { Knex } from 'knex';
import type { z } from 'zod';
import type { ScheduleInput } from '#shared/api/publishing.js';
import type { TargetStatus } from '#shared/platforms.js';
import { HttpError } from '../errors.js';
import { formatLocalTime, fromLocal, parseLocalTime } from '#shared/time/zones.js';
import { assertTargetContent } from './check-target-content.js';
import { assertNoDuplicates } from './find-duplicate-posts.js';
import { type PostForTargets, loadMediaFacts, loadTargets, lockPost } from './load-post-targets.js';
import { refreshPostStatus } from './refresh-post-status.js';
import { lockQueue, nextQueueSlot } from './next-queue-slot.js';
import { assertChangeable, targetName } from './target-status.js';

type When = z.output<typeof ScheduleInput>;

/** A time given for 'at' may be this late (the minute the person picked has just begun). */
const PAST_GRACE_MS = 60_000;

/**
 * Schedules the post's draft (and already scheduled) targets for `when`: now, a wall-clock time in the
 * workspace's time zone, or its next free posting slot. Their content is checked again (the post may have
 * changed since the targets were set), accounts must be active, and the duplicate guard runs unless
 * `allowDuplicate`. Due time and run time are stored in UTC; the post becomes scheduled.
 */
export async function schedulePost(knex: Knex, workspaceId: string, postId: string, when: When) {
  return placeTargets(knex, workspaceId, postId, when, ['draft', 'scheduled']);
}

/** Moves the post's scheduled targets to another time (same rules as scheduling). */
export async function reschedulePost(knex: Knex, workspaceId: string, postId: string, when: When) {
  return placeTargets(knex, workspaceId, postId, when, ['scheduled']);
}

async function placeTargets(knex: Knex, workspaceId: string, postId: string, when: When, statuses: TargetStatus[]) {
  return knex.transaction(async (trx) => {
    const post = await lockPost(trx, workspaceId, postId);
    if (post.status === 'archived') throw new HttpError('post_archived');
    const all = await loadTargets(trx, postId, { lock: true });
    if (all.length === 0) throw new HttpError('no_targets');
    const locked = all.find((target) => target.status === 'publishing');
    if (locked) assertChangeable(locked);
    const targets = all.filter((target) => statuses.includes(target.status));
    if (targets.length === 0) {
      throw new HttpError('target_status_conflict', statuses.includes('draft')
        ? 'Nothing of this post waits to be scheduled: its channels are published, failed or cancelled. Retry a failed one instead.'
        : 'Nothing of this post is scheduled, so there is nothing to move. Schedule it instead.');
    }
    const inactive = targets.find((target) => target.accountStatus !== 'active');
    if (inactive) throw new HttpError('account_unavailable', `${targetName(inactive)} needs reconnecting before posts can go to it.`);
    assertTargetContent(post, targets.map((target) => ({ key: target.accountId, ...target })), await loadMediaFacts(trx, postId));
    const dueAt = await resolveWhen(trx, workspaceId, post, when);
    if (!when.allowDuplicate) await assertNoDuplicates(trx, post, targets, dueAt);
    await trx('postTargets')
      .whereIn('id', targets.map((target) => target.id))
      .update({ status: 'scheduled', dueAt, runAt: dueAt, failureKind: null, failureCode: null, failureMessage: null, updatedAt: trx.fn.now() });
    return { postStatus: await refreshPostStatus(trx, post.id), targets: await loadTargets(trx, postId) };
  });
}

/** The instant `when` stands for, in UTC. */
async function resolveWhen(trx: Knex.Transaction, workspaceId: string, post: PostForTargets, when: When): Promise<Date> {
  const now = new Date();
  if (when.when === 'now') return now;
  if (when.when === 'queue') {
    await lockQueue(trx, workspaceId);
    const slot = await nextQueueSlot(trx, workspaceId, { after: now, exceptPostId: post.id });
    if (!slot) throw new HttpError('no_posting_slots');
    return slot.at;
  }
  const { timeZone } = (await trx('workspaces').where('id', workspaceId).first('timeZone')) as { timeZone: string };
  const local = parseLocalTime(when.localTime);
  if (!local) throw invalidTime(`${when.localTime} is not a date and time on the calendar.`);
  const instant = fromLocal(local, timeZone);
  if (instant.gap) {
    throw invalidTime(`${formatLocalTime(local).replace('T', ' ')} does not exist in ${timeZone}: the clocks skip that hour for daylight saving time. Pick another time.`);
  }
  if (instant.instant.getTime() < now.getTime() - PAST_GRACE_MS) {
    throw invalidTime(`${formatLocalTime(local).replace('T', ' ')} in ${timeZone} has already passed. Pick a time in the future, or publish now.`);
  }
  return instant.instant;
}

function invalidTime(message: string): HttpError {
  return new HttpError('schedule_time_invalid', message, [{ path: 'localTime', message }]);
}
