import type { PlatformId } from '../platforms.js';
import type { TextMeasure } from './text-measures.js';

/**
 * Each network's content rules as data, from reference/platform-apis.md (section named on each entry).
 * Where the reference marks a figure UNCONFIRMED or gives only secondary sources with disagreeing
 * numbers, the rule is left out: the network stays the judge and its refusal is reported as
 * invalid_content. validate.ts applies these; the extension's composer shows them as counters.
 */

const MB = 1024 * 1024;

export interface TextRule {
  max: number;
  measure: TextMeasure;
  /** 'unless_media': a post of only media is fine (X). */
  required: boolean | 'unless_media';
  /** Characters the network refuses (YouTube: < and >). */
  forbidden?: string;
}

export interface ImageRule {
  types: readonly string[];
  maxBytes?: number;
  /** Animated GIFs where they have their own limit (X). */
  gifMaxBytes?: number;
  /** Width / height, inclusive. */
  aspect?: readonly [number, number];
  maxPixels?: number;
}

export interface VideoRule {
  types: readonly string[];
  maxBytes?: number;
  minSeconds?: number;
  maxSeconds?: number;
  aspect?: readonly [number, number];
}

export interface MediaRule {
  /** True: a target without media cannot be published. 'video': it needs a video. */
  required: boolean | 'video';
  /** At most this many media in all. */
  maxItems: number;
  maxImages: number;
  maxVideos: number;
  maxDocuments: number;
  /** Kinds that must be the only medium of the post (a video cannot join images on X). */
  alone: readonly ('image' | 'video' | 'document' | 'gif')[];
  /** Several media together need at least this many (Instagram, LinkedIn, Pinterest groups start at 2). */
  minGroup?: number;
  image: ImageRule | null;
  video: VideoRule | null;
  document: { types: readonly string[]; maxBytes?: number } | null;
}

export interface NetworkRules {
  text: TextRule;
  /** Title of the post, where the network has one. */
  title: (TextRule & { field: 'title' }) | null;
  hashtagsMax?: number;
  mentionsMax?: number;
  /** The network takes a comment under the post right after it (first comment). */
  firstComment: boolean;
  /** The network chains replies into a thread (X, Threads). */
  threads: boolean;
  media: MediaRule;
}

const IMAGE_TYPES = ['image/jpeg', 'image/png', 'image/gif', 'image/webp'] as const;

