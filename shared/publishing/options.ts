import { z } from 'zod';
import type { PlatformId } from '../platforms.js';
import { bilingual, zodMessage } from '../i18n.js';

/**
 * Per-network options of a target, as zod schemas (strict: an option another network takes is refused,
 * not silently dropped). The adapters receive them as validated here (PublishContent.options).
 */

/** TikTok's privacy levels (§6 Publish flow, post_info.privacy_level); the account's creator info narrows them. */
export const TIKTOK_PRIVACY_LEVELS = ['PUBLIC_TO_EVERYONE', 'MUTUAL_FOLLOW_FRIENDS', 'FOLLOWER_OF_CREATOR', 'SELF_ONLY'] as const;

/** Instagram's kinds of post (§3 Publish flow): one image, a Reel, a Story, or a carousel of 2–10. */
export const INSTAGRAM_FORMATS = ['feed', 'reel', 'story', 'carousel'] as const;
export type InstagramFormat = (typeof INSTAGRAM_FORMATS)[number];

/** YouTube's privacy statuses (§8 Upload flow, status.privacyStatus). */
export const YOUTUBE_PRIVACY = ['public', 'unlisted', 'private'] as const;

/** LinkedIn's visibility of a post (§4 Publish flow). */
export const LINKEDIN_VISIBILITY = ['PUBLIC', 'CONNECTIONS', 'LOGGED_IN'] as const;

const none = () => z.strictObject({});
const BOARD_REQUIRED = zodMessage({ en: 'is required: choose the board to pin to', de: 'ist erforderlich: Wählen Sie die Pinnwand, an die gepinnt wird' });

/**
 * Each network's schema is built the first time it is read, not when this module is loaded: building
 * zod schemas is real work, and the extension's popup loads this module on its way to its first frame
 * while it needs a network's schema only once a channel of that network is chosen.
 */
export const OPTION_SCHEMAS = builtOnFirstRead({
  x: none,
  threads: none,
  facebook: none,
  linkedin: () => z.strictObject({ visibility: z.enum(LINKEDIN_VISIBILITY).optional() }),
  instagram: () => z.strictObject({
    format: z.enum(INSTAGRAM_FORMATS).optional().meta({ description: 'Absent: a carousel for several media, a Reel for a video, else a feed post.' }),
  }),
  tiktok: () => z.strictObject({
    privacyLevel: z.enum(TIKTOK_PRIVACY_LEVELS, { message: zodMessage({ en: `must be one of ${TIKTOK_PRIVACY_LEVELS.join(', ')}`, de: `muss einer dieser Werte sein: ${TIKTOK_PRIVACY_LEVELS.join(', ')}` }) }),
    disableComment: z.boolean().optional(),
    disableDuet: z.boolean().optional(),
    disableStitch: z.boolean().optional(),
  }),
  pinterest: () => z.strictObject({
    boardId: z.string({ message: BOARD_REQUIRED }).trim().min(1, { message: BOARD_REQUIRED }).max(100),
    // §7 Limits: link ≤ 2048, alt_text ≤ 500.
    link: z.url({ protocol: /^https?$/, message: zodMessage({ en: 'must be a web address starting with http:// or https://', de: 'muss eine Webadresse sein, die mit http:// oder https:// beginnt' }) }).max(2048).optional(),
    altText: z.string().max(500, { message: zodMessage(bilingual({ en: 'must be at most {max} characters', de: 'darf höchstens {max} Zeichen lang sein' }, { max: 500 })) }).optional(),
  }),
  youtube: () => z.strictObject({
    privacy: z.enum(YOUTUBE_PRIVACY).default('public'),
    categoryId: z.string().regex(/^\d{1,4}$/, { message: zodMessage({ en: 'must be a YouTube category number, such as 22', de: 'muss eine YouTube-Kategorienummer sein, etwa 22' }) }).optional(),
    madeForKids: z.boolean().optional(),
  }),
} satisfies Record<PlatformId, () => z.ZodType>);

/** An object whose every property is its builder's result, built on the property's first read and then kept. */
function builtOnFirstRead<Builders extends Record<string, () => unknown>>(builders: Builders): { readonly [K in keyof Builders]: ReturnType<Builders[K]> } {
  const built = {} as { [K in keyof Builders]: ReturnType<Builders[K]> };
  for (const key of Object.keys(builders)) {
    Object.defineProperty(built, key, {
      enumerable: true,
      configurable: true,
      get() {
        const value = builders[key]!();
        Object.defineProperty(built, key, { value, enumerable: true });
        return value;
      },
    });
  }
  return built;
}

/** The validated options of a target of network P. */
export type PlatformOptions<P extends PlatformId> = z.output<(typeof OPTION_SCHEMAS)[P]>;
