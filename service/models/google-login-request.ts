import { Model } from 'objection';

/** One Google sign-in in progress (see the migration for its life cycle). Secrets are stored hashed. */
export class GoogleLoginRequest extends Model {
  static override tableName = 'google_login_requests';

  declare id: string;
  declare stateHash: string;
  declare browserHash: string;
  declare codeVerifier: string;
  declare nonce: string;
  declare redirectUri: string;
  declare clientState: string | null;
  declare client: string | null;
  declare intent: 'sign-in' | 'sign-up';
  declare ageConfirmed: boolean;
  declare termsVersion: string | null;
  declare privacyVersion: string | null;
  declare ip: string | null;
  declare userAgent: string | null;
  declare createdAt: Date;
  declare expiresAt: Date;
  declare callbackAt: Date | null;
  declare userId: string | null;
  declare exchangeCodeHash: string | null;
  declare codeExpiresAt: Date | null;
  declare exchangedAt: Date | null;
}
