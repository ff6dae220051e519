import { browser, type Browser } from 'wxt/browser';
import type { Post } from '#shared/api/posts.js';
import { LIMITS } from '#shared/limits.js';
import type { Role } from '#shared/roles.js';
import { call } from './api-client.js';
import { showBadge, showFailedCount } from './badge.js';
import { ApiError } from './errors.js';
import { failureMessage, failureTitle, moreFailuresMessage } from './failure-watch-text.js';
import { backgroundLocale } from './i18n/index.js';
import { notify } from './notifications.js';
import { failureWatchItem, sessionItem, workspacesItem, type FailureWatchState, type WorkspaceSummary } from './storage.js';

/**
 * Tells the person when one of their posts fails to publish, as it happens, and keeps the failed
 * count on the toolbar badge. An MV3 background has no page that stays alive, so a browser alarm wakes
 * it every minute to ask the service for each workspace's failed posts (`listPosts?status=failed`,
 * the service's own summary of a post's targets). A post is reported once: the ids already reported
 * are kept in storage and forgotten when the post stops failing (retried), so a later failure of the
 * same post is reported again.
 */

export const FAILURE_WATCH_ALARM = 'minopa-failure-watch';
export const FAILURE_WATCH_PERIOD_MINUTES = 1;
/** Individual notifications per look; more failures than that at once get one summary. */
export const MAX_SINGLE_NOTIFICATIONS = 3;
/** Pages of failed posts read per workspace and look; the badge shows "99+" long before this. */
const MAX_PAGES = 5;
/** Roles that can fix or retry a failed post; viewers are not bothered with failures. */
const WATCHED_ROLES: readonly Role[] = ['owner', 'admin', 'editor'];

/** Makes sure the minute alarm exists (alarms may be cleared when the browser restarts). */
export async function ensureFailureWatch(): Promise<void> {
  if (!(await browser.alarms.get(FAILURE_WATCH_ALARM))) {
    await browser.alarms.create(FAILURE_WATCH_ALARM, { periodInMinutes: FAILURE_WATCH_PERIOD_MINUTES, delayInMinutes: FAILURE_WATCH_PERIOD_MINUTES });
  }
}

/** The alarm listener's work: only our alarm triggers a look. */
export async function handleFailureWatchAlarm(alarm: Browser.alarms.Alarm): Promise<void> {
  if (alarm.name === FAILURE_WATCH_ALARM) await checkForFailures();
}

/** What one look found. */
export interface FailureCheckResult {
  /** Failed posts across the watched workspaces (a lower bound when the service could not be asked about some). */
  failedCount: number;
  /** Posts reported as newly failed by this look. */
  notified: string[];
  /** Why the look did not happen or stopped early. */
  skipped: 'signed_out' | 'service_unreachable' | null;
}

let running: Promise<FailureCheckResult> | null = null;
let again = false;

/**
 * Looks for failed posts now. Looks never overlap, so the alarm and a sign-in cannot report the same
 * failure twice; a look asked for during one (e.g. the workspaces just arrived) runs right after it,
 * and every caller gets the result of the last one.
 */
export function checkForFailures(): Promise<FailureCheckResult> {
  if (running) {
    again = true;
    return running;
  }
  running = (async () => {
    try {
      let result: FailureCheckResult;
      do {
        again = false;
        result = await runCheck();
      } while (again);
      return result;
    } finally {
      running = null;
    }
  })();
  return running;
}

interface WorkspaceFailures {
  workspace: WorkspaceSummary;
  posts: Post[];
}

