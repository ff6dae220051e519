import { randomUUID } from 'node:crypto';
import { Transform } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import { CaptureInput } from '#shared/api/captures.js';
import { DRIVE_EXPORT_TYPES, type ImportFailure } from '#shared/api/imports.js';
import { MEDIA_KINDS } from '#shared/media-types.js';
import { draftFromCapture } from '#shared/capture/draft-text.js';
import type { Bilingual } from '#shared/i18n.js';
import { roleAllows, type Role } from '#shared/roles.js';
import { sourceOf } from '../actions/capture-to-draft.js';
import { insertMedia, storeMedia, type StoredMedia } from '../actions/upload-media.js';
import { assertCanStore } from '../billing/limits.js';
import { readCanvaError } from '../imports/canva/errors.js';
import { createCanvaExport, getCanvaDesign, getCanvaExport, isCanvaDownloadUrl } from '../imports/canva/designs.js';
import { driveFileOnly } from '../imports/connection.js';
import { openDownload, type OpenedDownload } from '../imports/download.js';
import { canvaExportFailed, canvaExportTimedOut, ImportFailed, importFailureOf, tooLargeFailure, vendorAnsweredOddly } from '../imports/failures.js';
import { withFreshAccessToken } from '../imports/fresh-token.js';
import { readGoogleDriveError } from '../imports/google-drive/errors.js';
import { driveContentUrl, exportChoices, getDriveFile, isDriveThumbnailUrl, isGoogleEditorType } from '../imports/google-drive/files.js';
import type { ImportRow } from '../imports/import-row.js';
import { addVendorThumbnail, type OpenVendorThumbnail } from '../imports/thumbnail.js';
import { discard } from '../media/ingest.js';
import { kindOf, tooLarge, typeNotAllowed } from '../media/limits.js';
import type { MediaDeps } from '../media/deps.js';
import { setPostMedia } from '../media/post-media.js';
import type { IntegrationConnection } from '../models/integration-connection.js';
import { isPlatformError, PlatformError } from '../platforms/lib/errors.js';
import { INSTANCE_ID } from '../lib/instance-id.js';

/** Imports one run works on side by side (each streams its own download). */
const CONCURRENCY = 4;
/** A claim's lease; renewed with every progress write, so only a dead worker's imports come back. */
const LEASE_SECONDS = 120;
/** Temporary failures (a vendor's 5xx, a lost connection) are retried this many times in all, 15 s, 60 s apart. */
const MAX_ATTEMPTS = 3;
/** Progress is written at most this often, or every this many bytes — so a polling client sees it move. */
const PROGRESS_BYTES = 1024 * 1024;
const PROGRESS_MS = 500;
/** One run stops claiming after this long (and ends when its imports have), leaving the rest to the next tick. */
const RUN_BUDGET_MS = 50_000;
/** While imports run, how often the run looks for new ones to fill free places. */
const CLAIM_AGAIN_MS = 1_000;

/** How an export job is waited for: 1 s, doubling to 10 s between polls, for at most 4 minutes. */
export interface ExportPolling {
  firstMs: number;
  maxMs: number;
  deadlineMs: number;
}
const POLLING: ExportPolling = { firstMs: 1_000, maxMs: 10_000, deadlineMs: 4 * 60_000 };

/** What the job needs; `workerId` names this worker's leases, `polling` is shortened by tests. */
export type RunImportsDeps = MediaDeps & { signal?: AbortSignal | undefined; workerId?: string; polling?: Partial<ExportPolling> };

/** What one run did. */
export interface RunImportsResult {
  done: number;
  failed: number;
  retried: number;
}

/** The lease was taken over by another worker (this one was too slow): stop without writing anything. */
class LeaseLost extends Error {}

/**
 * The job that works through imports (claim → call → record, DESIGN.md §5): claims unfinished imports
 * with a lease (FOR UPDATE SKIP LOCKED in one short statement), then, with no transaction open, talks
 * to Canva or Drive through the person's connection (withFreshAccessToken: refreshed when due, and once
 * more on a 401) and streams every file through the upload pipeline (media/ingest.ts) into the library,
 * writing status and received bytes as it goes. Canva: design → export job (its id recorded at once, so
 * a continued import polls it instead of exporting twice) → polls with backoff → one medium per
 * download link. Drive: metadata (limits checked from the size) → `alt=media` download or export.
 * Done: a draft with the media in order and the source link. Temporary trouble is retried; anything else
 * fails the import with a code and a sentence.
 */
