import type { ImportFailure, ImportStatus } from '#shared/api/imports.js';
import type { Bilingual } from '#shared/i18n.js';
import type { ImportProvider } from '#shared/imports/source-url.js';

/** One row of `imports` (camelCased). bigint columns come back from Postgres as strings. */
export interface ImportRow {
  id: string;
  workspaceId: string;
  userId: string;
  clientId: string;
  provider: ImportProvider;
  sourceId: string;
  sourceUrl: string | null;
  /** Canva: the export type. Drive: the export MIME type, or null for a download. */
  format: string | null;
  pages: number[] | null;
  createDraft: boolean;
  status: ImportStatus;
  title: string | null;
  viewUrl: string | null;
  receivedBytes: string | number;
  totalBytes: string | number | null;
  failureCode: ImportFailure | null;
  failureMessage: Bilingual | null;
  vendorJobId: string | null;
  mediaIds: string[];
  postId: string | null;
  lockedBy: string | null;
  lockedUntil: Date | null;
  attempts: number;
  createdAt: Date;
  updatedAt: Date;
  finishedAt: Date | null;
}

/** Statuses of an import still being worked on. */
export const ACTIVE_IMPORT_STATUSES = ['queued', 'exporting', 'downloading'] as const;
