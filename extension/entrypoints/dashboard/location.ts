import { isDate } from '../../lib/dashboard-time.js';

/**
 * What the page shows, kept in the address's hash so a link (the popup's, a notification's) can open a
 * view or a post: `#view=failed`, `#post=<id>`, `#view=week&date=2026-03-30&workspace=<id>`.
 */

export const VIEWS = ['day', 'week', 'month', 'drafts', 'failed', 'published'] as const;
export type View = (typeof VIEWS)[number];

export interface PageLocation {
  view: View;
  /** The day the calendar views are anchored on (workspace time zone); null: today. */
  date: string | null;
  workspaceId: string | null;
  /** The post whose details are open. */
  postId: string | null;
}

export function parseLocation(hash: string): PageLocation {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const view = params.get('view');
  const date = params.get('date');
  return {
    view: (VIEWS as readonly string[]).includes(view ?? '') ? (view as View) : 'week',
    date: date && isDate(date) ? date : null,
    workspaceId: params.get('workspace') || null,
    postId: params.get('post') || null,
  };
}

export function formatLocation(location: PageLocation): string {
  const params = new URLSearchParams();
  params.set('view', location.view);
  if (location.date) params.set('date', location.date);
  if (location.workspaceId) params.set('workspace', location.workspaceId);
  if (location.postId) params.set('post', location.postId);
  return `#${params.toString()}`;
}
