import type { Knex } from 'knex';
import type { PostingSlot } from '#shared/api/publishing.js';
import { addDays, fromLocal, type LocalTime, toLocal } from '#shared/time/zones.js';

/** A posting slot as an instant, with the wall-clock time it is in the workspace's time zone. */
export interface QueueSlot {
  at: Date;
  local: LocalTime;
  timeZone: string;
}

/** How far ahead the queue looks for a free slot (a year of weeks). */
const HORIZON_DAYS = 371;
/** Statuses that hold a slot: a target waiting for it or being published in it. */
const HOLDING = ['scheduled', 'publishing', 'unconfirmed'];

/**
 * The workspace's next weekly posting slot after `after` that no waiting target of another post holds;
 * null when the workspace has no slots (or every slot of the coming year is taken). A slot whose local
 * time does not exist that day (spring-forward gap) is skipped. Callers that then take the slot hold the
 * workspace row lock (see lockQueue) so two requests never pick the same one.
 */
export async function nextQueueSlot(knex: Knex, workspaceId: string, options: { after: Date; exceptPostId?: string }): Promise<QueueSlot | null> {
  const workspace = (await knex('workspaces').where('id', workspaceId).first('timeZone', 'postingSlots')) as { timeZone: string; postingSlots: PostingSlot[] };
  if (workspace.postingSlots.length === 0) return null;
  const until = new Date(options.after.getTime() + (HORIZON_DAYS + 1) * 86_400_000);
  const taken = knex('postTargets').where('workspaceId', workspaceId).whereIn('status', HOLDING).where('dueAt', '>', options.after).where('dueAt', '<=', until);
  if (options.exceptPostId) taken.whereNot('postId', options.exceptPostId);
  const takenTimes = new Set(((await taken.distinct('dueAt')) as { dueAt: Date }[]).map((row) => row.dueAt.getTime()));
  const byWeekday = new Map<number, string[]>();
  for (const slot of workspace.postingSlots) byWeekday.set(slot.weekday, [...(byWeekday.get(slot.weekday) ?? []), slot.time].sort());
  const today = toLocal(options.after, workspace.timeZone);
  for (let offset = 0; offset <= HORIZON_DAYS; offset++) {
    const day = addDays(today, offset);
    for (const time of byWeekday.get(day.weekday) ?? []) {
      const [hour, minute] = time.split(':').map(Number) as [number, number];
      const local = { year: day.year, month: day.month, day: day.day, hour, minute };
      const instant = fromLocal(local, workspace.timeZone);
      if (instant.gap || instant.instant <= options.after || takenTimes.has(instant.instant.getTime())) continue;
      return { at: instant.instant, local, timeZone: workspace.timeZone };
    }
  }
  return null;
}

/** Serialises "add to queue" per workspace for the rest of the transaction (the workspace row lock). */
export async function lockQueue(trx: Knex.Transaction, workspaceId: string): Promise<void> {
  await trx('workspaces').where('id', workspaceId).forNoKeyUpdate().first('id');
}