export async function runImports(deps: RunImportsDeps): Promise<RunImportsResult> {
  const result: RunImportsResult = { done: 0, failed: 0, retried: 0 };
  // Named after this process, so a shutdown gives its imports back at once (shutdown/release-leases.ts).
  const workerId = deps.workerId ?? `${INSTANCE_ID}:imports:${randomUUID()}`;
  const started = Date.now();
  // A pool, not batches: a long import (a slow export, a large file) must not hold back the next ones.
  const running = new Set<Promise<void>>();
  for (;;) {
    const claiming = Date.now() - started < RUN_BUDGET_MS && !deps.signal?.aborted;
    const claimed = claiming && running.size < CONCURRENCY ? await claim(deps, workerId, CONCURRENCY - running.size) : [];
    for (const row of claimed) {
      const task: Promise<void> = work({ ...deps, workerId }, row, result).finally(() => running.delete(task));
      running.add(task);
    }
    if (running.size === 0) return result;
    // Wait for a slot, or look again shortly for imports started meanwhile.
    await Promise.race([...running, sleep(claimed.length > 0 ? 0 : CLAIM_AGAIN_MS)]);
  }
}

async function claim(deps: MediaDeps, workerId: string, limit: number): Promise<ImportRow[]> {
  const { rows } = (await deps.knex.raw(
    `update imports set locked_by = ?, locked_until = now() + make_interval(secs => ?), attempts = attempts + 1, updated_at = now()
      where id in (
        select id from imports
         where status in ('queued', 'exporting', 'downloading') and (locked_until is null or locked_until < now())
         order by created_at
         limit ?
         for update skip locked)
      returning id`,
    [workerId, LEASE_SECONDS, limit],
  )) as { rows: Array<{ id: string }> };
  if (rows.length === 0) return [];
  return (await deps.knex('imports').whereIn('id', rows.map((row) => row.id)).orderBy('createdAt')) as ImportRow[];
}

type Worker = RunImportsDeps & { workerId: string };

async function work(deps: Worker, row: ImportRow, result: RunImportsResult): Promise<void> {
  const connection = (await deps.knex('integration_connections').where({ userId: row.userId, provider: row.provider }).first()) as IntegrationConnection | undefined;
  try {
    if (!connection) throw new ImportFailed('not_connected', importNotConnected(row.provider));
    const media = row.provider === 'canva' ? await importCanva(deps, row, connection) : await importDrive(deps, row, connection);
    await finish(deps, row, media);
    result.done++;
  } catch (error) {
    // Lost the lease, or the service is stopping: the row stays as it is and its lease runs out, so
    // another worker continues (an export already started at Canva is polled, not started again).
    if (error instanceof LeaseLost || deps.signal?.aborted) return;
    const failure = importFailureOf(error, row.provider, connection ? driveFileOnly(connection) : false);
    if (!failure && row.attempts < MAX_ATTEMPTS) {
      result.retried++;
      deps.logger.info('import will be retried', { importId: row.id, attempt: row.attempts, error: error instanceof Error ? error.message : String(error) });
      await mine(deps, row).update({ lockedBy: null, lockedUntil: new Date(Date.now() + 15_000 * 4 ** (row.attempts - 1)), updatedAt: deps.knex.fn.now() });
      return;
    }
    const final = failure ?? new ImportFailed('network_failed', networkFailed(row.provider));
    if (!failure) deps.logger.warn('import failed after retries', { importId: row.id, error: error instanceof Error ? error.message : String(error) });
    result.failed++;
    await fail(deps, row, final.code, final.text);
  }
}

/** The import's row, only while this worker holds its lease. */
function mine(deps: Worker, row: ImportRow) {
  return deps.knex('imports').where({ id: row.id, lockedBy: deps.workerId });
}

/** Writes progress and renews the lease; throws LeaseLost when another worker has the import now. */
async function record(deps: Worker, row: ImportRow, patch: Partial<Pick<ImportRow, 'status' | 'title' | 'viewUrl' | 'receivedBytes' | 'totalBytes' | 'vendorJobId' | 'format'>>): Promise<void> {
  const updated = await mine(deps, row).update({ ...patch, lockedUntil: deps.knex.raw(`now() + make_interval(secs => ?)`, [LEASE_SECONDS]), updatedAt: deps.knex.fn.now() });
  if (updated === 0) throw new LeaseLost();
  Object.assign(row, patch);
}

/**
 * Fails the import. Pages already stored (a multi-page export that failed later) are removed with it:
 * a failed import leaves nothing half-done in the library.
 */