async function runCheck(): Promise<FailureCheckResult> {
  const session = await sessionItem.getValue();
  if (!session) {
    await showFailedCount(0);
    return { failedCount: 0, notified: [], skipped: 'signed_out' };
  }
  const stored = await failureWatchItem.getValue();
  const previous: FailureWatchState = stored?.userId === session.user.id ? stored : { userId: session.user.id, seen: {}, failedCount: 0, checkedAt: '' };
  const watched = (await workspacesItem.getValue()).filter((workspace) => WATCHED_ROLES.includes(workspace.role));

  const found: WorkspaceFailures[] = [];
  const seen: Record<string, string[]> = {};
  let unreachable = false;
  for (const workspace of watched) {
    // Once the service is down, asking about the other workspaces would only wait for more timeouts.
    if (unreachable) {
      if (previous.seen[workspace.id]) seen[workspace.id] = previous.seen[workspace.id]!;
      continue;
    }
    try {
      found.push({ workspace, posts: await failedPosts(workspace.id) });
    } catch (error) {
      if (error instanceof ApiError && error.signedOut) return { failedCount: 0, notified: [], skipped: 'signed_out' };
      // Left the workspace, or lost the role: its failures are not this person's to hear about.
      if (error instanceof ApiError && !error.retryable) continue;
      // Down or slow: keep what was known of this workspace, and look again at the next alarm.
      unreachable = true;
      if (previous.seen[workspace.id]) seen[workspace.id] = previous.seen[workspace.id]!;
    }
  }

  const fresh: { workspace: WorkspaceSummary; post: Post }[] = [];
  for (const { workspace, posts } of found) {
    const before = previous.seen[workspace.id];
    // The first look at a workspace only learns what already failed: that is old news.
    if (before) for (const post of posts) if (!before.includes(post.id)) fresh.push({ workspace, post });
    seen[workspace.id] = posts.map((post) => post.id);
  }
  const failedCount = Object.values(seen).reduce((sum, ids) => sum + ids.length, 0);

  // Saved before notifying: should the worker stop halfway, a failure is missed rather than repeated forever.
  await failureWatchItem.setValue({ userId: session.user.id, seen, failedCount, checkedAt: new Date().toISOString() });
  await showFailedCount(failedCount);
  await notifyFailures(fresh);
  return { failedCount, notified: fresh.map(({ post }) => post.id), skipped: unreachable ? 'service_unreachable' : null };
}

/** Every failed post of a workspace (up to MAX_PAGES pages), newest first. */
async function failedPosts(workspaceId: string): Promise<Post[]> {
  const posts: Post[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    const result = await call('listPosts', {
      params: { workspaceId },
      query: { status: 'failed', limit: LIMITS.pageSizeMax, ...(cursor ? { cursor } : {}) },
    }, { timeoutMs: 10_000 });
    posts.push(...result.items);
    if (!result.nextCursor) break;
    cursor = result.nextCursor;
  }
  return posts;
}

async function notifyFailures(fresh: { workspace: WorkspaceSummary; post: Post }[]): Promise<void> {
  if (fresh.length === 0) return;
  await backgroundLocale();
  const singles = fresh.length > MAX_SINGLE_NOTIFICATIONS + 1 ? fresh.slice(0, MAX_SINGLE_NOTIFICATIONS) : fresh;
  for (const { workspace, post } of singles) {
    await notify('failed', failureTitle(), await failureMessage(post, workspace.name), { postId: post.id });
  }
  const rest = fresh.slice(singles.length);
  if (rest.length > 0) {
    const names = [...new Set(rest.map(({ workspace }) => workspace.name))];
    await notify('failed', failureTitle(), moreFailuresMessage(rest.length, names), { failedList: true });
  }
}

/**
 * Looks at once when someone signs in and when their workspaces change — the first look at a
 * workspace learns what already failed there, so it should happen right away, not a minute later —
 * and clears the failed count from the badge when they sign out.
 */
export function watchSignInForFailures(onError: (error: unknown) => void): () => void {
  const look = () => void checkForFailures().then(() => ensureFailureWatch()).catch(onError);
  const stops = [
    sessionItem.watch((next, previous) => {
      if ((next?.user.id ?? null) === (previous?.user.id ?? null)) return;
      if (next) look();
      else showBadge().catch(onError);
    }),
    workspacesItem.watch((next, previous) => {
      const ids = (list: WorkspaceSummary[] | null) => (list ?? []).map((workspace) => workspace.id).sort().join(',');
      if (ids(next) !== ids(previous) && next && next.length > 0) look();
    }),
  ];
  return () => stops.forEach((stop) => stop());
}
