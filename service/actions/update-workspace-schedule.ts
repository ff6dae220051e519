import type { Knex } from 'knex';
import type { z } from 'zod';
import type { PostingSlot, UpdateWorkspaceScheduleInput, WorkspaceSchedule } from '#shared/api/publishing.js';
import { bilingual } from '#shared/i18n.js';
import { HttpError } from '../errors.js';
import { canonicalTimeZone } from '#shared/time/zones.js';

/** The workspace's time zone and weekly posting slots (sorted by weekday, then time). */
export async function getWorkspaceSchedule(knex: Knex, workspaceId: string): Promise<WorkspaceSchedule> {
  const row = (await knex('workspaces').where('id', workspaceId).first('timeZone', 'postingSlots')) as WorkspaceSchedule | undefined;
  if (!row) throw new HttpError('not_found');
  return { timeZone: row.timeZone, postingSlots: row.postingSlots };
}

/**
 * Changes the time zone (an IANA name Intl knows, stored in its canonical spelling) and/or the posting
 * slots. Targets already scheduled keep their instant: a person who moves the workspace to another zone
 * does not silently move what is planned.
 */
export async function updateWorkspaceSchedule(
  knex: Knex,
  workspaceId: string,
  changes: z.output<typeof UpdateWorkspaceScheduleInput>,
): Promise<WorkspaceSchedule> {
  const set: Record<string, unknown> = {};
  if (changes.timeZone !== undefined) {
    const timeZone = canonicalTimeZone(changes.timeZone);
    if (!timeZone) {
      throw new HttpError('validation_failed', bilingual({
        en: '“{zone}” is not a time zone we know. Use a name like Europe/Berlin or America/New_York.',
        de: '„{zone}“ ist keine Zeitzone, die wir kennen. Verwenden Sie einen Namen wie Europe/Berlin oder America/New_York.',
      }, { zone: changes.timeZone }), [
        { path: 'timeZone', message: { en: 'must be an IANA time zone name like Europe/Berlin', de: 'muss ein IANA-Zeitzonenname wie Europe/Berlin sein' } },
      ]);
    }
    set.timeZone = timeZone;
  }
  if (changes.postingSlots !== undefined) set.postingSlots = JSON.stringify(sortSlots(changes.postingSlots));
  await knex('workspaces').where('id', workspaceId).update({ ...set, updatedAt: knex.fn.now() });
  return getWorkspaceSchedule(knex, workspaceId);
}

function sortSlots(slots: PostingSlot[]): PostingSlot[] {
  return [...slots].sort((a, b) => a.weekday - b.weekday || a.time.localeCompare(b.time));
}
