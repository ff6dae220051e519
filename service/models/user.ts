import { Model } from 'objection';

/** A person with an account. `passwordHash` never leaves the service (presenters omit it). */
export class User extends Model {
  static override tableName = 'users';

  declare id: string;
  declare firstName: string;
  declare lastName: string;
  declare email: string;
  /** Null for accounts made with Google sign-in that never set a password. */
  declare passwordHash: string | null;
  declare ageConfirmedAt: Date;
  declare emailVerifiedAt: Date | null;
  declare defaultWorkspaceId: string | null;
  /** The avatar (P1): stored image, its square thumbnail (what members see), type, and 'upload' or 'import' (Google). */
  declare avatarKey: string | null;
  declare avatarThumbnailKey: string | null;
  declare avatarMimeType: string | null;
  declare avatarSource: 'upload' | 'import' | null;
  declare createdAt: Date;
  declare updatedAt: Date;
}
