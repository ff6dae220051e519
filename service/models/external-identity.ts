import { Model } from 'objection';

/** A person's identity at a sign-in provider, keyed by the provider's stable subject id. */
export class ExternalIdentity extends Model {
  static override tableName = 'external_identities';

  declare id: string;
  declare provider: 'google';
  declare subject: string;
  declare userId: string;
  declare email: string;
  declare createdAt: Date;
  declare lastUsedAt: Date;
}
