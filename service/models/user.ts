import { Model } from 'objection';

/** A person with an account. `passwordHash` never leaves the service (presenters omit it). */
export class User extends Model {
  static override tableName = 'users';

  declare id: string;
  declare firstName: string;
  declare lastName: string;
  declare email: string;
  declare passwordHash: string;
  declare ageConfirmedAt: Date;
  declare emailVerifiedAt: Date | null;
  declare defaultWorkspaceId: string | null;
  declare createdAt: Date;
  declare updatedAt: Date;
}
