import type { Knex } from 'knex';
import { LEGAL_KINDS, type LegalKind } from '#shared/api/legal.js';
import { currentLegalDocuments } from '../actions/get-legal-documents.js';
import { HttpError } from '../errors.js';
import type { ClientInfo } from '../lib/client-info.js';
import { LegalAcceptance } from '../models/legal-acceptance.js';
import type { LegalDocument } from '../models/legal-document.js';

/** One current document as the person stands with it. */
export interface DocumentStanding {
  document: LegalDocument;
  /** When the person accepted this version (null: not yet). */
  acceptedAt: Date | null;
  /** A material version the person has not accepted: publishing waits for it. */
  required: boolean;
}

/** The current Terms and Privacy Policy and whether the person accepted them. */
export async function legalStanding(knex: Knex, userId: string): Promise<Record<LegalKind, DocumentStanding>> {
  const current = await currentLegalDocuments(knex);
  const accepted = await LegalAcceptance.query(knex)
    .where({ userId })
    .whereIn('documentId', LEGAL_KINDS.map((kind) => current[kind].id))
    .select('documentId')
    .min('acceptedAt as acceptedAt')
    .groupBy('documentId');
  const when = new Map(accepted.map((row) => [row.documentId, row.acceptedAt]));
  const standing = (kind: LegalKind): DocumentStanding => {
    const document = current[kind];
    const acceptedAt = when.get(document.id) ?? null;
    return { document, acceptedAt, required: document.material && acceptedAt === null };
  };
  return { terms: standing('terms'), privacy: standing('privacy') };
}

/** Whether publishing waits for the person: the job marked them, or a material version is unaccepted. */
export async function acceptanceDue(knex: Knex, userId: string, standing: Record<LegalKind, DocumentStanding>): Promise<boolean> {
  if (LEGAL_KINDS.some((kind) => standing[kind].required)) return true;
  const user = await knex('users').where({ id: userId }).first('legalAcceptanceDueAt');
  return Boolean(user?.legalAcceptanceDueAt);
}

/**
 * Records that the person accepted the versions they were shown (P12: time, version, IP and user agent).
 * They must be the current ones; an older one (the operator published again meanwhile) is refused with
 * legal_version_outdated so the person reads the newer text. Accepting again is harmless. Once nothing
 * material waits, publishing works again.
 */
export async function acceptLegalDocuments(knex: Knex, userId: string, versions: Record<LegalKind, string>, client: ClientInfo): Promise<Record<LegalKind, DocumentStanding>> {
  await knex.transaction(async (trx) => {
    const current = await currentLegalDocuments(trx);
    if (LEGAL_KINDS.some((kind) => current[kind].version !== versions[kind])) throw new HttpError('legal_version_outdated');
    const already = new Set((await LegalAcceptance.query(trx).where({ userId }).whereIn('documentId', LEGAL_KINDS.map((kind) => current[kind].id))).map((row) => row.documentId));
    const fresh = LEGAL_KINDS.filter((kind) => !already.has(current[kind].id));
    if (fresh.length > 0) {
      await LegalAcceptance.query(trx).insert(fresh.map((kind) => ({ userId, documentId: current[kind].id, ip: client.ip, userAgent: client.userAgent })));
    }
    await trx('users').where({ id: userId }).update({ legalAcceptanceDueAt: null });
  });
  return legalStanding(knex, userId);
}
