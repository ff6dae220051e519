import type { Endpoint } from '../endpoint.js';
import { Calendar, CalendarQuery } from '../calendar.js';
import { WorkspaceParams } from '../common.js';

export const calendarEndpoints = {
  getCalendar: {
    method: 'GET', path: '/api/v1/workspaces/:workspaceId/calendar', tag: 'posts', auth: 'member', role: 'viewer',
    summary: "Posts with their targets due or published between two dates (both included) in the workspace's time zone: status, account, failure, link and latest metrics.",
    params: WorkspaceParams, query: CalendarQuery, response: Calendar,
  },
} as const satisfies Record<string, Endpoint>;
