import type { Checkpoint } from '../types.js';
import type { UploadedXMedia } from './media.js';

/** What an X publish remembers between attempts. */
export interface XProgress {
  /** Uploaded media by our media id. */
  media: Record<string, UploadedXMedia>;
  /** Ids of the posts of the thread created so far, in order: the first is the post itself. */
  parts: string[];
}

/** The progress saved in a checkpoint (empty for a first attempt). */
export function readXProgress(checkpoint: Checkpoint): XProgress {
  const state = checkpoint.state as Partial<XProgress>;
  return {
    media: state.media && typeof state.media === 'object' ? { ...state.media } : {},
    parts: Array.isArray(state.parts) ? state.parts.filter((id): id is string => typeof id === 'string') : [],
  };
}
