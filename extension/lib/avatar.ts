import { call, uploadFile } from './api-client.js';
import { ExtensionError } from './errors.js';
import type { ExtensionState } from './messaging/protocol.js';
import { readState } from './state.js';
import { sessionItem } from './storage.js';

/** Largest picture the options page may hand over (the service applies its own image limit). */
const MAX_AVATAR_BYTES = 25 * 1024 * 1024;

/**
 * Uploads the person's avatar (P1, P28). Pages cannot pass a File through a message, so the options page
 * sends the picture as a data: URL; the service reads its type from the bytes and makes the square version.
 */
export async function setAvatar(data: { dataUrl: string; filename?: string }): Promise<ExtensionState> {
  const match = /^data:([^;,]*)(;base64)?,(.*)$/s.exec(data.dataUrl);
  if (!match || !match[2]) throw new ExtensionError('internal', 'The picture could not be read. Choose the file again.');
  const binary = atob(match[3]!);
  if (binary.length > MAX_AVATAR_BYTES) throw new ExtensionError('internal', 'This picture is too large for an avatar.');
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  const me = await uploadFile('setAvatar', {}, new Blob([bytes], { type: match[1] || 'application/octet-stream' }), data.filename ? { filename: data.filename } : {});
  const session = await sessionItem.getValue();
  if (session) await sessionItem.setValue({ ...session, user: me });
  return readState(true);
}

/** Removes the person's avatar. */
export async function removeAvatar(): Promise<ExtensionState> {
  const me = await call('deleteAvatar');
  const session = await sessionItem.getValue();
  if (session) await sessionItem.setValue({ ...session, user: me });
  return readState(true);
}
