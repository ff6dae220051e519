import { Model } from 'objection';

/** The record that a person accepted a document version: when, from which IP and user agent (P12). */
export class LegalAcceptance extends Model {
  static override tableName = 'legal_acceptances';

  declare id: string;
  declare userId: string;
  declare documentId: string;
  declare acceptedAt: Date;
  declare ip: string | null;
  declare userAgent: string | null;
}
