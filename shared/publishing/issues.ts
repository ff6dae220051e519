import type { Bilingual } from '../i18n.js';
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
 * and the rule so it can be shown as is: `message` in English, `sentence` in every language (show
 * `sentence[language]`; the service answers `content_invalid` in the request's language).
 */
export interface ContentIssue {
  target: { accountId: string; platform: PlatformId };
  rule: ContentRule;
  field: string;
  message: string;
  sentence: Bilingual;
}

/** An issue without its target (the validators add it). */
export type Issue = Omit<ContentIssue, 'target'>;

/** The issue `rule` at `field`, saying `sentence` (its English is the `message`). */
export function issue(rule: ContentRule, field: string, sentence: Bilingual): Issue {
  return { rule, field, message: sentence.en, sentence };
}
