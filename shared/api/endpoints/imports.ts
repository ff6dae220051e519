import type { Endpoint } from '../endpoint.js';
import {
  CanvaDesignParams,
  CanvaDesignPreview,
  DriveFileParams,
  DriveFilePreview,
  Import,
  ImportList,
  ImportListQuery,
  ImportParams,
  StartImportInput,
} from '../imports.js';
import { WorkspaceParams } from '../common.js';

/**
 * Imports of a Canva design or a Google Drive file into a workspace's library and a new draft, through
 * the signed-in person's own connection. Starting answers at once (202); the work happens in the
 * background and the client polls the import.
 */
export const importsEndpoints = {
  startImport: {
    method: 'POST', path: '/api/v1/workspaces/:workspaceId/imports', tag: 'imports', auth: 'member', role: 'editor',
    summary:
      'Starts importing a Canva design (exported as PNG, JPG, PDF, MP4 or GIF; chosen pages) or a Google Drive file (downloaded, or a Google Docs type exported) into the library and, unless `createDraft` is false, a new draft. Idempotent on clientId. 409 when the provider is not connected.',
    params: WorkspaceParams, body: StartImportInput, response: Import, status: 202,
  },
  listImports: {
    method: 'GET', path: '/api/v1/workspaces/:workspaceId/imports', tag: 'imports', auth: 'member', role: 'editor',
    summary: 'Your imports into this workspace, newest first (at most 50); `active=true`: only those still running.',
    params: WorkspaceParams, query: ImportListQuery, response: ImportList,
  },
  getImport: {
    method: 'GET', path: '/api/v1/workspaces/:workspaceId/imports/:importId', tag: 'imports', auth: 'member', role: 'editor',
    summary: 'One of your imports: its status (queued, exporting, downloading, done, failed), bytes received, and the media and draft it made.',
    params: ImportParams, response: Import,
  },
  previewCanvaDesign: {
    method: 'GET', path: '/api/v1/workspaces/:workspaceId/imports/canva/designs/:designId', tag: 'imports', auth: 'member', role: 'editor',
    summary: 'A Canva design’s title, page count and thumbnail, read through your Canva connection (before importing it).',
    params: CanvaDesignParams, response: CanvaDesignPreview,
  },
  previewDriveFile: {
    method: 'GET', path: '/api/v1/workspaces/:workspaceId/imports/google-drive/files/:fileId', tag: 'imports', auth: 'member', role: 'editor',
    summary: 'A Drive file’s name, type and size, and for Google Docs types the formats it can be exported as, read through your Drive connection.',
    params: DriveFileParams, response: DriveFilePreview,
  },
} as const satisfies Record<string, Endpoint>;
