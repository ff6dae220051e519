import type { Knex } from 'knex';
import { PLATFORM_NAMES } from '#shared/platforms.js';
import { createSealer } from '../lib/token-crypto.js';
import { openTokens } from '../platforms/credentials.js';
import { PlatformError } from '../platforms/lib/errors.js';
import type { AccountHandle, PublishContent, PublishMedia } from '../platforms/types.js';
import type { BlobStorage } from '../storage/index.js';
import type { ClaimedTarget, PublisherDeps } from './types.js';

/** A claimed target with what publishing it needs, or the reason it cannot be published. */
export type LoadedTarget =
  | { target: ClaimedTarget; ok: true; account: AccountHandle; accountName: string; content: PublishContent }
  | { target: ClaimedTarget; ok: false; error: PlatformError };

interface TargetRow {
  id: string;
  body: string;
  title: string | null;
  hashtags: string[];
  accountStatus: string;
  accountName: string;
  accountRemoteId: string;
  accountKind: AccountHandle['kind'];
  credentials: string | null;
  credentialsKeyId: string | null;
}

interface MediaRow {
  postId: string;
  id: string;
  kind: PublishMedia['kind'];
  mimeType: string;
  sizeBytes: string | number;
  width: number | null;
  height: number | null;
  durationSeconds: number | null;
  originalFilename: string | null;
  storageKey: string;
}

/**
 * Reads the post, account and media of a batch of claimed targets in two queries (whatever the batch
 * size) and turns each into an AccountHandle (tokens opened, P26) and the PublishContent it sends.
 * No transaction is held: the lease keeps other workers away.
 */
export async function loadTargets(deps: Pick<PublisherDeps, 'knex' | 'config' | 'storage'>, targets: readonly ClaimedTarget[], mediaUrlTtlMs: number): Promise<LoadedTarget[]> {
  if (targets.length === 0) return [];
  const [rows, mediaRows] = await Promise.all([
    deps.knex('postTargets as t')
      .join('posts as p', 'p.id', 't.postId')
      .join('connectedAccounts as a', 'a.id', 't.accountId')
      .whereIn('t.id', targets.map((target) => target.id))
      .select('t.id', 'p.body', 'p.title', 'p.hashtags', 'a.status as accountStatus', 'a.name as accountName', 'a.remoteId as accountRemoteId', 'a.kind as accountKind', 'a.credentials', 'a.credentialsKeyId') as Promise<TargetRow[]>,
    mediaOf(deps.knex, [...new Set(targets.map((target) => target.postId))]),
  ]);
  const byId = new Map(rows.map((row) => [row.id, row]));
  const sealer = createSealer(deps.config.tokenKeys);
  const expiresAt = new Date(Date.now() + mediaUrlTtlMs);
  return Promise.all(
    targets.map(async (target): Promise<LoadedTarget> => {
      const row = byId.get(target.id);
      const network = PLATFORM_NAMES[target.platform];
      if (!row || row.accountStatus !== 'active' || !row.credentials) {
        const name = row ? `“${row.accountName}” ` : '';
        return { target, ok: false, error: new PlatformError('auth', `Your ${network} account ${name}is not connected any more. Reconnect it, then retry the post.`) };
      }
      let tokens;
      try {
        tokens = openTokens(sealer, row);
      } catch (error) {
        // A key removed from TOKEN_ENCRYPTION_KEYS: the operator can put it back, so keep trying.
        return { target, ok: false, error: new PlatformError('transient', `The ${network} account’s stored connection could not be opened (${(error as Error).message}).`) };
      }
      let media: PublishMedia[];
      try {
        media = await Promise.all((mediaRows.get(target.postId) ?? []).map((medium) => publishMedia(deps.storage, medium, expiresAt)));
      } catch (error) {
        return { target, ok: false, error: new PlatformError('transient', `The media of this post could not be prepared (${(error as Error).message}).`) };
      }
      return {
        target,
        ok: true,
        account: { remoteId: row.accountRemoteId, kind: row.accountKind, tokens },
        accountName: row.accountName,
        content: contentOf(row, target.overrides, media),
      };
    }),
  );
}

async function mediaOf(knex: Knex, postIds: string[]): Promise<Map<string, MediaRow[]>> {
  const rows = (await knex('postMedia as pm')
    .join('media as m', 'm.id', 'pm.mediaId')
    .whereIn('pm.postId', postIds)
    .orderBy([{ column: 'pm.postId' }, { column: 'pm.position' }])
    .select('pm.postId', 'm.id', 'm.kind', 'm.mimeType', 'm.sizeBytes', 'm.width', 'm.height', 'm.durationSeconds', 'm.originalFilename', 'm.storageKey')) as MediaRow[];
  const byPost = new Map<string, MediaRow[]>();
  for (const row of rows) byPost.set(row.postId, [...(byPost.get(row.postId) ?? []), row]);
  return byPost;
}

async function publishMedia(storage: BlobStorage, row: MediaRow, expiresAt: Date): Promise<PublishMedia> {
  const publicUrl = await storage.signedUrl(row.storageKey, { expiresAt, contentType: row.mimeType, filename: row.originalFilename, disposition: 'inline' });
  return {
    id: row.id,
    kind: row.kind,
    mimeType: row.mimeType,
    sizeBytes: Number(row.sizeBytes),
    width: row.width,
    height: row.height,
    durationSeconds: row.durationSeconds,
    filename: row.originalFilename,
    publicUrl,
    async open() {
      const read = await storage.get(row.storageKey);
      if (!read) {
        throw new PlatformError('invalid_content', `The file “${row.originalFilename ?? row.id}” of this post is no longer in the media library. Edit the post, then retry.`);
      }
      return read.body;
    },
  };
}

/**
 * The post's body with the target's overrides applied (validated upstream by shared/publishing). An
 * override text is sent as the person wrote it; the post's own body gets its hashtags appended.
 */
export function contentOf(post: Pick<TargetRow, 'body' | 'title' | 'hashtags'>, overrides: Record<string, unknown>, media: PublishMedia[]): PublishContent {
  return {
    text: stringOr(overrides.text) ?? withHashtags(post.body, post.hashtags),
    title: stringOr(overrides.title) ?? post.title,
    firstComment: stringOr(overrides.firstComment),
    threadParts: Array.isArray(overrides.threadParts) ? overrides.threadParts.filter((part): part is string => typeof part === 'string' && part.trim() !== '') : [],
    media,
    options: isRecord(overrides.options) ? overrides.options : {},
  };
}

/** Appends the hashtags the body does not already contain, as `#tag`. */
function withHashtags(body: string, hashtags: readonly string[]): string {
  const missing = hashtags.filter((tag) => !new RegExp(`(^|\\s)#${tag}(?![\\p{L}\\p{N}_])`, 'iu').test(body)).map((tag) => `#${tag}`);
  if (missing.length === 0) return body;
  return body.trim() === '' ? missing.join(' ') : `${body.trimEnd()}\n\n${missing.join(' ')}`;
}

function stringOr(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value : null;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
