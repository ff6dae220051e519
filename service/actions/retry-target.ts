import { bilingual } from '#shared/i18n.js';
import type { Knex } from 'knex';
import { HttpError } from '../errors.js';
import { type TargetRow, loadTargets, lockPost, loadTarget } from './load-post-targets.js';
import { refreshPostStatus } from './refresh-post-status.js';
import { assertChangeable, targetName } from './target-status.js';

/**
 * Sends a failed target back to the publisher now (status scheduled, run time now, failure cleared;
 * its checkpoint stays so finished steps are not repeated). An unconfirmed target may have gone out:
 * it is retried only when the person confirms it did not (`confirmNotPublished`), else 409
 * confirmation_required. The account must be active: retrying into a dead token only fails again.
 */
export async function retryTarget(
  knex: Knex,
  workspaceId: string,
  postId: string,
  targetId: string,
  input: { confirmNotPublished?: boolean | undefined },
): Promise<TargetRow> {
  return knex.transaction(async (trx) => {
    const target = await loadTarget(trx, workspaceId, postId, targetId);
    assertChangeable(target);
    if (target.status !== 'failed' && target.status !== 'unconfirmed') {
      throw new HttpError('target_status_conflict', bilingual({ en: 'The post to {account} has not failed, so there is nothing to retry.', de: 'Der Beitrag an {account} ist nicht fehlgeschlagen, es gibt also nichts zu wiederholen.' }, { account: targetName(target) }));
    }
    if (target.status === 'unconfirmed' && input.confirmNotPublished !== true) {
      throw new HttpError('confirmation_required', bilingual({
        en: 'We could not tell whether the post reached {account}. Check there first; if it is not there, retry with confirmNotPublished so it is not published twice.',
        de: 'Wir konnten nicht feststellen, ob der Beitrag {account} erreicht hat. Prüfen Sie es zuerst dort; wenn er nicht da ist, wiederholen Sie mit confirmNotPublished, damit er nicht doppelt erscheint.',
      }, { account: targetName(target) }));
    }
    if (target.accountStatus !== 'active') throw new HttpError('account_unavailable', bilingual({ en: '{account} needs reconnecting before the post can be retried.', de: '{account} muss neu verbunden werden, bevor der Beitrag wiederholt werden kann.' }, { account: targetName(target) }));
    const now = new Date();
    await trx('postTargets').where('id', target.id).update({
      status: 'scheduled', runAt: now, dueAt: target.dueAt ?? now, failureKind: null, failureCode: null, failureMessage: null, updatedAt: trx.fn.now(),
    });
    await refreshPostStatus(trx, (await lockPost(trx, workspaceId, postId)).id);
    return (await loadTargets(trx, postId, { targetId }))[0]!;
  });
}
