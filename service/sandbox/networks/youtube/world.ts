import { createHash, randomBytes } from 'node:crypto';
import type { Context } from 'koa';
import type { SimPerson } from '../kit/directory.js';

/** Google's JSON error shape: `{error: {code, message, errors: [{reason, domain, message}], status}}`. */
export function googleError(ctx: Context, status: number, reason: string, message: string, domain = 'youtube.api'): void {
  ctx.status = status;
  ctx.body = googleErrorBody(status, reason, message, domain);
}

export function googleErrorBody(status: number, reason: string, message: string, domain = 'global') {
  const statusName: Record<number, string> = { 400: 'INVALID_ARGUMENT', 401: 'UNAUTHENTICATED', 403: 'PERMISSION_DENIED', 404: 'NOT_FOUND', 429: 'RESOURCE_EXHAUSTED' };
  return { error: { code: status, message, errors: [{ message, domain, reason }], status: statusName[status] ?? (status >= 500 ? 'UNAVAILABLE' : 'UNKNOWN') } };
}

/** What Google answers for an injected fault status. */
export function faultBody(status: number) {
  if (status === 401) return googleErrorBody(401, 'authError', 'Request had invalid authentication credentials.');
  if (status === 429) return googleErrorBody(429, 'rateLimitExceeded', 'The request cannot be completed because you have exceeded your quota.', 'youtube.quota');
  return googleErrorBody(status, 'backendError', 'Backend Error');
}

/** A person's channel id: "UC" + 22 characters, stable for the person (like the real ones). */
export function channelIdOf(person: SimPerson): string {
  return `UC${createHash('sha256').update(person.id).digest('base64url').slice(0, 22)}`;
}

/** A video id: 11 URL-safe characters. */
export function newVideoId(): string {
  return randomBytes(8).toString('base64url').slice(0, 11);
}

/** A resumable upload session (videos.insert with uploadType=resumable). */
export interface UploadSession {
  id: string;
  channelId: string;
  total: number;
  mimeType: string;
  received: number;
  hash: ReturnType<typeof createHash>;
  resource: { snippet?: Record<string, unknown>; status?: Record<string, unknown> };
  /** Set when the last byte arrived: the video it created. */
  videoId: string | null;
}
