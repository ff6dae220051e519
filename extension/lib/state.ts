import type { ExtensionState, RejectedCaptureView } from './messaging/protocol.js';
import { getServiceUrl } from './service-url.js';
import {
  defaultWorkspaceIdItem,
  offlineQueueItem,
  popupWorkspaceIdItem,
  rejectedCapturesItem,
  sessionItem,
  workspacesItem,
} from './storage.js';

/**
 * The state the pages show, read from storage only (no network): fast, and true to what the
 * background will act on. `serviceReachable` is filled in by a refresh.
 */
export async function readState(serviceReachable: boolean | null = null): Promise<ExtensionState> {
  const [serviceUrl, session, workspaces, defaultWorkspaceId, popupWorkspaceId, queue, rejected] = await Promise.all([
    getServiceUrl(),
    sessionItem.getValue(),
    workspacesItem.getValue(),
    defaultWorkspaceIdItem.getValue(),
    popupWorkspaceIdItem.getValue(),
    offlineQueueItem.getValue(),
    rejectedCapturesItem.getValue(),
  ]);
  const exists = (id: string | null) => (id && workspaces.some((workspace) => workspace.id === id) ? id : null);
  const user = session?.user;
  return {
    serviceUrl,
    // The token stays in the background: pages get who is signed in, never the credential.
    user: user
      ? {
          id: user.id,
          firstName: user.firstName,
          lastName: user.lastName,
          email: user.email,
          emailVerified: user.emailVerified,
          // Sessions stored before the field existed: assume a password (the usual case) until the next refresh.
          hasPassword: user.hasPassword ?? true,
          avatarUrl: user.avatarUrl ?? null,
        }
      : null,
    workspaces: session ? workspaces : [],
    defaultWorkspaceId: session ? exists(defaultWorkspaceId) : null,
    popupWorkspaceId: session ? exists(popupWorkspaceId) : null,
    queuedCount: queue.length,
    rejected: rejected.map(
      (entry): RejectedCaptureView => ({
        clientId: entry.capture.clientId,
        kind: entry.capture.kind,
        url: entry.capture.url ?? '',
        title: entry.capture.draft?.title ?? entry.capture.title ?? null,
        message: entry.message,
        rejectedAt: entry.rejectedAt,
      }),
    ),
    serviceReachable,
  };
}
