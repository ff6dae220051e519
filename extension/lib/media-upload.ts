import { browser } from 'wxt/browser';
import { MEDIA_TYPES, type Media } from '#shared/api/media.js';
import { uploadFile } from './api-client.js';
import { readImage } from './capture/read-image.js';
import { webUrl } from './capture/build.js';
import { ExtensionError } from './errors.js';
import { backgroundLocale } from './i18n/index.js';
import { mediaText as t } from './media-upload-messages.js';
import type { MediaUploadStart, PopupMedia } from './popup-types.js';

/**
 * Media of the popup's quick post, uploaded to the workspace's library by the background (the one API
 * client): the page's image, a screenshot of the visible tab, or a file from disk. A File cannot cross
 * a message, so the popup hands a file over in base64 pieces; the popup's progress bar counts those,
 * and the last step (the upload itself, one request) is shown as "Uploading…".
 */

/** Largest file the popup hands over: the library's default video limit (the service checks its own). */
export const MAX_UPLOAD_BYTES = 1024 * 1024 * 1024;
/** Pieces uploaded files are handed over in; well under the 64 MiB message limit once in base64. */
export const UPLOAD_CHUNK_BYTES = 4 * 1024 * 1024;
/** A started upload not finished within this long is forgotten (the popup was closed halfway). */
const STALE_UPLOAD_MS = 10 * 60_000;

/** The library's answer, reduced to what the popup shows and the network rules check. */
export function toPopupMedia(media: Media): PopupMedia {
  return {
    id: media.id,
    kind: media.kind,
    mimeType: media.mimeType,
    sizeBytes: media.sizeBytes,
    width: media.width,
    height: media.height,
    durationSeconds: media.durationSeconds,
    name: media.originalFilename,
    thumbnailUrl: media.thumbnailUrl,
  };
}

/** Uploads the page's own image (og:image): read inside the page under the popup's activeTab grant. */
export async function attachPageImage(data: { workspaceId: string; tabId: number; imageUrl: string }): Promise<PopupMedia> {
  await backgroundLocale();
  const src = webUrl(data.imageUrl);
  if (!src) throw new ExtensionError('cannot_capture', t('noImageAddress'));
  const image = await readImage(data.tabId, 0, src);
  if (!image) {
    throw new ExtensionError('cannot_capture', t('imageUnreadable'));
  }
  const media = await uploadFile('uploadMedia', { params: { workspaceId: data.workspaceId } }, image, { filename: fileNameOf(src) ?? 'page-image' });
  return toPopupMedia(media);
}

/** Captures what the tab's window shows (activeTab is enough) and uploads it as a PNG. */
export async function captureScreenshot(data: { workspaceId: string; tabId: number | null }): Promise<PopupMedia> {
  await backgroundLocale();
  const tab = data.tabId === null ? undefined : await browser.tabs.get(data.tabId).catch(() => undefined);
  let dataUrl: string;
  try {
    dataUrl = tab?.windowId === undefined ? await browser.tabs.captureVisibleTab({ format: 'png' }) : await browser.tabs.captureVisibleTab(tab.windowId, { format: 'png' });
  } catch {
    throw new ExtensionError('cannot_capture', t('cannotCapture'));
  }
  const blob = blobFromDataUrl(dataUrl);
  const host = tab?.url ? hostOf(tab.url) : null;
  const media = await uploadFile('uploadMedia', { params: { workspaceId: data.workspaceId } }, blob, {
    filename: `screenshot${host ? `-${host}` : ''}-${new Date().toISOString().slice(0, 19).replace(/[:T]/g, '-')}.png`,
  });
  return toPopupMedia(media);
}

interface PendingUpload extends MediaUploadStart {
  parts: Blob[];
  received: number;
  startedAt: number;
}
const pending = new Map<string, PendingUpload>();

/** Starts handing a file over; checked here first so a wrong file is refused before any bytes move. */
export async function startMediaUpload(data: MediaUploadStart): Promise<{ uploadId: string; chunkBytes: number }> {
  await backgroundLocale();
  for (const [id, upload] of pending) if (Date.now() - upload.startedAt > STALE_UPLOAD_MS) pending.delete(id);
  if (data.size <= 0) throw new ExtensionError('internal', t('empty', { file: data.filename }));
  if (data.size > MAX_UPLOAD_BYTES) throw new ExtensionError('internal', t('tooLarge', { file: data.filename }));
  // The type the browser guessed from the name; the service reads the real one from the bytes.
  if (data.type && !Object.hasOwn(MEDIA_TYPES, data.type)) {
    throw new ExtensionError('internal', t('wrongType', { file: data.filename }));
  }
  const uploadId = crypto.randomUUID();
  pending.set(uploadId, { ...data, parts: [], received: 0, startedAt: Date.now() });
  return { uploadId, chunkBytes: UPLOAD_CHUNK_BYTES };
}

/** One piece of the file, at `offset` (pieces arrive in order; a gap means a lost piece). */
export async function sendMediaChunk(data: { uploadId: string; offset: number; base64: string }): Promise<{ received: number }> {
  await backgroundLocale();
  const upload = pending.get(data.uploadId);
  if (!upload) throw new ExtensionError('internal', t('interrupted'));
  if (data.offset !== upload.received) {
    pending.delete(data.uploadId);
    throw new ExtensionError('internal', t('pieceMissing'));
  }
  const bytes = bytesFromBase64(data.base64);
  upload.parts.push(new Blob([bytes]));
  upload.received += bytes.byteLength;
  if (upload.received > upload.size) {
    pending.delete(data.uploadId);
    throw new ExtensionError('internal', t('changed'));
  }
  return { received: upload.received };
}

/** Uploads the handed-over file to the workspace's library. */
export async function finishMediaUpload(data: { uploadId: string }): Promise<PopupMedia> {
  await backgroundLocale();
  const upload = pending.get(data.uploadId);
  if (!upload) throw new ExtensionError('internal', t('interrupted'));
  pending.delete(data.uploadId);
  if (upload.received !== upload.size) throw new ExtensionError('internal', t('partial'));
  const file = new Blob(upload.parts, { type: upload.type || 'application/octet-stream' });
  const media = await uploadFile('uploadMedia', { params: { workspaceId: upload.workspaceId } }, file, { filename: upload.filename });
  return toPopupMedia(media);
}

/** Forgets a file the person removed or the popup gave up on. */
export async function cancelMediaUpload(data: { uploadId: string }): Promise<void> {
  pending.delete(data.uploadId);
}

function bytesFromBase64(base64: string): Uint8Array<ArrayBuffer> {
  let binary: string;
  try {
    binary = atob(base64);
  } catch {
    throw new ExtensionError('internal', t('unreadable'));
  }
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

function blobFromDataUrl(dataUrl: string): Blob {
  const match = /^data:([^;,]*);base64,(.*)$/s.exec(dataUrl);
  if (!match) throw new ExtensionError('cannot_capture', t('screenshotUnreadable'));
  return new Blob([bytesFromBase64(match[2]!)], { type: match[1] || 'image/png' });
}

function fileNameOf(url: string): string | undefined {
  try {
    return decodeURIComponent(new URL(url).pathname.split('/').pop() ?? '') || undefined;
  } catch {
    return undefined;
  }
}

function hostOf(url: string): string | null {
  try {
    return new URL(url).hostname.replace(/[^a-z0-9.-]/gi, '') || null;
  } catch {
    return null;
  }
}
