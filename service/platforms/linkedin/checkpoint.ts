import type { Checkpoint } from '../types.js';

/** What a LinkedIn publish remembers between attempts. */
export interface LinkedInProgress {
  /** Uploaded media URNs by our media id. */
  media: Record<string, string>;
  /** The post's URN once LinkedIn created it. */
  postUrn: string | null;
  /** The first comment's URN once created. */
  commentUrn: string | null;
}

/** The progress saved in a checkpoint (empty for a first attempt). */
export function readLinkedInProgress(checkpoint: Checkpoint): LinkedInProgress {
  const state = checkpoint.state as Partial<LinkedInProgress>;
  return {
    media: state.media && typeof state.media === 'object' ? { ...state.media } : {},
    postUrn: typeof state.postUrn === 'string' ? state.postUrn : null,
    commentUrn: typeof state.commentUrn === 'string' ? state.commentUrn : null,
  };
}
