import type { Knex } from 'knex';
import { LEGAL_KINDS, type LegalKind } from '#shared/api/legal.js';
import { HttpError } from '../errors.js';
import { LegalDocument } from '../models/legal-document.js';

/** The current version of each kind: the one with the latest "last updated" date. */
export type CurrentDocuments = Record<LegalKind, LegalDocument>;

/** The documents a person accepts today; 503 if none were published (the service booted without syncing). */
export async function currentLegalDocuments(knex: Knex): Promise<CurrentDocuments> {
  const rows = await LegalDocument.query(knex)
    .distinctOn('kind')
    .orderBy('kind')
    .orderBy('lastUpdated', 'desc')
    .orderBy('createdAt', 'desc');
  const byKind = Object.fromEntries(rows.map((row) => [row.kind, row])) as Partial<CurrentDocuments>;
  if (!LEGAL_KINDS.every((kind) => byKind[kind])) {
    throw new HttpError('service_unavailable', { en: 'The Terms and Privacy Policy are not published yet. Please try again shortly.', de: 'Die Nutzungsbedingungen und die Datenschutzerklärung sind noch nicht veröffentlicht. Bitte versuchen Sie es gleich noch einmal.' });
  }
  return byKind as CurrentDocuments;
}

/** One version of a document (the current one when `version` is absent); undefined if there is none. */
export async function findLegalDocument(knex: Knex, kind: LegalKind, version?: string): Promise<LegalDocument | undefined> {
  // No version holds U+0000, and PostgreSQL would refuse to compare it (a 500): such an address simply finds nothing.
  if (version?.includes('\u0000')) return undefined;
  if (version !== undefined) return LegalDocument.query(knex).findOne({ kind, version });
  return LegalDocument.query(knex).where({ kind }).orderBy('lastUpdated', 'desc').orderBy('createdAt', 'desc').first();
}

/** Every published version of a kind, newest first. */
export async function listLegalVersions(knex: Knex, kind: LegalKind): Promise<LegalDocument[]> {
  return LegalDocument.query(knex).where({ kind }).select('kind', 'version', 'lastUpdated').orderBy('lastUpdated', 'desc');
}
