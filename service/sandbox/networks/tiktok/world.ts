import { randomBytes } from 'node:crypto';
import type { Context } from 'koa';

/** TikTok's API envelope: `{data, error: {code, message, log_id}}`, with code "ok" on success. */
export function tiktokOk(ctx: Context, data: unknown): void {
  ctx.body = { data, error: { code: 'ok', message: '', log_id: logId() } };
}

/** A TikTok API error (`error.code` strings such as access_token_invalid, rate_limit_exceeded, spam_risk_text). */
export function tiktokError(ctx: Context, status: number, code: string, message: string): void {
  ctx.status = status;
  ctx.set('x-tt-logid', logId());
  ctx.body = { data: {}, error: { code, message, log_id: logId() } };
}

/** What TikTok answers for an injected fault status. */
export function faultBody(status: number) {
  const code = status === 401 ? 'access_token_invalid' : status === 429 ? 'rate_limit_exceeded' : 'internal_error';
  return { data: {}, error: { code, message: code === 'internal_error' ? 'Something went wrong. Please try again later.' : code, log_id: logId() } };
}

export function logId(): string {
  return randomBytes(16).toString('hex').toUpperCase();
}

/** One Direct Post: init → (chunked upload) → processing → PUBLISH_COMPLETE with the public post id. */
export interface SimPublish {
  publishId: string;
  openId: string;
  uploadId: string;
  uploadToken: string;
  title: string;
  privacyLevel: string;
  videoSize: number;
  chunkSize: number;
  totalChunks: number;
  uploadedBytes: number;
  status: 'PROCESSING_UPLOAD' | 'PUBLISH_COMPLETE' | 'FAILED';
  /** Status reads since the upload finished; moderation "finishes" on the second. */
  reads: number;
  postId: string | null;
  createdAt: number;
}

/** The privacy levels every simulated creator may use. */
export const PRIVACY_LEVELS = ['PUBLIC_TO_EVERYONE', 'MUTUAL_FOLLOW_FRIENDS', 'FOLLOWER_OF_CREATOR', 'SELF_ONLY'];

/** Chunk rules of FILE_UPLOAD (platform-apis.md §6): under 5 MB one chunk; else 5–64 MB chunks, at most 1000. */
export const MIN_CHUNK = 5 * 1024 * 1024;
export const MAX_CHUNK = 64 * 1024 * 1024;