async function fail(deps: Worker, row: ImportRow, code: ImportFailure, text: Bilingual): Promise<void> {
  deps.logger.info('import failed', { importId: row.id, provider: row.provider, code });
  const orphans = await deps.knex.transaction(async (trx) => {
    const updated = await trx('imports')
      .where({ id: row.id, lockedBy: deps.workerId })
      .update({ status: 'failed', failureCode: code, failureMessage: JSON.stringify(text), mediaIds: [], lockedBy: null, lockedUntil: null, finishedAt: trx.fn.now(), updatedAt: trx.fn.now() });
    if (updated === 0 || row.mediaIds.length === 0) return [];
    return (await trx('media').whereIn('id', row.mediaIds).where({ workspaceId: row.workspaceId }).delete().returning(['storageKey', 'thumbnailKey'])) as Array<{ storageKey: string; thumbnailKey: string | null }>;
  });
  for (const file of orphans) await discard(deps.storage, file);
}

function importNotConnected(provider: ImportRow['provider']): Bilingual {
  const name = provider === 'canva' ? 'Canva' : 'Google Drive';
  return { en: `${name} is not connected anymore. Connect it in Options → Connections and import again.`, de: `${name} ist nicht mehr verbunden. Verbinden Sie es unter Optionen → Verbindungen und importieren Sie erneut.` };
}

function networkFailed(provider: ImportRow['provider']): Bilingual {
  const name = provider === 'canva' ? 'Canva' : 'Google Drive';
  return { en: `${name} did not answer after several tries. Please try again later.`, de: `${name} hat nach mehreren Versuchen nicht geantwortet. Bitte versuchen Sie es später noch einmal.` };
}

const EXTENSIONS: Record<string, string> = { png: 'png', jpg: 'jpg', pdf: 'pdf', mp4: 'mp4', gif: 'gif', 'application/pdf': 'pdf', 'image/png': 'png', 'image/jpeg': 'jpg' };

async function importCanva(deps: Worker, row: ImportRow, connection: IntegrationConnection): Promise<string[]> {
  const format = row.format as 'png' | 'jpg' | 'pdf' | 'mp4' | 'gif';
  if (row.status === 'queued') await record(deps, row, { status: 'exporting' });
  const design = await withFreshAccessToken(deps, connection, (token, context) => getCanvaDesign(context, token, row.sourceId));
  await record(deps, row, { title: design.title, viewUrl: design.viewUrl });
  const polling = { ...POLLING, ...deps.polling };
  const deadline = Date.now() + polling.deadlineMs;
  let delay = polling.firstMs;
  let urls: string[] | null = null;
  while (!urls) {
    if (!row.vendorJobId) {
      const exportId = await withFreshAccessToken(deps, connection, (token, context) => createCanvaExport(context, token, row.sourceId, format, row.pages));
      await record(deps, row, { vendorJobId: exportId });
    }
    await sleep(delay, undefined, deps.signal ? { signal: deps.signal } : undefined);
    delay = Math.min(delay * 2, polling.maxMs);
    const job = await withFreshAccessToken(deps, connection, (token, context) => getCanvaExport(context, token, row.vendorJobId!)).catch(async (error: unknown) => {
      // Canva keeps export jobs for a limited time: one recorded long ago is started again.
      if (isPlatformError(error) && error.details.httpStatus === 404) {
        await record(deps, row, { vendorJobId: null });
        return null;
      }
      throw error;
    });
    if (job?.status === 'failed') throw canvaExportFailed(job.errorCode);
    if (job?.status === 'success') urls = job.urls;
    else await record(deps, row, {});
    if (!urls && Date.now() > deadline) throw canvaExportTimedOut();
  }
  if (urls.length === 0) throw vendorAnsweredOddly('canva');
  // The links expire after 24 hours: fetched at once, one after the other. Pages stored before a crash are kept.
  // Bytes of the pages already stored (a continued import), not of a page cut short.
  const stored = row.mediaIds.length > 0 ? Number((await deps.knex('media').whereIn('id', row.mediaIds).sum({ total: 'sizeBytes' }).first())?.total ?? 0) : 0;
  await record(deps, row, { status: 'downloading', receivedBytes: stored });
  const settings = await withFreshAccessToken(deps, connection, async (_token, context) => context.settings);
  const extension = EXTENSIONS[format] ?? format;
  const title = design.title ?? `Canva design ${row.sourceId}`;
  // The design's thumbnail becomes the preview of an MP4 or PDF export (images make their own).
  const thumbnailUrl = design.thumbnailUrl;
  let thumbnail: OpenVendorThumbnail | null = null;
  if (thumbnailUrl && isCanvaDownloadUrl(thumbnailUrl, settings.apiUrl)) thumbnail = () => openDownload(thumbnailUrl, { readVendorError: readCanvaError, signal: deps.signal });
  else if (thumbnailUrl) deps.logger.warn('Canva answered a thumbnail on an unexpected host; not followed', { importId: row.id, host: safeHost(thumbnailUrl) });
  for (let index = row.mediaIds.length; index < urls.length; index++) {
    const url = urls[index]!;
    if (!isCanvaDownloadUrl(url, settings.apiUrl)) {
      deps.logger.warn('Canva answered a download link on an unexpected host; not followed', { importId: row.id, host: safeHost(url) });
      throw vendorAnsweredOddly('canva');
    }
    const opened = await openDownload(url, { readVendorError: readCanvaError, signal: deps.signal }).catch((error: unknown) => {
      // An expired link (the CDN's 403): tried again later, when polling the export answers fresh links.
      if (isPlatformError(error) && error.details.httpStatus === 403) throw new PlatformError('transient', 'A Canva download link had expired.');
      throw error;
    });
    const filename = urls.length > 1 ? `${title} – page ${row.pages?.[index] ?? index + 1}.${extension}` : `${title}.${extension}`;
    await storeOne(deps, row, opened, filename, thumbnail);
  }
  return row.mediaIds;
}

