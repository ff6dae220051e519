import { PlatformError } from '../lib/errors.js';
import type { PlatformContext } from '../types.js';
import { requireString } from './graph.js';
import { pollUntil, type PollTiming } from './poll.js';

/** A media container's life on Instagram and Threads (reference §3 step 3, §5 step 3). */
export type ContainerState = 'IN_PROGRESS' | 'FINISHED' | 'PUBLISHED' | 'ERROR' | 'EXPIRED';

/** How one network names its container fields and edges. */
export interface ContainerDialect {
  networkName: string;
  /** `fields=` of a status read: Instagram `status_code,status`, Threads `status,error_message`. */
  statusFields: string;
  /** The state and, on ERROR, the network's explanation. */
  readStatus(json: unknown): { state: ContainerState | null; detail: string | null };
  /** The publish edge below the user: `media_publish` or `threads_publish`. */
  publishEdge: string;
}

/** Reads a container's state once (read-only). */
export async function containerState(context: PlatformContext, dialect: ContainerDialect, containerId: string, token: string): Promise<{ state: ContainerState | null; detail: string | null }> {
  const response = await context.http.request({ method: 'GET', url: `${context.settings.apiUrl}/${containerId}`, query: { fields: dialect.statusFields }, bearer: token });
  return dialect.readStatus(response.json);
}

/**
 * Polls a container until it is ready to publish (FINISHED) or already published (PUBLISHED). ERROR is
 * the network refusing the media; EXPIRED (not published within 24 h) cannot be published any more.
 * Transient failures of the polls are retried; a slow container ends in a transient error to resume later.
 */
export async function waitForContainer(context: PlatformContext, dialect: ContainerDialect, containerId: string, token: string, timing: PollTiming): Promise<'FINISHED' | 'PUBLISHED'> {
  return pollUntil(
    async () => {
      const { state, detail } = await containerState(context, dialect, containerId, token);
      if (state === 'ERROR') {
        throw new PlatformError('invalid_content', `${dialect.networkName} could not process this media${detail ? ` (${detail})` : ''}. Check the file’s format, size and aspect ratio.`, { vendorMessage: detail });
      }
      if (state === 'EXPIRED') throw new PlatformError('invalid_content', `${dialect.networkName} discarded the prepared media because it was not published within 24 hours. Retry the post.`);
      return state === 'FINISHED' || state === 'PUBLISHED' ? state : undefined;
    },
    timing,
    `${dialect.networkName}’s processing of the media`,
    context.signal,
  );
}

/** Publishes a FINISHED container: the one irreversible request of the flow. Returns the post's id. */
export async function publishContainer(context: PlatformContext, dialect: ContainerDialect, userId: string, containerId: string, token: string): Promise<string> {
  const response = await context.http.request({
    method: 'POST',
    url: `${context.settings.apiUrl}/${userId}/${dialect.publishEdge}`,
    form: { creation_id: containerId },
    bearer: token,
    irreversible: true,
  });
  return requireString(response.json, 'id', dialect.networkName);
}

/** Creates a container (nothing is published: a lost answer only leaves an orphan that expires in 24 h). */
export async function createContainer(context: PlatformContext, networkName: string, url: string, form: Record<string, string | undefined>, token: string): Promise<{ id: string; json: unknown }> {
  const response = await context.http.request({ method: 'POST', url, form, bearer: token });
  return { id: requireString(response.json, 'id', networkName), json: response.json };
}
