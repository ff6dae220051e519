import type { CaptureInput } from '#shared/api/captures.js';
import type { ApiError, ExtensionError } from './errors.js';
import { REJECTED_LIMIT, rejectedCapturesItem } from './storage.js';

/** Captures the service (or the extension's own check) refused: kept so they are never lost silently. */

/** Remembers a refused capture for the options page; keeps the most recent `REJECTED_LIMIT`. */
export async function recordRejected(
  capture: CaptureInput,
  workspaceId: string,
  error: ApiError | ExtensionError,
): Promise<void> {
  const list = await rejectedCapturesItem.getValue();
  const entry = {
    capture,
    workspaceId,
    code: error.code,
    message: rejectionSentence(capture, error),
    ...(error.fields ? { fields: error.fields } : {}),
    rejectedAt: new Date().toISOString(),
  };
  await rejectedCapturesItem.setValue([entry, ...list.filter((old) => old.capture.clientId !== capture.clientId)].slice(0, REJECTED_LIMIT));
}

/** Forgets the refused captures (the person has seen them). */
export async function clearRejected(): Promise<void> {
  await rejectedCapturesItem.setValue([]);
}

const FIELD_NAMES: Record<string, string> = {
  url: 'The page address',
  title: 'The title',
  selectionText: 'The selected text',
  linkUrl: 'The link',
  linkText: 'The link text',
  imageUrl: 'The image address',
  imageAlt: 'The image description',
  videoUrl: 'The video address',
  videoTitle: 'The video title',
  'draft.title': 'The draft title',
  'draft.body': 'The draft text',
};

/** One sentence a person understands: the refusal, and the first field problem in words. */
export function rejectionSentence(capture: Pick<CaptureInput, 'url'>, error: ApiError | ExtensionError): string {
  const field = error.fields?.[0];
  const detail = field ? ` ${FIELD_NAMES[field.path] ?? field.path} ${field.message}.` : '';
  return `${error.message}${detail} (${capture.url})`;
}
