import { z } from 'zod';
import { bilingual, zodMessage } from '../i18n.js';

/**
 * What one target publishes: the post's content with the target's overrides applied. The service
 * validates it when targets are set and again when they are scheduled; the publisher builds
 * PublishContent from the same function, so what was validated is what goes out.
 */

const notEmpty = zodMessage({ en: 'must not be empty', de: 'darf nicht leer sein' });
const atMost = (max: number) => zodMessage(bilingual({ en: 'must be at most {max} characters', de: 'darf höchstens {max} Zeichen lang sein' }, { max }));

/** A target's overrides of the post (stored in post_targets.overrides). Absent: the post's own. */
export const TargetOverrides = z
  .strictObject({
    text: z.string().max(70_000, { message: atMost(70_000) }).nullable().optional()
      .meta({ description: 'Replaces the post text and its hashtags for this channel.' }),
    title: z.string().trim().max(300, { message: atMost(300) }).nullable().optional(),
    firstComment: z.string().trim().min(1, { message: notEmpty }).max(10_000, { message: atMost(10_000) }).nullable().optional()
      .meta({ description: 'Posted as a comment right after the post (Facebook, Instagram, LinkedIn).' }),
    threadParts: z.array(z.string().trim().min(1, { message: notEmpty }).max(10_000, { message: atMost(10_000) }))
      .max(25, { message: zodMessage(bilingual({ en: 'at most {max} parts', de: 'höchstens {max} Teile' }, { max: 25 })) }).optional()
      .meta({ description: 'X and Threads: further posts, each replying to the one before.' }),
    options: z.record(z.string(), z.unknown()).optional().meta({ description: 'Network options (shared/publishing/options.ts).' }),
  })
  .meta({ id: 'TargetOverrides' });
export type TargetOverrides = z.output<typeof TargetOverrides>;

/** What the rules need to know of a medium (the media library's columns). */
export interface MediaFacts {
  kind: 'image' | 'video' | 'document';
  mimeType: string;
  sizeBytes: number;
  width: number | null;
  height: number | null;
  /** Null when the container does not state it: duration rules are then left to the network. */
  durationSeconds: number | null;
  /** Shown in messages ("photo.png"); null falls back to the position. */
  name: string | null;
}

/** The content one target publishes, before its network's rules are applied. */
export interface TargetContent {
  text: string;
  title: string | null;
  firstComment: string | null;
  threadParts: string[];
  options: Record<string, unknown>;
  media: MediaFacts[];
}

/** The post text as published: the body, then its hashtags (stored without #) on their own line. */
export function composePostText(body: string, hashtags: readonly string[]): string {
  if (hashtags.length === 0) return body;
  const tags = hashtags.map((tag) => `#${tag}`).join(' ');
  return body.trim() === '' ? tags : `${body}\n\n${tags}`;
}

/** The post's content with a target's overrides applied. */
export function targetContent(
  post: { body: string; title: string | null; hashtags: readonly string[] },
  overrides: TargetOverrides,
  media: MediaFacts[],
): TargetContent {
  return {
    text: overrides.text ?? composePostText(post.body, post.hashtags),
    title: overrides.title !== undefined ? overrides.title : post.title,
    firstComment: overrides.firstComment ?? null,
    threadParts: overrides.threadParts ?? [],
    options: overrides.options ?? {},
    media,
  };
}
