import type { Knex } from 'knex';
import { type BundledDocument, loadBundledDocuments } from '../legal/bundled.js';

/**
 * Publishes the bundled legal documents: inserts each (kind, version) and refreshes the text of one that
 * exists. Safe to run on every boot and from several instances at once (ON CONFLICT).
 */
export async function syncLegalDocuments(knex: Knex, documents: BundledDocument[] = loadBundledDocuments()): Promise<void> {
  if (documents.length === 0) return;
  await knex('legal_documents')
    .insert(documents.map(({ kind, version, title, lastUpdated, body, material, summary }) => ({ kind, version, title, lastUpdated, body, material, summary: summary ?? null })))
    .onConflict(['kind', 'version'])
    .merge(['title', 'lastUpdated', 'body']);
}
