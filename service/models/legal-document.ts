import { Model } from 'objection';
import type { LegalKind } from '#shared/api/legal.js';

/** One published version of the Terms or the Privacy Policy. */
export class LegalDocument extends Model {
  static override tableName = 'legal_documents';

  declare id: string;
  declare kind: LegalKind;
  declare version: string;
  declare title: string;
  /** 'YYYY-MM-DD' (dates are kept as strings, see db.ts). */
  declare lastUpdated: string;
  declare body: string;
  /** A material change: people who accepted an earlier version must accept this one (P12). */
  declare material: boolean;
  declare summary: string | null;
  /** When the notify-legal-changes job had emailed and marked everyone concerned. */
  declare peopleNotifiedAt: Date | null;
  declare createdAt: Date;
}
