import type { CanvaExportType, DriveExportType, Import, StartImportInput } from '#shared/api/imports.js';
import { recogniseImportSource, type ImportSource } from '#shared/imports/source-url.js';
import { call } from './api-client.js';
import { ExtensionError } from './errors.js';
import { defineMessages } from './i18n/index.js';
import { observeImport, trackImport } from './import-watch.js';
import type { ImportPreview } from './messaging/protocol.js';
import { sessionItem } from './storage.js';

/**
 * Imports of a Canva design or a Google Drive file, as the popup, the context menu and the dashboard
 * ask for them. The page's address is sent, not an id: the background recognises it itself, so only a
 * real Canva or Drive address ever becomes a vendor request. The import runs on the service; what is
 * started here is also watched by the background (import-watch.ts) so its end is notified even after
 * the popup closed.
 */

const t = defineMessages({
  en: { notASource: 'This page is not a Canva design or a Google Drive file Minopa can import.' },
  de: { notASource: 'Diese Seite ist kein Canva-Design und keine Google-Drive-Datei, die Minopa importieren kann.' },
});

/** What the person chose in the popup (absent: the defaults of `defaultChoices`). */
export interface ImportChoices {
  /** Canva: the export format. */
  format?: CanvaExportType;
  /** Canva: the pages (1-based); absent or empty: all of them. */
  pages?: number[];
  /** Drive, Google editors' files only: what to export to. */
  exportAs?: DriveExportType;
}

/** The address's design or file, or a refusal the person understands. */
export function sourceOf(url: string): ImportSource {
  const source = recogniseImportSource(url);
  if (!source) throw new ExtensionError('cannot_capture', t('notASource'));
  return source;
}

/**
 * The import the context menu starts without asking: Canva as PNG, every page; Drive as it is, or as
 * PDF for a Google Docs, Sheets, Slides or Drawings file (those cannot be downloaded as they are).
 */
export function defaultChoices(source: ImportSource): ImportChoices {
  if (source.provider === 'canva') return { format: 'png' };
  return source.editor ? { exportAs: 'application/pdf' } : {};
}

/** The request body for `source` with `choices`. */
export function startInput(source: ImportSource, choices: ImportChoices, url: string, clientId: string): StartImportInput {
  const body =
    source.provider === 'canva'
      ? {
          provider: 'canva' as const,
          designId: source.designId,
          format: choices.format ?? 'png',
          ...(choices.pages && choices.pages.length > 0 ? { pages: choices.pages } : {}),
        }
      : {
          provider: 'google_drive' as const,
          fileId: source.fileId,
          // Only a Google editor's file is exported; anything else is downloaded as it is.
          ...(source.editor ? { exportAs: choices.exportAs ?? 'application/pdf' } : {}),
        };
  return { clientId, source: body, sourceUrl: url, createDraft: true };
}

/** The design's title and pages, or the file's name, type, size and export choices. */
export async function previewImport(data: { workspaceId: string; url: string }): Promise<ImportPreview> {
  const source = sourceOf(data.url);
  if (source.provider === 'canva') {
    const preview = await call('previewCanvaDesign', { params: { workspaceId: data.workspaceId, designId: source.designId } });
    return { provider: 'canva', ...preview };
  }
  const preview = await call('previewDriveFile', { params: { workspaceId: data.workspaceId, fileId: source.fileId } });
  return { provider: 'google_drive', editor: source.editor, ...preview };
}

/**
 * Starts importing the page at `url` into the workspace. `clientId` (made once per import by the
 * caller) makes a second send of the same import return the first. The import is watched until it ends.
 */
export async function startImport(data: { workspaceId: string; url: string; clientId?: string } & ImportChoices): Promise<Import> {
  const source = sourceOf(data.url);
  const { workspaceId, url, clientId, ...chosen } = data;
  const body = startInput(source, chosen, url, clientId ?? crypto.randomUUID());
  const started = await call('startImport', { params: { workspaceId }, body });
  const session = await sessionItem.getValue();
  if (session) await trackImport(started, session.user.id);
  return started;
}

/** Where one import stands; an end seen here is notified at once (and not again by the watch). */
export async function getImport(data: { workspaceId: string; importId: string }): Promise<Import> {
  const found = await call('getImport', { params: data });
  await observeImport(found);
  return found;
}

/** The person's imports in the workspace, newest first: only those still running with `active`. */
export async function listImports(data: { workspaceId: string; active?: boolean }): Promise<Import[]> {
  const query = data.active === undefined ? {} : { active: data.active ? ('true' as const) : ('false' as const) };
  return (await call('listImports', { params: { workspaceId: data.workspaceId }, query })).items;
}