async function importDrive(deps: Worker, row: ImportRow, connection: IntegrationConnection): Promise<string[]> {
  if (row.mediaIds.length > 0) return row.mediaIds;
  const file = await withFreshAccessToken(deps, connection, (token, context) => getDriveFile(context, token, row.sourceId));
  let exportAs: string | null = null;
  if (isGoogleEditorType(file.mimeType)) {
    exportAs = row.format ?? 'application/pdf';
    if (!(exportChoices(file.mimeType) as string[]).includes(exportAs)) {
      throw new ImportFailed('type_not_allowed', {
        en: `Google Drive cannot export this file as ${exportAs}. Choose ${exportChoices(file.mimeType).join(' or ')}.`,
        de: `Google Drive kann diese Datei nicht als ${exportAs} exportieren. Wählen Sie ${exportChoices(file.mimeType).join(' oder ')}.`,
      });
    }
  } else {
    if (!file.canDownload) throw noDownload();
    // Limits from the metadata, before a byte is fetched.
    const kind = kindOf(file.mimeType);
    if (!kind) throw new ImportFailed('type_not_allowed', typeNotAllowed(file.mimeType, MEDIA_KINDS).text);
    const limit = deps.config.media.maxBytes[kind];
    if (file.sizeBytes !== null && file.sizeBytes > limit) throw tooLargeFailure(tooLarge(kind, limit, file.sizeBytes).text);
  }
  if (!(DRIVE_EXPORT_TYPES as readonly string[]).includes(exportAs ?? 'application/pdf')) throw vendorAnsweredOddly('google_drive');
  await record(deps, row, { status: 'downloading', title: file.name, viewUrl: file.viewUrl, totalBytes: exportAs ? null : file.sizeBytes, format: exportAs, receivedBytes: 0 });
  const opened = await withFreshAccessToken(deps, connection, (token, context) =>
    openDownload(driveContentUrl(context, file, exportAs), { bearer: token, readVendorError: readGoogleDriveError, signal: deps.signal }),
  );
  const extension = exportAs ? EXTENSIONS[exportAs] : null;
  const filename = extension && !file.name.toLowerCase().endsWith(`.${extension}`) ? `${file.name}.${extension}` : file.name;
  // Drive's thumbnailLink becomes the preview of a video or PDF (images make their own); it needs the person's token.
  const thumbnailUrl = file.thumbnailUrl;
  const settings = await withFreshAccessToken(deps, connection, async (_token, context) => context.settings);
  let thumbnail: OpenVendorThumbnail | null = null;
  if (thumbnailUrl && isDriveThumbnailUrl(thumbnailUrl, settings.apiUrl)) {
    thumbnail = () => withFreshAccessToken(deps, connection, (token) => openDownload(thumbnailUrl, { bearer: token, readVendorError: readGoogleDriveError, signal: deps.signal }));
  } else if (thumbnailUrl) {
    deps.logger.warn('Drive answered a thumbnail on an unexpected host; not followed', { importId: row.id, host: safeHost(thumbnailUrl) });
  }
  await storeOne(deps, row, opened, filename, thumbnail);
  return row.mediaIds;
}

function noDownload(): ImportFailed {
  return new ImportFailed('no_access', {
    en: 'The owner of this Drive file has turned downloading off for people they shared it with.',
    de: 'Die Eigentümerin oder der Eigentümer dieser Drive-Datei hat das Herunterladen für Personen, mit denen sie geteilt ist, abgeschaltet.',
  });
}

