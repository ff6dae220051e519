import type { Knex } from 'knex';
import { PLATFORM_NAMES, type FailureKind, type PlatformId } from '#shared/platforms.js';
import type { Config } from '../config.js';
import type { Logger } from '../logger.js';
import { enqueueEmail } from '../email/outbox.js';
import { emailKindEnabled } from '../email/preferences.js';
import { howToFix, postUrl } from './failure-advice.js';

/** The two publishing emails (P10) and the post status each one announces. */
const NOTICES = [
  { kind: 'post-scheduled', status: 'scheduled' },
  { kind: 'post-failed', status: 'failed' },
] as const;

type Notice = (typeof NOTICES)[number];

interface PostRow {
  id: string;
  title: string | null;
  body: string;
  createdBy: string | null;
  firstName: string | null;
  email: string | null;
  workspaceName: string;
  timeZone: string;
}

interface TargetRow {
  platform: PlatformId;
  accountName: string;
  dueAt: Date | null;
  status: string;
  failureKind: FailureKind | null;
  failureMessage: string | null;
}

/**
 * The notify-post-status job: the "post scheduled" confirmation and the "post failed" alert, each once
 * per post (P10), to the post's author unless they turned that kind off. For each kind, one short
 * transaction records the decision for a batch of posts in post_notifications (its primary key makes it
 * once, whichever instance gets there first) and enqueues the emails with it — routes never send mail.
 */
export async function notifyPostStatus(deps: { knex: Knex; config: Pick<Config, 'publicUrl'>; logger: Logger }, batchSize = 50): Promise<{ decided: number; enqueued: number }> {
  const result = { decided: 0, enqueued: 0 };
  for (const notice of NOTICES) {
    await deps.knex.transaction(async (trx) => {
      const { rows } = await trx.raw<{ rows: { postId: string }[] }>(
        `insert into post_notifications (post_id, kind)
         select p.id, :kind from posts p
          where p.status = :status
            and not exists (select 1 from post_notifications n where n.post_id = p.id and n.kind = :kind)
          order by p.updated_at
          limit :batchSize
         on conflict do nothing
         returning post_id as "postId"`,
        { kind: notice.kind, status: notice.status, batchSize },
      );
      result.decided += rows.length;
      for (const { postId } of rows) {
        if (await notify(trx, deps.config.publicUrl, notice, postId)) result.enqueued += 1;
      }
    });
  }
  if (result.decided > 0) deps.logger.info('post status emails decided', result);
  return result;
}

async function notify(trx: Knex.Transaction, publicUrl: string, notice: Notice, postId: string): Promise<boolean> {
  const post = (await trx('posts as p')
    .join('workspaces as w', 'w.id', 'p.workspaceId')
    .leftJoin('users as u', 'u.id', 'p.createdBy')
    .where('p.id', postId)
    .first('p.id', 'p.title', 'p.body', 'p.createdBy', 'u.firstName', 'u.email', 'w.name as workspaceName', 'w.timeZone')) as PostRow | undefined;
  if (!post?.createdBy || !post.email || !(await emailKindEnabled(trx, post.createdBy, notice.kind))) return false;
  const targets = (await trx('postTargets as t')
    .join('connectedAccounts as a', 'a.id', 't.accountId')
    .where('t.postId', postId)
    .orderBy('t.createdAt')
    .select('t.platform', 'a.name as accountName', 't.dueAt', 't.status', 't.failureKind', 't.failureMessage')) as TargetRow[];
  const common = { to: post.email, userId: post.createdBy, dedupeKey: `${notice.kind}:${postId}` };
  const props = { firstName: post.firstName ?? 'there', excerpt: excerptOf(post), workspaceName: post.workspaceName, postUrl: postUrl(publicUrl, postId) };
  if (notice.kind === 'post-scheduled') {
    const destinations = targets
      .filter((target) => target.status === 'scheduled' && target.dueAt)
      .map((target) => ({ network: PLATFORM_NAMES[target.platform], account: target.accountName, when: formatInZone(target.dueAt!, post.timeZone) }));
    if (destinations.length === 0) return false;
    await enqueueEmail(trx, { ...common, template: 'post-scheduled', data: { ...props, destinations } });
    return true;
  }
  const failures = targets
    .filter((target) => target.status === 'failed')
    .map((target) => {
      const network = PLATFORM_NAMES[target.platform];
      return { network, account: target.accountName, reason: target.failureMessage ?? `${network} did not publish it.`, fix: howToFix(target.failureKind, network) };
    });
  if (failures.length === 0) return false;
  await enqueueEmail(trx, { ...common, template: 'post-failed', data: { ...props, failures } });
  return true;
}

/** The post's title, or the start of its text, short enough for a subject line. */
function excerptOf(post: Pick<PostRow, 'title' | 'body'>): string {
  const text = (post.title?.trim() || post.body.trim() || 'Untitled post').replace(/\s+/g, ' ');
  return text.length > 60 ? `${text.slice(0, 59).trimEnd()}…` : text;
}

/** "3 December 2026, 09:30 (Europe/Paris)": a time as the workspace reads it. */
function formatInZone(date: Date, timeZone: string): string {
  try {
    return `${new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeStyle: 'short', timeZone }).format(date)} (${timeZone})`;
  } catch {
    return `${new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeStyle: 'short', timeZone: 'UTC' }).format(date)} (UTC)`;
  }
}
