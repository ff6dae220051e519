import { CaptureInput as CaptureInputSchema, type CaptureInput } from '#shared/api/captures.js';
import type { MediaFetch } from '#shared/api/media.js';
import { call } from '../api-client.js';
import { ApiError, ExtensionError, ServiceUnreachableError } from '../errors.js';
import { enqueueCapture, flushOfflineQueue, queuedCount } from '../offline-queue.js';
import { backgroundLocale } from '../i18n/index.js';
import { defaultWorkspaceIdItem, sessionItem, workspacesItem } from '../storage.js';
import { captureText } from './messages.js';

/** Where a capture went. Context-menu captures turn this into a notification, the popup into a message. */
export type DeliveryOutcome =
  | {
      status: 'saved';
      workspaceId: string;
      workspaceName: string;
      postId: string;
      duplicate: boolean;
      /** Image captures: where fetching the image into the library stands (the browser may have to supply it). */
      mediaFetch: MediaFetch | null;
    }
  /** Kept in the offline queue: the service is down, or the session ended (then: sign in again). */
  | { status: 'queued'; workspaceId: string; workspaceName: string; reason: 'service_unreachable' | 'signed_out' }
  | { status: 'rejected'; workspaceId: string; error: ApiError | ExtensionError }
  /** Nobody is signed in: nothing was sent or kept. */
  | { status: 'not_signed_in' };

/**
 * Sends a capture to `workspaceId` (default: the default workspace) through the API client.
 * Never drops it while the outcome is uncertain: service down, rate-limited or session ended → the
 * same capture, same clientId, waits in the offline queue. Only a refusal (4xx) is final. Its own
 * refusals and the fallback workspace name are in the language chosen in the options.
 */
export async function deliverCapture(capture: CaptureInput, workspaceId?: string): Promise<DeliveryOutcome> {
  const [session] = await Promise.all([sessionItem.getValue(), backgroundLocale()]);
  if (!session) return { status: 'not_signed_in' };

  const targetId = workspaceId ?? (await defaultWorkspaceIdItem.getValue());
  if (!targetId) {
    return {
      status: 'rejected',
      workspaceId: '',
      error: new ExtensionError('no_workspace', captureText('noWorkspace')),
    };
  }
  const workspaceName = (await workspacesItem.getValue()).find((workspace) => workspace.id === targetId)?.name ?? captureText('yourWorkspace');

  // The same rules the service applies, checked here so a bad capture is refused at once instead of
  // waiting in the offline queue to be refused later.
  const checked = CaptureInputSchema.safeParse(capture);
  if (!checked.success) {
    const fields = checked.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
    return { status: 'rejected', workspaceId: targetId, error: new ApiError('validation_failed', captureText('invalidFields'), 400, fields) };
  }

  try {
    const result = await call('createCapture', { params: { workspaceId: targetId }, body: capture });
    // The service answers again: anything that waited can go now.
    if ((await queuedCount()) > 0) void flushOfflineQueue().catch(() => undefined);
    return { status: 'saved', workspaceId: targetId, workspaceName, postId: result.post.id, duplicate: result.duplicate, mediaFetch: result.post.mediaFetch };
  } catch (error) {
    const reason = queueReason(error);
    if (!reason) {
      if (error instanceof ApiError) return { status: 'rejected', workspaceId: targetId, error };
      throw error;
    }
    await enqueueCapture({
      capture,
      workspaceId: targetId,
      workspaceName,
      userId: session.user.id,
      lastError: error instanceof Error ? error.message : null,
    });
    return { status: 'queued', workspaceId: targetId, workspaceName, reason };
  }
}

/** Why a failed delivery should wait in the queue, or null when it was refused for good. */
function queueReason(error: unknown): 'service_unreachable' | 'signed_out' | null {
  if (error instanceof ServiceUnreachableError) return 'service_unreachable';
  if (error instanceof ApiError) {
    if (error.signedOut) return 'signed_out';
    if (error.retryable) return 'service_unreachable';
    return null;
  }
  return null;
}
