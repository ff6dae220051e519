import { sendMessage } from './messaging/protocol.js';
import type { PopupMedia } from './popup-types.js';

/** Bytes of the file the service holds, of its size. */
export interface UploadProgress {
  sent: number;
  total: number;
}

/**
 * Popup side of an upload from disk: the file goes to the background in the service's pieces (a File
 * cannot cross a message), which sends each on to the service's resumable upload at once. `onProgress`
 * gets the bytes the service holds after each piece; `isCancelled` is checked between pieces.
 */
export async function uploadFromDisk(
  workspaceId: string,
  file: File,
  onProgress: (progress: UploadProgress) => void,
  isCancelled: () => boolean = () => false,
): Promise<PopupMedia | null> {
  const { uploadId, chunkBytes } = await sendMessage('startMediaUpload', { workspaceId, filename: file.name, type: file.type, size: file.size });
  try {
    // Each piece starts where the service stands, so a piece it already had is never sent twice.
    for (let offset = 0; ; ) {
      if (isCancelled()) {
        await sendMessage('cancelMediaUpload', { workspaceId, uploadId });
        return null;
      }
      const piece = new Uint8Array(await file.slice(offset, offset + chunkBytes).arrayBuffer());
      const { received, media } = await sendMessage('sendMediaChunk', { workspaceId, uploadId, offset, base64: toBase64(piece) });
      onProgress({ sent: received, total: file.size });
      if (media) return media;
      offset = received;
    }
  } catch (error) {
    await sendMessage('cancelMediaUpload', { workspaceId, uploadId }).catch(() => undefined);
    throw error;
  }
}

/** Base64 of bytes, in slices: spreading megabytes into one call would overflow the stack. */
export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let at = 0; at < bytes.length; at += 0x8000) binary += String.fromCharCode(...bytes.subarray(at, at + 0x8000));
  return btoa(binary);
}
