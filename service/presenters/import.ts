import type { Import } from '#shared/api/imports.js';
import type { Language } from '#shared/i18n.js';
import type { ImportRow } from '../imports/import-row.js';

const count = (value: string | number | null) => (value === null ? null : Number(value));

/** An import as its person sees it; the failure's sentence in the request's language. */
export function presentImport(row: ImportRow, language: Language): Import {
  return {
    id: row.id,
    workspaceId: row.workspaceId,
    provider: row.provider,
    sourceId: row.sourceId,
    sourceUrl: row.sourceUrl,
    title: row.title,
    format: row.format,
    status: row.status,
    receivedBytes: Number(row.receivedBytes),
    totalBytes: count(row.totalBytes),
    failure: row.failureCode && row.failureMessage ? { code: row.failureCode, message: row.failureMessage[language] ?? row.failureMessage.en } : null,
    mediaIds: row.mediaIds,
    postId: row.postId,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    finishedAt: row.finishedAt?.toISOString() ?? null,
  };
}
