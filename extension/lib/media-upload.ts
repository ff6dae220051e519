import { browser } from 'wxt/browser';
import { type Media } from '#shared/api/media.js';
import { MEDIA_TYPES } from '#shared/media-types.js';
import { call, uploadFile } from './api-client.js';
import { readImage } from './capture/read-image.js';
import { webUrl } from './capture/build.js';
import { ApiError, ExtensionError, ServiceUnreachableError } from './errors.js';
import { backgroundLocale } from './i18n/index.js';
import { mediaText as t } from './media-upload-messages.js';
import type { MediaUploadStart, PopupMedia } from './popup-types.js';

/**
 * Media of the popup's quick post, uploaded to the workspace's library by the background (the one API
 * client): the page's image, a screenshot of the visible tab (one request each), or a file from disk.
 * A File cannot cross a message, so the popup hands a file over in base64 pieces of the service's
 * chunkBytes, and each goes straight on to the service's resumable upload: the popup's progress bar
 * counts what the service holds, and a large video survives a dropped connection.
 */

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

/**
 * Sends to the service right away: each piece the popup hands over goes to the resumable upload at once,
 * so the popup's progress counts bytes the service holds. A piece whose request fails on the way (the
 * connection dropped, the service had a moment) is sent again after these pauses before giving up.
 */
export const pieceRetry = { delaysMs: [1_000, 3_000, 9_000] };

/** Starts a resumable upload; a type no network takes is refused here, the size by the service (its own limits). */
export async function startMediaUpload(data: MediaUploadStart): Promise<{ uploadId: string; chunkBytes: number }> {
  await backgroundLocale();
  if (data.size <= 0) throw new ExtensionError('internal', t('empty', { file: data.filename }));
  // The type the browser guessed from the name; the service reads the real one from the bytes.
  if (data.type && !Object.hasOwn(MEDIA_TYPES, data.type)) {
    throw new ExtensionError('internal', t('wrongType', { file: data.filename }));
  }
  const upload = await call('createMediaUpload', {
    params: { workspaceId: data.workspaceId },
    body: { filename: data.filename, sizeBytes: data.size, ...(data.type ? { mimeType: data.type } : {}) },
  });
  return { uploadId: upload.uploadId, chunkBytes: upload.chunkBytes };
}

/**
 * Uploads one piece at `offset` and answers how many bytes the service now holds; the piece that
 * completes the file answers with the new medium. A failed request is retried (pieceRetry); when a
 * retry finds the piece already taken (its first answer was lost), that counts as sent.
 */
export async function sendMediaChunk(data: { workspaceId: string; uploadId: string; offset: number; base64: string }): Promise<{ received: number; media: PopupMedia | null }> {
  await backgroundLocale();
  const params = { workspaceId: data.workspaceId, uploadId: data.uploadId };
  const bytes = bytesFromBase64(data.base64);
  for (let attempt = 0; ; attempt++) {
    try {
      const progress = await uploadFile('sendMediaUploadChunk', { params, query: { offset: data.offset } }, new Blob([bytes]));
      return { received: progress.receivedBytes, media: progress.media ? toPopupMedia(progress.media) : null };
    } catch (error) {
      if (error instanceof ApiError && error.code === 'upload_offset_mismatch') {
        const status = await call('getMediaUpload', { params });
        if (status.receivedBytes === data.offset + bytes.byteLength) return { received: status.receivedBytes, media: null };
        throw new ExtensionError('internal', t('pieceMissing'));
      }
      // Refusals (too large, wrong type, signed out) are final; only a failed connection is worth another try.
      if (!(error instanceof ServiceUnreachableError)) throw error;
      const delay = pieceRetry.delaysMs[attempt];
      if (delay === undefined) throw new ServiceUnreachableError(t('connectionLost', { tries: attempt + 1 }), { cause: error });
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }
}

/** Cancels an upload the person stopped or the popup gave up on; what arrived of it is removed. */
export async function cancelMediaUpload(data: { workspaceId: string; uploadId: string }): Promise<void> {
  await call('cancelMediaUpload', { params: data }).catch(() => undefined);
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
