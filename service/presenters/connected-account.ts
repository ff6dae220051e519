import type { ConnectedAccount as Wire } from '#shared/api/accounts.js';
import type { ConnectedAccount } from '../models/connected-account.js';

/** A connected account on the wire: never its tokens, lease or who connected it. */
export function presentConnectedAccount(account: ConnectedAccount): Wire {
  return {
    id: account.id,
    workspaceId: account.workspaceId,
    platform: account.platform,
    kind: account.kind,
    remoteId: account.remoteId,
    name: account.name,
    username: account.username,
    avatarUrl: account.avatarUrl,
    status: account.status,
    statusReason: account.statusReason,
    sandbox: account.sandbox,
    connectedAt: account.createdAt.toISOString(),
  };
}
