import { Model } from 'objection';
import type { AccountKind, AccountStatus, PlatformId } from '#shared/platforms.js';

/**
 * A network account a workspace publishes to. `credentials` is the sealed token bundle
 * (platforms/credentials.ts); it never leaves the service and never reaches a presenter.
 */
export class ConnectedAccount extends Model {
  static override tableName = 'connected_accounts';

  declare id: string;
  declare workspaceId: string;
  declare platform: PlatformId;
  declare kind: AccountKind;
  declare remoteId: string;
  declare name: string;
  declare username: string | null;
  declare avatarUrl: string | null;
  declare status: AccountStatus;
  /** Why the account needs reconnecting, in words for the person. */
  declare statusReason: string | null;
  declare sandbox: boolean;
  declare credentials: string | null;
  declare credentialsKeyId: string | null;
  declare accessExpiresAt: Date | null;
  declare refreshLeaseOwner: string | null;
  declare refreshLeaseExpiresAt: Date | null;
  declare reconnectNotifiedAt: Date | null;
  declare connectedBy: string | null;
  declare createdAt: Date;
  declare updatedAt: Date;
}
