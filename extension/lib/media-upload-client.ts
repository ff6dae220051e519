import { sendMessage } from './messaging/protocol.js';
import type { PopupMedia } from './popup-types.js';

/** Where an upload from disk stands: handing the file to the background, then the upload itself. */
export type UploadProgress = { phase: 'reading'; sent: number; total: number } | { phase: 'uploading' };

/**
 * Popup side of an upload from disk: the file goes to the background in pieces (a File cannot cross a
 * message), the background uploads it to the workspace's library through the one API client.
 * `onProgress` is called after each piece; `isCancelled` is checked between pieces.
 */
export async function uploadFromDisk(
  workspaceId: string,
  file: File,
  onProgress: (progress: UploadProgress) => void,
  isCancelled: () => boolean = () => false,
): Promise<PopupMedia | null> {
  const { uploadId, chunkBytes } = await sendMessage('startMediaUpload', { workspaceId, filename: file.name, type: file.type, size: file.size });
  try {
    for (let offset = 0; offset < file.size; offset += chunkBytes) {
      if (isCancelled()) {
        await sendMessage('cancelMediaUpload', { uploadId });
        return null;
      }
      const piece = new Uint8Array(await file.slice(offset, offset + chunkBytes).arrayBuffer());
      const { received } = await sendMessage('sendMediaChunk', { uploadId, offset, base64: toBase64(piece) });
      onProgress({ phase: 'reading', sent: received, total: file.size });
    }
    onProgress({ phase: 'uploading' });
    return await sendMessage('finishMediaUpload', { uploadId });
  } catch (error) {
    await sendMessage('cancelMediaUpload', { uploadId }).catch(() => undefined);
    throw error;
  }
}

/** Base64 of bytes, in slices: spreading megabytes into one call would overflow the stack. */
export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let at = 0; at < bytes.length; at += 0x8000) binary += String.fromCharCode(...bytes.subarray(at, at + 0x8000));
  return btoa(binary);
}
