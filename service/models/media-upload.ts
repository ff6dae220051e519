/** A row of media_uploads: a resumable upload still arriving (see migrations/…_create-media-uploads.ts). */
export interface MediaUploadRow {
  id: string;
  workspaceId: string;
  userId: string | null;
  filename: string | null;
  declaredMimeType: string | null;
  sizeBytes: number;
  chunkBytes: number;
  receivedBytes: number;
  createdAt: Date;
  expiresAt: Date;
}

/** Postgres answers bigint columns as strings: numbers here (files stay far below 2^53 bytes). */
export function toMediaUploadRow(raw: Record<string, unknown>): MediaUploadRow {
  const row = raw as unknown as MediaUploadRow;
  return { ...row, sizeBytes: Number(row.sizeBytes), chunkBytes: Number(row.chunkBytes), receivedBytes: Number(row.receivedBytes) };
}
