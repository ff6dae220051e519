import { Model } from 'objection';
import type { Role } from '#shared/roles.js';

/** A person's role in a workspace. */
export class Membership extends Model {
  static override tableName = 'memberships';
  static override idColumn = ['workspaceId', 'userId'];

  declare workspaceId: string;
  declare userId: string;
  declare role: Role;
  declare createdAt: Date;
}
