import type { Knex } from 'knex';
import { enqueueEmail } from '../email/outbox.js';
import type { Logger } from '../logger.js';
import { LegalDocument } from '../models/legal-document.js';
import { legalDocumentUrl } from '../presenters/legal.js';

/** Accounts handled per transaction: short locks on users however many there are. */
const BATCH = 500;

/**
 * For each material version not yet announced, oldest first: every account that has not accepted it is
 * marked (users.legal_acceptance_due_at, which publishing checks) and emailed once, a batch per
 * transaction (mark and email commit together), walking the accounts in id order. Re-running is harmless
 * (the mark keeps its first time, the email its dedupe key), so a crash resumes by running again; the
 * version is stamped announced only after the last batch. Returns how many accounts were marked.
 */
export async function notifyLegalChanges(deps: { knex: Knex; logger: Logger; publicUrl: string; signal?: AbortSignal }): Promise<number> {
  const { knex } = deps;
  let marked = 0;
  const pending = await LegalDocument.query(knex).where({ material: true }).whereNull('peopleNotifiedAt').orderBy('createdAt');
  for (const document of pending) {
    let after = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      if (deps.signal?.aborted) return marked;
      const batch = await knex.transaction(async (trx) => {
        const people: Array<{ id: string; email: string; firstName: string }> = await trx('users as u')
          .select('u.id', 'u.email', 'u.firstName')
          .where('u.id', '>', after)
          .whereNotExists(trx('legalAcceptances as a').where('a.userId', trx.ref('u.id')).where('a.documentId', document.id))
          .orderBy('u.id')
          .limit(BATCH);
        if (people.length === 0) return people;
        await trx('users')
          .whereIn('id', people.map((person) => person.id))
          .update({ legalAcceptanceDueAt: trx.raw('coalesce(legal_acceptance_due_at, now())') });
        for (const person of people) {
          await enqueueEmail(trx, {
            template: 'legal-update',
            to: person.email,
            userId: person.id,
            dedupeKey: `legal-update:${document.id}:${person.id}`,
            data: {
              firstName: person.firstName,
              documentTitle: document.title,
              version: document.version,
              lastUpdated: new Date(`${document.lastUpdated}T00:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }),
              summary: document.summary ?? '',
              documentUrl: legalDocumentUrl(deps.publicUrl, document),
            },
          });
        }
        return people;
      });
      if (batch.length === 0) break;
      marked += batch.length;
      after = batch[batch.length - 1]!.id;
    }
    await LegalDocument.query(knex).patch({ peopleNotifiedAt: new Date() }).where({ id: document.id }).whereNull('peopleNotifiedAt');
    deps.logger.info('legal change announced', { kind: document.kind, version: document.version, accounts: marked });
  }
  return marked;
}
