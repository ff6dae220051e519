import { listCalendar } from '../actions/list-calendar.js';
import { presentCalendar } from '../presenters/calendar.js';
import type { Handlers } from './types.js';

/** The queue and calendar of a workspace (the extension's dashboard). */
export const calendarHandlers = {
  getCalendar: async ({ knex, auth, input }) => presentCalendar(await listCalendar(knex, auth.workspaceId, input.query)),
} satisfies Partial<Handlers>;
