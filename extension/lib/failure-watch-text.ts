import type { Post } from '#shared/api/posts.js';
import { PLATFORM_NAMES } from '#shared/platforms.js';
import { call } from './api-client.js';
import { defineMessages, locale } from './i18n/index.js';

/**
 * The words of failure notifications. The networks' reasons come from the service and stay as sent;
 * `{what}` is a post as `describePost` names it, `{workspaces}` a list of workspace names.
 */
const t = defineMessages({
  en: {
    title: 'Post failed to publish',
    untitled: 'A post',
    quoted: '“{text}”',
    inWorkspace: '{what} in {workspace}',
    network: '{network} ({account})',
    networkWithReason: '{network} ({account}): {reason}',
    withReasons: '{head} — {reasons}',
    noDetails: '{head}. Open it to see why and to try again.',
    more: {
      one: '{count} more post failed to publish in {workspaces}. Click to see it in the dashboard.',
      other: '{count} more posts failed to publish in {workspaces}. Click to see them in the dashboard.',
    },
  },
  de: {
    title: 'Veröffentlichung fehlgeschlagen',
    untitled: 'Ein Beitrag',
    quoted: '„{text}“',
    inWorkspace: '{what} in {workspace}',
    network: '{network} ({account})',
    networkWithReason: '{network} ({account}): {reason}',
    withReasons: '{head} – {reasons}',
    noDetails: '{head}. Öffnen Sie den Beitrag, um den Grund zu sehen und es erneut zu versuchen.',
    more: {
      one: 'Bei {count} weiteren Beitrag in {workspaces} ist die Veröffentlichung fehlgeschlagen. Klicken Sie hier, um ihn im Dashboard zu sehen.',
      other: 'Bei {count} weiteren Beiträgen in {workspaces} ist die Veröffentlichung fehlgeschlagen. Klicken Sie hier, um sie im Dashboard zu sehen.',
    },
  },
});

/** The title of every failure notification, in the current language. */
export function failureTitle(): string {
  return t('title');
}

/** The summary of failures beyond the ones notified singly: how many, and in which workspaces. */
export function moreFailuresMessage(count: number, workspaces: string[]): string {
  return t('more', { count, workspaces: new Intl.ListFormat(locale(), { type: 'conjunction' }).format(workspaces) });
}

/** Notification text has little room; longer parts are cut. */
const MAX_WHAT = 60;
const MAX_REASON = 140;

function cut(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1).trimEnd()}…` : flat;
}

/** How a person recognises the post: its title, else the start of its text. */
export function describePost(post: Pick<Post, 'title' | 'body'>): string {
  const text = post.title?.trim() || post.body.trim();
  return text ? t('quoted', { text: cut(text, MAX_WHAT) }) : t('untitled');
}

/**
 * The notification's sentence: which post, in which workspace, and for each failed network what it
 * said (the service has already put the network's reason into words). When the details cannot be
 * fetched the notification still goes out, pointing at the dashboard. In the current language: the
 * caller has read it (`backgroundLocale()`).
 */
export async function failureMessage(post: Post, workspaceName: string): Promise<string> {
  const head = t('inWorkspace', { what: describePost(post), workspace: workspaceName });
  try {
    const targets = await call('listPostTargets', { params: { workspaceId: post.workspaceId, postId: post.id } }, { timeoutMs: 5_000 });
    const failed = targets.items.filter((target) => target.status === 'failed');
    if (failed.length === 0) return t('noDetails', { head });
    const reasons = failed.map((target) => {
      const network = PLATFORM_NAMES[target.platform];
      const account = target.account.username ? `@${target.account.username}` : target.account.name;
      return target.failure?.message
        ? t('networkWithReason', { network, account, reason: cut(target.failure.message, MAX_REASON) })
        : t('network', { network, account });
    });
    return t('withReasons', { head, reasons: reasons.join('; ') });
  } catch {
    return t('noDetails', { head });
  }
}
