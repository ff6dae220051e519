import { PLATFORM_NAMES, type PlatformId } from '../platforms.js';
import type { MediaFacts } from './content.js';
import type { Issue } from './issues.js';
import type { InstagramFormat } from './options.js';
import { INSTAGRAM_FORMAT_MEDIA, NETWORK_RULES, type MediaRule } from './rules.js';

const MB = 1024 * 1024;
const isGif = (medium: MediaFacts) => medium.mimeType === 'image/gif';

/** The Instagram format a target takes: the one chosen, else a carousel for several media, a Reel for a video, else feed. */
export function instagramFormat(media: readonly MediaFacts[], chosen: InstagramFormat | undefined): InstagramFormat {
  if (chosen) return chosen;
  if (media.length > 1) return 'carousel';
  return media[0]?.kind === 'video' ? 'reel' : 'feed';
}

/** The media of a target against its network's count, type, size, duration and aspect rules. */
export function mediaIssues(platform: PlatformId, media: readonly MediaFacts[], instagram?: InstagramFormat): Issue[] {
  const rule = NETWORK_RULES[platform].media;
  const name = PLATFORM_NAMES[platform];
  const issues = platform === 'instagram' ? instagramCountIssues(media, instagramFormat(media, instagram)) : countIssues(name, rule, media);
  media.forEach((medium, index) => issues.push(...itemIssues(name, rule, medium, index, platform === 'instagram' && instagram === 'story')));
  return issues;
}

function countIssues(name: string, rule: MediaRule, media: readonly MediaFacts[]): Issue[] {
  const count = (kind: MediaFacts['kind']) => media.filter((medium) => medium.kind === kind).length;
  if (media.length === 0) {
    if (rule.required === 'video') return [{ rule: 'video_required', field: 'media', message: `${name} publishes videos: add one video.` }];
    if (rule.required) return [{ rule: 'media_required', field: 'media', message: `${name} needs at least one image or video: this post has none.` }];
    return [];
  }
  if (rule.required === 'video' && count('video') === 0) return [{ rule: 'video_required', field: 'media', message: `${name} publishes videos: add one video.` }];
  const issues: Issue[] = [];
  for (const kind of rule.alone) {
    const of = kind === 'gif' ? media.filter(isGif) : media.filter((medium) => medium.kind === kind);
    if (of.length > 0 && media.length > 1) {
      const what = kind === 'gif' ? 'a GIF' : `a ${kind}`;
      issues.push({ rule: 'media_not_alone', field: 'media', message: `${name} publishes ${what} on its own: keep just that one, or remove it.` });
      return issues;
    }
  }
  const limits: [number, number, string][] = [
    [count('image'), rule.maxImages, 'images'],
    [count('video'), rule.maxVideos, 'videos'],
    [count('document'), rule.maxDocuments, 'documents'],
  ];
  for (const [have, max, what] of limits) {
    if (have > max) {
      issues.push({ rule: 'too_many_media', field: 'media', message: max === 0 ? `${name} does not take ${what}: remove them for this channel.` : `${name} takes at most ${max} ${what} in one post: this one has ${have}.` });
    }
  }
  if (issues.length === 0 && media.length > rule.maxItems) {
    issues.push({ rule: 'too_many_media', field: 'media', message: `${name} takes at most ${rule.maxItems} media in one post: this one has ${media.length}.` });
  }
  return issues;
}

function instagramCountIssues(media: readonly MediaFacts[], format: InstagramFormat): Issue[] {
  const spec = INSTAGRAM_FORMAT_MEDIA[format];
  const label = { feed: 'A feed post', reel: 'A Reel', story: 'A Story', carousel: 'A carousel' }[format];
  if (media.length === 0) return [{ rule: 'media_required', field: 'media', message: 'Instagram needs at least one image or video: this post has none.' }];
  const wrongKind = media.find((medium) => !(spec.kinds as readonly string[]).includes(medium.kind));
  if (wrongKind) {
    return [{ rule: 'media_format', field: 'media', message: `Instagram: ${label.toLowerCase()} takes ${spec.kinds.join(' or ')} only, and this post has a ${wrongKind.kind}. Choose another format.` }];
  }
  if (media.length < spec.min) return [{ rule: 'too_few_media', field: 'media', message: `Instagram: ${label.toLowerCase()} needs ${spec.min} to ${spec.max} media: this post has ${media.length}.` }];
  if (media.length > spec.max) {
    return [{ rule: 'too_many_media', field: 'media', message: spec.max === 1 ? `Instagram: ${label.toLowerCase()} has one medium: this post has ${media.length}. Choose carousel for several.` : `Instagram: ${label.toLowerCase()} takes at most ${spec.max} media: this post has ${media.length}.` }];
  }
  return [];
}

