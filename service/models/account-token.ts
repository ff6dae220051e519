import { Model } from 'objection';

/** What an emailed account link is for; each has its own lifetime (see ACCOUNT_TOKEN_LIFETIMES). */
export type AccountTokenPurpose = 'verify-email' | 'reset-password' | 'change-email';

/** The stored side of an emailed link: only the token's HMAC, single use, expiring. */
export class AccountToken extends Model {
  static override tableName = 'account_tokens';

  declare id: string;
  declare purpose: AccountTokenPurpose;
  declare tokenHash: string;
  declare userId: string;
  /** Where the link was sent (for an email change, the new address). */
  declare email: string;
  declare createdAt: Date;
  declare expiresAt: Date;
  declare usedAt: Date | null;
}
