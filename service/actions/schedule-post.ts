import type { Knex } from 'knex';
import type { z } from 'zod';
import type { ScheduleInput } from '#shared/api/publishing.js';
import { type Bilingual, bilingual } from '#shared/i18n.js';
import type { TargetStatus } from '#shared/platforms.js';
import { HttpError } from '../errors.js';
import { assertCanSchedule, type PlanSettings } from '../billing/limits.js';
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
export async function schedulePost(knex: Knex, workspaceId: string, postId: string, when: When, plans: PlanSettings) {
  return placeTargets(knex, workspaceId, postId, when, ['draft', 'scheduled'], plans);
}

/** Moves the post's scheduled targets to another time (same rules as scheduling). */
export async function reschedulePost(knex: Knex, workspaceId: string, postId: string, when: When, plans: PlanSettings) {
  return placeTargets(knex, workspaceId, postId, when, ['scheduled'], plans);
}

async function placeTargets(knex: Knex, workspaceId: string, postId: string, when: When, statuses: TargetStatus[], plans: PlanSettings) {
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
        ? {
          en: 'Nothing of this post waits to be scheduled: its channels are published, failed or cancelled. Retry a failed one instead.',
          de: 'Nichts an diesem Beitrag wartet auf die Planung: Seine Kanäle sind veröffentlicht, fehlgeschlagen oder abgebrochen. Wiederholen Sie stattdessen einen fehlgeschlagenen.',
        }
        : { en: 'Nothing of this post is scheduled, so there is nothing to move. Schedule it instead.', de: 'Nichts an diesem Beitrag ist geplant, es gibt also nichts zu verschieben. Planen Sie ihn stattdessen.' });
    }
    const inactive = targets.find((target) => target.accountStatus !== 'active');
    if (inactive) throw new HttpError('account_unavailable', bilingual({ en: '{account} needs reconnecting before posts can go to it.', de: '{account} muss neu verbunden werden, bevor Beiträge dorthin gehen können.' }, { account: targetName(inactive) }));
    assertTargetContent(post, targets.map((target) => ({ key: target.accountId, ...target })), await loadMediaFacts(trx, postId));
    const dueAt = await resolveWhen(trx, workspaceId, post, when);
    // The plan's scheduled posts per month (402 plan_limit_reached); a post already counted in that month is not counted again.
    await assertCanSchedule(trx, plans, workspaceId, postId, dueAt);
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
  if (!local) throw invalidTime(bilingual({ en: '{time} is not a date and time on the calendar.', de: '{time} ist kein Datum mit Uhrzeit, das es im Kalender gibt.' }, { time: when.localTime }));
  const instant = fromLocal(local, timeZone);
  if (instant.gap) {
    throw invalidTime(bilingual({
      en: '{time} does not exist in {zone}: the clocks skip that hour for daylight saving time. Pick another time.',
      de: '{time} gibt es in {zone} nicht: Die Uhren überspringen diese Stunde für die Sommerzeit. Wählen Sie eine andere Zeit.',
    }, { time: formatLocalTime(local).replace('T', ' '), zone: timeZone }));
  }
  if (instant.instant.getTime() < now.getTime() - PAST_GRACE_MS) {
    throw invalidTime(bilingual({
      en: '{time} in {zone} has already passed. Pick a time in the future, or publish now.',
      de: '{time} in {zone} ist bereits vorbei. Wählen Sie eine Zeit in der Zukunft oder veröffentlichen Sie jetzt.',
    }, { time: formatLocalTime(local).replace('T', ' '), zone: timeZone }));
  }
  return instant.instant;
}

function invalidTime(message: Bilingual): HttpError {
  return new HttpError('schedule_time_invalid', message, [{ path: 'localTime', message }]);
}
