import { DRIVE_EXPORT_TYPES } from '#shared/api/imports.js';
import type { IntegrationContext } from '../types.js';

/** The metadata an import reads first (files.get with these fields). */
export const FILE_FIELDS = 'id,name,mimeType,size,webViewLink,capabilities(canDownload)';

/** A Drive file as an import sees it. */
export interface DriveFileMeta {
  id: string;
  name: string;
  mimeType: string;
  sizeBytes: number | null;
  viewUrl: string | null;
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
  const file = (response.json ?? {}) as { name?: unknown; mimeType?: unknown; size?: unknown; webViewLink?: unknown; capabilities?: { canDownload?: unknown } };
  const size = Number(file.size);
  return {
    id: fileId,
    name: typeof file.name === 'string' ? file.name.slice(0, 500) : fileId,
    mimeType: typeof file.mimeType === 'string' ? file.mimeType : 'application/octet-stream',
    sizeBytes: file.size !== undefined && Number.isFinite(size) ? size : null,
    viewUrl: typeof file.webViewLink === 'string' ? file.webViewLink : null,
    canDownload: file.capabilities?.canDownload !== false,
  };
}

/** The address of a file's bytes: `alt=media` for a binary file, `files.export` for a Google editors' file. */
export function driveContentUrl(context: IntegrationContext, file: DriveFileMeta, exportAs: string | null): string {
  const base = `${context.settings.apiUrl}/files/${encodeURIComponent(file.id)}`;
  return exportAs ? `${base}/export?mimeType=${encodeURIComponent(exportAs)}` : `${base}?alt=media&supportsAllDrives=true`;
}
