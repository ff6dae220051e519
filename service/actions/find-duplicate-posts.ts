import type { Knex } from 'knex';
import { bilingual } from '#shared/i18n.js';
import { targetContent } from '#shared/publishing/content.js';
import { HttpError } from '../errors.js';
import type { PostForTargets, TargetRow } from './load-post-targets.js';
import { targetName } from './target-status.js';

/** How close in time the same text to the same account counts as a duplicate. */
const WINDOW_MS = 24 * 60 * 60 * 1000;

/**
 * The duplicate guard: throws 409 duplicate_post when one of `targets` would publish the same text to
 * the same account as a target of another post that is scheduled or published within 24 hours of `dueAt`.
 * Networks refuse or penalise repeats (X 403, Facebook 506, LinkedIn 422), and a repeat is usually a mistake.
 */
export async function assertNoDuplicates(trx: Knex.Transaction, post: PostForTargets, targets: TargetRow[], dueAt: Date): Promise<void> {
  if (targets.length === 0) return;
  const others = (await trx('postTargets as t')
    .join('posts as p', 'p.id', 't.postId')
    .whereIn('t.accountId', targets.map((target) => target.accountId))
    .whereNot('t.postId', post.id)
    .whereIn('t.status', ['scheduled', 'publishing', 'unconfirmed', 'published'])
    .whereRaw('coalesce(t.published_at, t.due_at) between ? and ?', [new Date(dueAt.getTime() - WINDOW_MS), new Date(dueAt.getTime() + WINDOW_MS)])
    .select('t.accountId', 't.overrides', 't.postId', 'p.title', 'p.body', 'p.hashtags')) as {
    accountId: string; overrides: Record<string, unknown>; postId: string; title: string | null; body: string; hashtags: string[];
  }[];
  for (const target of targets) {
    const text = normalize(targetContent(post, target.overrides, []).text);
    const twin = others.find((other) => other.accountId === target.accountId && normalize(targetContent(other, other.overrides, []).text) === text);
    if (twin) {
      const other = twin.title ? { en: `the post “${twin.title}”`, de: `dem Beitrag „${twin.title}“` } : { en: 'another post', de: 'einem anderen Beitrag' };
      throw new HttpError(
        'duplicate_post',
        bilingual({
          en: '{account} gets the same text from {other} ({id}) within 24 hours. Change the text, or schedule again with allowDuplicate to publish it anyway.',
          de: '{account} bekommt innerhalb von 24 Stunden denselben Text von {other} ({id}). Ändern Sie den Text oder planen Sie noch einmal mit allowDuplicate, um ihn trotzdem zu veröffentlichen.',
        }, { account: targetName(target), other, id: twin.postId }),
        [{ path: `targets.${target.accountId}`, message: bilingual({ en: 'same text as post {id}', de: 'derselbe Text wie Beitrag {id}' }, { id: twin.postId }), rule: 'duplicate_post' }],
      );
    }
  }
}

function normalize(text: string): string {
  return text.normalize('NFC').trim();
}
