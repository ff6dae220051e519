import type { Knex } from 'knex';
import type { BundledDocument } from './bundled.js';
import { LegalDocument } from '../models/legal-document.js';

/** What publishing did. */
export type PublishOutcome = { status: 'published'; document: LegalDocument } | { status: 'unchanged'; document: LegalDocument };

/** Why a document cannot be published, in a sentence for the operator. */
export class PublishRefused extends Error {}

/**
 * Publishes a new version of the Terms or the Privacy Policy (the operator's `npm run legal -- publish`).
 * A published version never changes: what people accepted stays readable as it was (P33), so the same
 * version with other text is refused, and publishing identical text again changes nothing. A new
 * version must not be dated before the current one (it would never become current). A material version
 * makes the notify-legal-changes job email everyone concerned and ask them to accept it (P12).
 */
export async function publishLegalDocument(knex: Knex, document: BundledDocument): Promise<PublishOutcome> {
  return knex.transaction(async (trx) => {
    // One publisher at a time per kind, so two operators cannot both make "the current version".
    await trx.raw('select pg_advisory_xact_lock(hashtext(?))', [`legal:${document.kind}`]);
    const existing = await LegalDocument.query(trx).findOne({ kind: document.kind, version: document.version });
    if (existing) {
      const same =
        existing.title === document.title && existing.lastUpdated === document.lastUpdated && existing.body === document.body && existing.material === document.material && (existing.summary ?? undefined) === document.summary;
      if (same) return { status: 'unchanged', document: existing };
      throw new PublishRefused(`${document.kind} version ${document.version} is already published with other text. A published version never changes: give the new text a new version.`);
    }
    const current = await LegalDocument.query(trx).where({ kind: document.kind }).orderBy('lastUpdated', 'desc').orderBy('createdAt', 'desc').first();
    if (current && document.lastUpdated < current.lastUpdated) {
      throw new PublishRefused(`${document.kind} version ${document.version} is dated ${document.lastUpdated}, before the current version ${current.version} (${current.lastUpdated}); it would never apply. Date it ${current.lastUpdated} or later.`);
    }
    if (document.material && !document.summary) {
      throw new PublishRefused(`A material change needs a summary (front matter \`summary: …\`): the email to every user says what changed.`);
    }
    const inserted = await LegalDocument.query(trx)
      .insert({ kind: document.kind, version: document.version, title: document.title, lastUpdated: document.lastUpdated, body: document.body, material: document.material, summary: document.summary ?? null })
      .returning('*');
    return { status: 'published', document: inserted };
  });
}