function itemIssues(name: string, rule: MediaRule, medium: MediaFacts, index: number, story: boolean): Issue[] {
  const field = `media.${index}`;
  const label = medium.name ? `“${medium.name}”` : `medium ${index + 1}`;
  const spec = medium.kind === 'image' ? rule.image : medium.kind === 'video' ? rule.video : rule.document;
  if (!spec) return [{ rule: 'media_type', field, message: `${name} does not take ${medium.kind}s: remove ${label} for this channel.` }];
  if (!spec.types.includes(medium.mimeType)) {
    return [{ rule: 'media_type', field, message: `${name} does not take ${typeName(medium.mimeType)} ${medium.kind}s (${label}); it takes: ${spec.types.map(typeName).join(', ')}.` }];
  }
  const issues: Issue[] = [];
  const maxBytes = medium.kind === 'image' && isGif(medium) && rule.image?.gifMaxBytes ? rule.image.gifMaxBytes : spec.maxBytes;
  if (maxBytes !== undefined && medium.sizeBytes > maxBytes) {
    issues.push({ rule: 'media_too_large', field, message: `${name} takes ${medium.kind}s up to ${megabytes(maxBytes)}: ${label} is ${megabytes(medium.sizeBytes)}.` });
  }
  if (medium.kind === 'image' && rule.image?.maxPixels && medium.width && medium.height && medium.width * medium.height > rule.image.maxPixels) {
    issues.push({ rule: 'image_too_many_pixels', field, message: `${name} takes images up to ${rule.image.maxPixels.toLocaleString('en-US')} pixels: ${label} has ${(medium.width * medium.height).toLocaleString('en-US')}.` });
  }
  const aspect = medium.kind === 'image' ? rule.image?.aspect : medium.kind === 'video' ? rule.video?.aspect : undefined;
  // Stories are full-screen whatever the shape (§2/§3): the feed's aspect limits do not apply.
  if (aspect && !story && medium.width && medium.height) {
    const ratio = medium.width / medium.height;
    if (ratio < aspect[0] - 0.005 || ratio > aspect[1] + 0.005) {
      issues.push({ rule: 'aspect_ratio', field, message: `${name} takes ${medium.kind}s from ${ratioText(aspect[0])} to ${ratioText(aspect[1])} (width:height): ${label} is ${medium.width}×${medium.height}.` });
    }
  }
  if (medium.kind === 'video' && medium.durationSeconds !== null && rule.video) {
    const { minSeconds, maxSeconds } = rule.video;
    if (minSeconds !== undefined && medium.durationSeconds < minSeconds) {
      issues.push({ rule: 'video_too_short', field, message: `${name} takes videos of at least ${seconds(minSeconds)}: ${label} lasts ${seconds(medium.durationSeconds)}.` });
    }
    if (maxSeconds !== undefined && medium.durationSeconds > maxSeconds) {
      issues.push({ rule: 'video_too_long', field, message: `${name} takes videos up to ${seconds(maxSeconds)}: ${label} lasts ${seconds(medium.durationSeconds)}.` });
    }
  }
  return issues;
}

function typeName(mimeType: string): string {
  return { 'image/jpeg': 'JPEG', 'image/png': 'PNG', 'image/gif': 'GIF', 'image/webp': 'WebP', 'video/mp4': 'MP4', 'video/quicktime': 'MOV', 'video/webm': 'WebM', 'application/pdf': 'PDF' }[mimeType] ?? mimeType;
}

function megabytes(bytes: number): string {
  return bytes >= 1024 * MB ? `${+(bytes / (1024 * MB)).toFixed(1)} GB` : `${+(bytes / MB).toFixed(1)} MB`;
}

function seconds(value: number): string {
  if (value < 60) return `${+value.toFixed(1)} s`;
  const minutes = Math.floor(value / 60);
  const rest = Math.round(value % 60);
  return rest === 0 ? `${minutes} min` : `${minutes} min ${rest} s`;
}

function ratioText(ratio: number): string {
  const known: [number, string][] = [[1 / 3, '1:3'], [3, '3:1'], [0.8, '4:5'], [1.91, '1.91:1'], [1, '1:1']];
  return known.find(([value]) => Math.abs(value - ratio) < 0.001)?.[1] ?? `${+ratio.toFixed(2)}:1`;
}