/**
 * Streams one file into the library through a byte counter that writes progress (throttled), gives it the
 * vendor's thumbnail when its bytes made no preview, then writes the medium's row and appends it to the
 * import in one short transaction (so a crash keeps what is stored).
 */
async function storeOne(deps: Worker, row: ImportRow, opened: OpenedDownload, filename: string, thumbnail: OpenVendorThumbnail | null): Promise<void> {
  const base = Number(row.receivedBytes);
  let received = 0;
  let written = 0;
  let writtenAt = Date.now();
  let writing: Promise<void> = Promise.resolve();
  let lost: unknown = null;
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      received += chunk.length;
      if (lost) return callback(lost as Error);
      if (received - written >= PROGRESS_BYTES || Date.now() - writtenAt >= PROGRESS_MS) {
        written = received;
        writtenAt = Date.now();
        // Not awaited: the bytes keep flowing while the row is written (one write at a time).
        writing = writing.then(() => record(deps, row, { receivedBytes: base + received })).catch((error: unknown) => void (lost = error));
      }
      callback(null, chunk);
    },
  });
  opened.body.once('error', (error) => counter.destroy(error));
  opened.body.pipe(counter);
  let media: StoredMedia;
  try {
    media = await storeMedia(deps, {
      workspaceId: row.workspaceId,
      uploadedBy: row.userId,
      body: counter,
      declaredLength: opened.length,
      filename,
      sourceUrl: row.sourceUrl ?? row.viewUrl,
    });
  } finally {
    opened.body.unpipe(counter);
    opened.body.destroy();
    await writing;
  }
  if (lost) {
    await discard(deps.storage, media.stored);
    throw lost;
  }
  try {
    await addVendorThumbnail(deps, media, thumbnail);
    await deps.knex.transaction(async (trx) => {
      const held = await trx('imports').where({ id: row.id, lockedBy: deps.workerId }).forUpdate().first('id');
      if (!held) throw new LeaseLost();
      // The plan's storage counts imported files like uploaded ones (issue 7).
      await assertCanStore(trx, deps.config, row.workspaceId, media.stored.sizeBytes);
      await insertMedia(trx, media);
      await trx('imports')
        .where({ id: row.id })
        .update({ mediaIds: trx.raw('array_append(media_ids, ?::uuid)', [media.id]), receivedBytes: base + media.stored.sizeBytes, updatedAt: trx.fn.now() });
    });
  } catch (error) {
    await discard(deps.storage, media.stored);
    throw error;
  }
  row.mediaIds = [...row.mediaIds, media.id];
  row.receivedBytes = base + media.stored.sizeBytes;
}

/**
 * Finishes an import in one transaction: with createDraft, a draft by the import's person — made as a
 * capture of the source page is (same title/body and provenance code as captureToDraft), its media in
 * order — then `done`. If the person is no longer an editor there, the media stay and no draft is made.
 */
async function finish(deps: Worker, row: ImportRow, mediaIds: string[]): Promise<void> {
  await deps.knex.transaction(async (trx) => {
    const held = await trx('imports').where({ id: row.id, lockedBy: deps.workerId }).forUpdate().first('id', 'postId');
    if (!held) throw new LeaseLost();
    let postId: string | null = held.postId;
    const membership = (await trx('memberships').where({ workspaceId: row.workspaceId, userId: row.userId }).first('role')) as { role: Role } | undefined;
    if (row.createDraft && !postId && membership && roleAllows(membership.role, 'editor')) {
      const url = row.sourceUrl ?? row.viewUrl;
      const capture = CaptureInput.parse({ clientId: row.clientId, kind: 'page', ...(url ? { url } : {}), ...(row.title ? { title: row.title } : {}) });
      const { title, body } = draftFromCapture(capture);
      const [post] = await trx('posts')
        .insert({ workspaceId: row.workspaceId, createdBy: row.userId, title, body, hashtags: [], source: url ? sourceOf(capture, new Date()) : null, clientId: row.clientId })
        .onConflict(['workspaceId', 'clientId'])
        .ignore()
        .returning('id');
      postId = (post?.id as string | undefined) ?? null;
      if (postId) await setPostMedia(trx, row.workspaceId, postId, mediaIds);
    }
    await trx('imports')
      .where({ id: row.id })
      .update({ status: 'done', postId, lockedBy: null, lockedUntil: null, finishedAt: trx.fn.now(), updatedAt: trx.fn.now() });
  });
}

function safeHost(url: string): string | null {
  try {
    return new URL(url).host;
  } catch {
    return null;
  }
}
