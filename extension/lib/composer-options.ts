import type { z } from 'zod';
import { INSTAGRAM_FORMATS, LINKEDIN_VISIBILITY, OPTION_SCHEMAS, TIKTOK_PRIVACY_LEVELS, YOUTUBE_PRIVACY } from '#shared/publishing/options.js';
import { NETWORK_RULES } from '#shared/publishing/rules.js';
import type { PlatformId } from '#shared/platforms.js';
import type { QuickPostTarget } from './popup-types.js';

/**
 * The network options a channel card of the quick post offers, read from the shared option schemas
 * (shared/publishing/options.ts) and network rules: which inputs a network gets, which are required, what
 * is sent with the target, and which choices are worth remembering for the next post.
 */

/** An option's value as a form holds it: '' is "not chosen". */
export type OptionValue = string | boolean;

/** What the person set for one channel beyond its text. */
export interface ChannelSettings {
  /** The channel's own title ('' = the post's title). Only networks with titles (Pinterest, YouTube). */
  title: string;
  /** A comment posted right after the post ('' = none), where the network takes one. */
  firstComment: string;
  /** Further posts of a thread (X, Threads). */
  threadParts: string[];
  options: Record<string, OptionValue>;
}

/**
 * How an option is asked for. `board`: Pinterest's boards, read from the service. A select with
 * `emptyMeansDefault` offers "let the network decide" (the option left out).
 */
export type OptionInput =
  | { key: string; kind: 'select'; values: readonly string[]; emptyMeansDefault?: boolean }
  | { key: string; kind: 'board' }
  | { key: string; kind: 'url' | 'text' }
  | { key: string; kind: 'checkbox' };

/** YouTube's standard video categories (ids as its API names them; assignable in every region we know of). */
export const YOUTUBE_CATEGORIES = ['1', '2', '10', '15', '17', '19', '20', '22', '23', '24', '25', '26', '27', '28', '29'] as const;

/**
 * Every option of every network's schema, in the order the card shows them. A test checks this table
 * against OPTION_SCHEMAS, so an option added there cannot be forgotten here.
 */
export const OPTION_INPUTS: Record<PlatformId, readonly OptionInput[]> = {
  x: [],
  threads: [],
  facebook: [],
  linkedin: [{ key: 'visibility', kind: 'select', values: LINKEDIN_VISIBILITY, emptyMeansDefault: true }],
  instagram: [{ key: 'format', kind: 'select', values: INSTAGRAM_FORMATS, emptyMeansDefault: true }],
  tiktok: [
    { key: 'privacyLevel', kind: 'select', values: TIKTOK_PRIVACY_LEVELS },
    { key: 'disableComment', kind: 'checkbox' },
    { key: 'disableDuet', kind: 'checkbox' },
    { key: 'disableStitch', kind: 'checkbox' },
  ],
  pinterest: [
    { key: 'boardId', kind: 'board' },
    { key: 'link', kind: 'url' },
    { key: 'altText', kind: 'text' },
  ],
  youtube: [
    { key: 'privacy', kind: 'select', values: YOUTUBE_PRIVACY },
    // Empty: the adapter's default category (22, People & Blogs).
    { key: 'categoryId', kind: 'select', values: YOUTUBE_CATEGORIES, emptyMeansDefault: true },
    { key: 'madeForKids', kind: 'checkbox' },
  ],
};

/**
 * Choices that belong to the channel rather than to one post (where a Pin goes, who may see it, what
 * kind of Instagram post): remembered per channel and offered again. Titles, links and comments are not.
 */
const REMEMBERED: Record<PlatformId, readonly string[]> = {
  x: [],
  threads: [],
  facebook: [],
  linkedin: ['visibility'],
  instagram: ['format'],
  tiktok: ['privacyLevel', 'disableComment', 'disableDuet', 'disableStitch'],
  pinterest: ['boardId'],
  youtube: ['privacy', 'categoryId', 'madeForKids'],
};

function shapeOf(platform: PlatformId): Record<string, z.ZodType> {
  return (OPTION_SCHEMAS[platform] as unknown as z.ZodObject).shape as Record<string, z.ZodType>;
}

/** True when the network's schema refuses a target without this option (Pinterest board, TikTok privacy). */
export function isRequiredOption(platform: PlatformId, key: string): boolean {
  const schema = shapeOf(platform)[key];
  return schema !== undefined && !schema.safeParse(undefined).success;
}

/** The option's value when the person has not chosen (YouTube's privacy defaults to public), else ''. */
export function defaultOption(platform: PlatformId, key: string): OptionValue {
  const parsed = shapeOf(platform)[key]?.safeParse(undefined);
  return parsed?.success && (typeof parsed.data === 'string' || typeof parsed.data === 'boolean') ? parsed.data : '';
}

/** What the card shows beyond the text: title, first comment, thread parts. */
export function extraFields(platform: PlatformId): { title: boolean; titleRequired: boolean; firstComment: boolean; threads: boolean } {
  const rules = NETWORK_RULES[platform];
  return { title: rules.title !== null, titleRequired: rules.title?.required === true, firstComment: rules.firstComment, threads: rules.threads };
}

/** A channel's starting settings: the schema's defaults, then what was remembered for it. */
export function initialSettings(platform: PlatformId, remembered: Record<string, OptionValue> = {}): ChannelSettings {
  const options: Record<string, OptionValue> = {};
  for (const input of OPTION_INPUTS[platform]) {
    const kept = remembered[input.key];
    options[input.key] = REMEMBERED[platform].includes(input.key) && kept !== undefined ? kept : defaultOption(platform, input.key);
  }
  return { title: '', firstComment: '', threadParts: [], options };
}

/** The options as the service reads them: unchosen ('' or unticked) ones left out, text trimmed. */
export function optionsToSend(settings: ChannelSettings): Record<string, string | boolean> {
  const sent: Record<string, string | boolean> = {};
  for (const [key, value] of Object.entries(settings.options)) {
    if (value === false) continue;
    if (typeof value === 'string') {
      if (value.trim() === '') continue;
      sent[key] = value.trim();
    } else sent[key] = value;
  }
  return sent;
}

/** The thread parts worth sending: empty boxes are left out. */
export function threadPartsToSend(settings: ChannelSettings): string[] {
  return settings.threadParts.filter((part) => part.trim() !== '');
}

/** What a target carries besides its text, for the channel's network; absent fields keep the post's own. */
export function targetExtras(platform: PlatformId, settings: ChannelSettings): Omit<QuickPostTarget, 'accountId' | 'text'> {
  const fields = extraFields(platform);
  const options = optionsToSend(settings);
  const parts = threadPartsToSend(settings);
  return {
    ...(fields.title && settings.title.trim() !== '' ? { title: settings.title.trim() } : {}),
    ...(fields.firstComment && settings.firstComment.trim() !== '' ? { firstComment: settings.firstComment.trim() } : {}),
    ...(fields.threads && parts.length > 0 ? { threadParts: parts } : {}),
    ...(Object.keys(options).length > 0 ? { options } : {}),
  };
}

/** The choices of a channel worth offering next time (board, privacy, format). */
export function rememberedOptions(platform: PlatformId, settings: ChannelSettings): Record<string, OptionValue> {
  return Object.fromEntries(REMEMBERED[platform].filter((key) => key in settings.options).map((key) => [key, settings.options[key]!]));
}
