import { browser } from 'wxt/browser';

/**
 * Addresses of the dashboard (queue and calendar), for everything that links to it: the popup's links
 * and the background's notifications. The dashboard reads `#post=<id>` (show that post) and
 * `#view=failed` (the list of failed posts).
 */

/** Where in the dashboard to open: one post, or the list of failed posts. */
export type DashboardPlace = { postId: string } | { view: 'failed' };

/**
 * The dashboard page at `place`: a post's id is short for `{ postId }`; without a place, the
 * dashboard as it opens by itself.
 */
export function dashboardUrl(place?: DashboardPlace | string): string {
  // Typed loosely: the dashboard is its own entrypoint, and WXT's list of known pages is generated.
  const getURL = browser.runtime.getURL as (path: string) => string;
  const base = getURL('/dashboard.html');
  // An empty id points at no post: the dashboard itself is the honest target.
  const target = typeof place === 'string' ? (place === '' ? undefined : { postId: place }) : place;
  if (!target) return base;
  const hash = 'postId' in target ? `post=${encodeURIComponent(target.postId)}` : `view=${target.view}`;
  return `${base}#${hash}`;
}
