import { DRIVE_EXPORT_TYPES } from '#shared/api/imports.js';
import type { IntegrationContext } from '../types.js';

/** The metadata an import reads first (files.get with these fields). */
export const FILE_FIELDS = 'id,name,mimeType,size,webViewLink,thumbnailLink,capabilities(canDownload)';

/** A Drive file as an import sees it. */
export interface DriveFileMeta {
  id: string;
  name: string;
  mimeType: string;
  sizeBytes: number | null;
  viewUrl: string | null;
  /** Drive's short-lived thumbnail address, fetched with the person's token (absent when Drive has none). */
  thumbnailUrl: string | null;
  canDownload: boolean;
}

/** Google Docs, Sheets, Slides and Drawings: exported, never downloaded. */
export function isGoogleEditorType(mimeType: string): boolean {
  return mimeType.startsWith('application/vnd.google-apps.');
}

/** What a Google editors' file can be exported to, of the formats the library takes (Docs and Sheets: PDF only). */
export function exportChoices(mimeType: string): Array<(typeof DRIVE_EXPORT_TYPES)[number]> {
  if (!isGoogleEditorType(mimeType)) return [];
  return /\.(presentation|drawing)$/.test(mimeType) ? [...DRIVE_EXPORT_TYPES] : ['application/pdf'];
}

/** `files.get` metadata (no content). */
export async function getDriveFile(context: IntegrationContext, token: string, fileId: string): Promise<DriveFileMeta> {
  const response = await context.http.request({
    method: 'GET',
    url: `${context.settings.apiUrl}/files/${encodeURIComponent(fileId)}`,
    query: { fields: FILE_FIELDS, supportsAllDrives: true },
    bearer: token,
  });
  const file = (response.json ?? {}) as { name?: unknown; mimeType?: unknown; size?: unknown; webViewLink?: unknown; thumbnailLink?: unknown; capabilities?: { canDownload?: unknown } };
  const size = Number(file.size);
  return {
    id: fileId,
    name: typeof file.name === 'string' ? file.name.slice(0, 500) : fileId,
    mimeType: typeof file.mimeType === 'string' ? file.mimeType : 'application/octet-stream',
    sizeBytes: file.size !== undefined && Number.isFinite(size) ? size : null,
    viewUrl: typeof file.webViewLink === 'string' ? file.webViewLink : null,
    thumbnailUrl: typeof file.thumbnailLink === 'string' ? file.thumbnailLink : null,
    canDownload: file.capabilities?.canDownload !== false,
  };
}

/** The address of a file's bytes: `alt=media` for a binary file, `files.export` for a Google editors' file. */
export function driveContentUrl(context: IntegrationContext, file: DriveFileMeta, exportAs: string | null): string {
  const base = `${context.settings.apiUrl}/files/${encodeURIComponent(file.id)}`;
  return exportAs ? `${base}/export?mimeType=${encodeURIComponent(exportAs)}` : `${base}?alt=media&supportsAllDrives=true`;
}

/** Where Drive serves thumbnailLink addresses (Google's user-content image hosts). */
export const DRIVE_THUMBNAIL_HOSTS: readonly string[] = ['lh3.googleusercontent.com', 'lh4.googleusercontent.com', 'lh5.googleusercontent.com', 'lh6.googleusercontent.com'];

/**
 * Whether a thumbnailLink may be fetched — with the person's token, as Drive requires for files not
 * shared publicly: https on one of Google's thumbnail hosts, or the host of the configured Drive API (the
 * simulator serves its thumbnails there). Nothing else gets the token, or a request at all (SSRF).
 */
export function isDriveThumbnailUrl(url: string, apiUrl: string): boolean {
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    return false;
  }
  if (target.username || target.password) return false;
  if (target.protocol === 'https:' && DRIVE_THUMBNAIL_HOSTS.includes(target.hostname.toLowerCase()) && target.port === '') return true;
  const api = new URL(apiUrl);
  return target.protocol === api.protocol && target.host === api.host;
}
