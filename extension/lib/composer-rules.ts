import type { TargetContent } from '#shared/publishing/content.js';
import type { Issue } from '#shared/publishing/issues.js';
import { NETWORK_RULES } from '#shared/publishing/rules.js';
import { measureText, measureUnit, type TextMeasure } from '#shared/publishing/text-measures.js';
import { validateTarget } from '#shared/publishing/validate.js';
import type { PlatformId } from '#shared/platforms.js';
import { optionsToSend, threadPartsToSend, type ChannelSettings } from './composer-options.js';
import type { PopupMedia } from './popup-types.js';

/**
 * The quick post's per-channel counters, checks and preview, from the same rules the service enforces
 * (shared/publishing/validate.ts, the function the service runs when targets are set): text, title,
 * first comment, thread parts, media and the network's options (a Pinterest board, TikTok privacy).
 */

export interface ChannelCheck {
  /** Length as the network counts it (X: weighted, links 23). */
  length: number;
  max: number;
  unit: string;
  /** Every rule the channel's content breaks, with a sentence naming the network and the fix (show `issue.sentence[locale]`). */
  issues: Issue[];
}

/** Counts and checks what one channel would publish; `settings` are the channel's own title, comment, thread and options. */
export function checkChannel(
  platform: PlatformId,
  content: { text: string; title: string; media: readonly PopupMedia[]; settings?: ChannelSettings },
): ChannelCheck {
  const rule = NETWORK_RULES[platform].text;
  const settings = content.settings;
  const ownTitle = settings?.title.trim() ?? '';
  const target: TargetContent = {
    text: content.text,
    title: ownTitle || content.title.trim() || null,
    firstComment: settings?.firstComment.trim() || null,
    threadParts: settings ? threadPartsToSend(settings) : [],
    options: settings ? optionsToSend(settings) : {},
    media: content.media.map((medium) => ({
      kind: medium.kind,
      mimeType: medium.mimeType,
      sizeBytes: medium.sizeBytes,
      width: medium.width,
      height: medium.height,
      durationSeconds: medium.durationSeconds,
      name: medium.name,
    })),
  };
  return {
    length: measureText(content.text, rule.measure),
    max: rule.max,
    unit: measureUnit(rule.measure),
    issues: validateTarget({ accountId: '', platform, content: target }).map(({ target: _, ...issue }) => issue),
  };
}

/**
 * Roughly where each network's feed folds a longer text behind "… more" (observed in their apps and
 * web feeds; none documents it). X and Threads show everything they accept.
 */
export const FEED_FOLD: Record<PlatformId, number> = {
  x: 280,
  threads: 500,
  instagram: 125,
  linkedin: 210,
  facebook: 480,
  tiktok: 150,
  pinterest: 100,
  youtube: 150,
};

export interface ChannelPreview {
  /** What the feed shows before its fold. */
  shown: string;
  /** True when the feed hides the rest behind "… more". */
  folded: boolean;
  /** Text past the network's limit: refused as it is. */
  overLimit: string;
}

/** How the text will look in the network's feed: cut at its fold, with what goes past the limit apart. */
export function previewChannel(platform: PlatformId, text: string): ChannelPreview {
  const rule = NETWORK_RULES[platform].text;
  const accepted = cutToLength(text, rule.measure, rule.max);
  const shown = cutToLength(accepted, rule.measure, Math.min(FEED_FOLD[platform], rule.max));
  return { shown: shown.trimEnd(), folded: shown.length < accepted.length && accepted.slice(shown.length).trim() !== '', overLimit: text.slice(accepted.length) };
}

/**
 * The longest beginning of `text` (whole code points) that `measure` counts at most `limit`. Binary
 * search: counting is linear, and a prefix never counts more than the text it starts.
 */
export function cutToLength(text: string, measure: TextMeasure, limit: number): string {
  if (measureText(text, measure) <= limit) return text;
  const points = Array.from(text);
  let low = 0;
  let high = points.length;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (measureText(points.slice(0, middle).join(''), measure) <= limit) low = middle;
    else high = middle - 1;
  }
  return points.slice(0, low).join('');
}
