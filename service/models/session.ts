import { Model } from 'objection';

/** A bearer session; only the token's HMAC is stored. */
export class Session extends Model {
  static override tableName = 'sessions';

  declare id: string;
  declare tokenHash: string;
  declare userId: string;
  declare client: string | null;
  declare userAgent: string | null;
  declare ip: string | null;
  declare createdAt: Date;
  declare lastUsedAt: Date;
  declare expiresAt: Date;
  declare revokedAt: Date | null;
}