export const NETWORK_RULES: Record<PlatformId, NetworkRules> = {
  // §1 X: 280 weighted; up to 4 photos, or 1 GIF, or 1 video; image ≤ 5 MB, GIF ≤ 15 MB; video ≤ 512 MB,
  // 0.5–140 s, aspect 1:3–3:1, H.264 (MP4/MOV).
  x: {
    text: { max: 280, measure: 'x_weighted', required: 'unless_media' },
    title: null,
    firstComment: false,
    threads: true,
    media: {
      required: false, maxItems: 4, maxImages: 4, maxVideos: 1, maxDocuments: 0, alone: ['video', 'gif'],
      image: { types: IMAGE_TYPES, maxBytes: 5 * MB, gifMaxBytes: 15 * MB },
      video: { types: ['video/mp4', 'video/quicktime'], maxBytes: 512 * MB, minSeconds: 0.5, maxSeconds: 140, aspect: [1 / 3, 3] },
      document: null,
    },
  },
  // §2 Facebook Pages: 63,206 characters (practice); photos JPG/PNG under 4 MB; comments via /{post-id}/comments.
  facebook: {
    text: { max: 63_206, measure: 'code_points', required: 'unless_media' },
    title: null,
    firstComment: true,
    threads: false,
    media: {
      required: false, maxItems: 20, maxImages: 20, maxVideos: 1, maxDocuments: 0, alone: ['video'],
      image: { types: ['image/jpeg', 'image/png'], maxBytes: 4 * MB },
      video: { types: ['video/mp4', 'video/quicktime'] },
      document: null,
    },
  },
  // §3 Instagram: caption 2,200 characters, 30 hashtags, 20 @-tags; media required; JPEG only, ≤ 8 MB,
  // aspect 4:5 to 1.91:1; Reels 3 s–15 min; carousels 2–10. Counts per format are in instagramFormatRule.
  instagram: {
    text: { max: 2_200, measure: 'code_points', required: false },
    title: null,
    hashtagsMax: 30,
    mentionsMax: 20,
    firstComment: true,
    threads: false,
    media: {
      required: true, maxItems: 10, maxImages: 10, maxVideos: 10, maxDocuments: 0, alone: [], minGroup: 2,
      image: { types: ['image/jpeg'], maxBytes: 8 * MB, aspect: [4 / 5, 1.91] },
      video: { types: ['video/mp4', 'video/quicktime'], minSeconds: 3, maxSeconds: 15 * 60 },
      document: null,
    },
  },
  // §4 LinkedIn: 3,000 characters (practice); images JPG/PNG/GIF under 36,152,320 pixels; multi-image 2–20;
  // a video or a document stands alone; comments via socialActions.
  linkedin: {
    text: { max: 3_000, measure: 'code_points', required: 'unless_media' },
    title: null,
    firstComment: true,
    threads: false,
    media: {
      required: false, maxItems: 20, maxImages: 20, maxVideos: 1, maxDocuments: 1, alone: ['video', 'document'], minGroup: 2,
      image: { types: ['image/jpeg', 'image/png', 'image/gif'], maxPixels: 36_152_320 },
      video: { types: ['video/mp4'] },
      document: { types: ['application/pdf'], maxBytes: 100 * MB },
    },
  },
  // §5 Threads: 500 characters, emoji counted as UTF-8 bytes; carousels of 2+; replies chain a thread.
  threads: {
    text: { max: 500, measure: 'threads', required: 'unless_media' },
    title: null,
    firstComment: false,
    threads: true,
    media: {
      required: false, maxItems: 20, maxImages: 20, maxVideos: 20, maxDocuments: 0, alone: [], minGroup: 2,
      image: { types: ['image/jpeg', 'image/png'] },
      video: { types: ['video/mp4', 'video/quicktime'] },
      document: null,
    },
  },
  // §6 TikTok: caption ≤ 2,200 UTF-16 units; a video (MP4/MOV/WebM ≤ 4 GB) or photos (JPEG/WebP only).
  tiktok: {
    text: { max: 2_200, measure: 'utf16', required: false },
    title: null,
    firstComment: false,
    threads: false,
    media: {
      required: true, maxItems: 35, maxImages: 35, maxVideos: 1, maxDocuments: 0, alone: ['video'],
      image: { types: ['image/jpeg', 'image/webp'] },
      video: { types: ['video/mp4', 'video/quicktime', 'video/webm'], maxBytes: 4 * 1024 * MB },
      document: null,
    },
  },
  // §7 Pinterest: title ≤ 100, description capped at 500 (the spec says 800; 500 is the safe cap the
  // reference recommends); a board and an image (2–5 for a multi-image Pin) or one video.
  pinterest: {
    text: { max: 500, measure: 'code_points', required: false },
    title: { field: 'title', max: 100, measure: 'code_points', required: false },
    firstComment: false,
    threads: false,
    media: {
      required: true, maxItems: 5, maxImages: 5, maxVideos: 1, maxDocuments: 0, alone: ['video'], minGroup: 2,
      image: { types: IMAGE_TYPES },
      video: { types: ['video/mp4', 'video/quicktime'] },
      document: null,
    },
  },
  // §8 YouTube: one video; title ≤ 100 characters and required; description ≤ 5,000 bytes; no < or >.
  youtube: {
    text: { max: 5_000, measure: 'utf8_bytes', required: false, forbidden: '<>' },
    title: { field: 'title', max: 100, measure: 'code_points', required: true, forbidden: '<>' },
    firstComment: false,
    threads: false,
    media: {
      required: 'video', maxItems: 1, maxImages: 0, maxVideos: 1, maxDocuments: 0, alone: ['video'],
      image: null,
      video: { types: ['video/mp4', 'video/quicktime', 'video/webm'] },
      document: null,
    },
  },
};

/** How many media each Instagram format takes (§3 Publish flow; single feed videos go out as Reels). */
export const INSTAGRAM_FORMAT_MEDIA = {
  feed: { min: 1, max: 1, kinds: ['image'] },
  reel: { min: 1, max: 1, kinds: ['video'] },
  story: { min: 1, max: 1, kinds: ['image', 'video'] },
  carousel: { min: 2, max: 10, kinds: ['image', 'video'] },
} as const;
