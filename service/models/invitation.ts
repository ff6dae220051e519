import { Model } from 'objection';
import type { Role } from '#shared/roles.js';

/** An invitation to join a workspace. Only the HMAC of its link's token is stored. */
export class Invitation extends Model {
  static override tableName = 'invitations';

  declare id: string;
  declare workspaceId: string;
  declare email: string;
  declare role: Role;
  declare tokenHash: string;
  declare invitedBy: string | null;
  declare createdAt: Date;
  declare expiresAt: Date;
  declare acceptedAt: Date | null;
  declare acceptedBy: string | null;
  declare revokedAt: Date | null;
  declare revokedBy: string | null;
}
