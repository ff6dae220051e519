import { Model } from 'objection';
import type { IntegrationStatus } from '#shared/api/integrations.js';
import type { ImportProvider } from '#shared/imports/source-url.js';

/**
 * A person's own Canva or Google Drive connection (P9 fields only). `credentials` is the sealed token
 * bundle (imports/credentials.ts); it never leaves the service and never reaches a presenter.
 */
export class IntegrationConnection extends Model {
  static override tableName = 'integration_connections';

  declare id: string;
  declare userId: string;
  declare provider: ImportProvider;
  declare displayName: string | null;
  declare canvaUserId: string | null;
  declare canvaTeamId: string | null;
  declare email: string | null;
  /** bigint columns come back from Postgres as strings. */
  declare storageLimit: string | number | null;
  declare storageUsage: string | number | null;
  declare scopes: string[];
  declare sandbox: boolean;
  declare credentials: string;
  declare credentialsKeyId: string;
  declare accessExpiresAt: Date | null;
  /** Who is refreshing the tokens right now, and until when (lib/refresh-lease.ts). */
  declare refreshLeaseOwner: string | null;
  declare refreshLeaseExpiresAt: Date | null;
  declare status: IntegrationStatus;
  /** Why the connection must be made again, in words for the person. */
  declare statusReason: string | null;
  declare reconnectNotifiedAt: Date | null;
  declare connectedAt: Date;
  declare createdAt: Date;
  declare updatedAt: Date;
}
