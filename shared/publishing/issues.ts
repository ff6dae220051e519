import type { PlatformId } from '../platforms.js';

/** Stable codes of the content rules; clients branch on these, people read the message. */
export const CONTENT_RULES = [
  'text_required', 'text_too_long', 'text_forbidden_characters', 'too_many_hashtags', 'too_many_mentions',
  'title_required', 'title_too_long', 'title_forbidden_characters',
  'first_comment_unsupported', 'first_comment_too_long', 'thread_unsupported', 'thread_part_too_long',
  'media_required', 'video_required', 'too_many_media', 'too_few_media', 'media_not_alone', 'media_format',
  'media_type', 'media_too_large', 'image_too_many_pixels', 'aspect_ratio', 'video_too_short', 'video_too_long',
  'option_invalid',
] as const;
export type ContentRule = (typeof CONTENT_RULES)[number];

/**
 * One way a target's content breaks its network's rules. `field` is where, within the target
 * (text, title, firstComment, threadParts.1, media.2, options.boardId); the message names the network
 * and the rule so it can be shown as is.
 */
export interface ContentIssue {
  target: { accountId: string; platform: PlatformId };
  rule: ContentRule;
  field: string;
  message: string;
}

/** An issue without its target (the validators add it). */
export type Issue = Omit<ContentIssue, 'target'>;
