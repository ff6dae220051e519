import { type Bilingual, bilingual, formatNumber, LANGUAGES, type Language } from '../i18n.js';
import { PLATFORM_NAMES, type PlatformId } from '../platforms.js';
import type { MediaFacts } from './content.js';
import { issue, type Issue } from './issues.js';
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

type Kind = MediaFacts['kind'];

/** A medium of a kind ("a video on its own") and several ("takes videos up to 1 GB"). */
const ONE: Record<Kind | 'gif', Bilingual> = {
  image: { en: 'an image', de: 'ein Bild' },
  video: { en: 'a video', de: 'ein Video' },
  document: { en: 'a document', de: 'ein Dokument' },
  gif: { en: 'a GIF', de: 'ein GIF' },
};
const MANY: Record<Kind, Bilingual> = {
  image: { en: 'images', de: 'Bilder' },
  video: { en: 'videos', de: 'Videos' },
  document: { en: 'documents', de: 'Dokumente' },
};

const videoRequired = (name: string) => issue('video_required', 'media', bilingual({ en: '{name} publishes videos: add one video.', de: '{name} veröffentlicht Videos: Fügen Sie ein Video hinzu.' }, { name }));
const mediaRequired = (name: string) => issue('media_required', 'media', bilingual({ en: '{name} needs at least one image or video: this post has none.', de: '{name} braucht mindestens ein Bild oder Video: Dieser Beitrag hat keins.' }, { name }));

function countIssues(name: string, rule: MediaRule, media: readonly MediaFacts[]): Issue[] {
  const count = (kind: Kind) => media.filter((medium) => medium.kind === kind).length;
  if (media.length === 0) {
    if (rule.required === 'video') return [videoRequired(name)];
    if (rule.required) return [mediaRequired(name)];
    return [];
  }
  if (rule.required === 'video' && count('video') === 0) return [videoRequired(name)];
  const issues: Issue[] = [];
  for (const kind of rule.alone) {
    const of = kind === 'gif' ? media.filter(isGif) : media.filter((medium) => medium.kind === kind);
    if (of.length > 0 && media.length > 1) {
      issues.push(issue('media_not_alone', 'media', bilingual(
        { en: '{name} publishes {what} on its own: keep just that one, or remove it.', de: '{name} veröffentlicht {what} nur für sich allein: Behalten Sie nur dieses oder entfernen Sie es.' },
        { name, what: ONE[kind] },
      )));
      return issues;
    }
  }
  const limits: [number, number, Kind][] = [
    [count('image'), rule.maxImages, 'image'],
    [count('video'), rule.maxVideos, 'video'],
    [count('document'), rule.maxDocuments, 'document'],
  ];
  for (const [have, max, kind] of limits) {
    if (have > max) {
      issues.push(issue('too_many_media', 'media', max === 0
        ? bilingual({ en: '{name} does not take {what}: remove them for this channel.', de: '{name} nimmt keine {what} an: Entfernen Sie sie für diesen Kanal.' }, { name, what: MANY[kind] })
        : bilingual({ en: '{name} takes at most {max} {what} in one post: this one has {have}.', de: '{name} nimmt höchstens {max} {what} pro Beitrag an: Dieser hat {have}.' }, { name, max, what: MANY[kind], have })));
    }
  }
  if (issues.length === 0 && media.length > rule.maxItems) {
    issues.push(issue('too_many_media', 'media', bilingual(
      { en: '{name} takes at most {max} media in one post: this one has {count}.', de: '{name} nimmt höchstens {max} Medien pro Beitrag an: Dieser hat {count}.' },
      { name, max: rule.maxItems, count: media.length },
    )));
  }
  return issues;
}

const FORMAT_LABELS: Record<InstagramFormat, Bilingual> = {
  feed: { en: 'a feed post', de: 'Ein Feed-Beitrag' },
  reel: { en: 'a reel', de: 'Ein Reel' },
  story: { en: 'a story', de: 'Eine Story' },
  carousel: { en: 'a carousel', de: 'Ein Karussell' },
};

function instagramCountIssues(media: readonly MediaFacts[], format: InstagramFormat): Issue[] {
  const spec = INSTAGRAM_FORMAT_MEDIA[format];
  const label = FORMAT_LABELS[format];
  if (media.length === 0) return [mediaRequired('Instagram')];
  const wrongKind = media.find((medium) => !(spec.kinds as readonly string[]).includes(medium.kind));
  if (wrongKind) {
    return [issue('media_format', 'media', bilingual(
      { en: 'Instagram: {label} takes {kinds} only, and this post has {kind}. Choose another format.', de: 'Instagram: {label} nimmt nur {kinds} an, und dieser Beitrag hat {kind}. Wählen Sie ein anderes Format.' },
      { label, kinds: { en: spec.kinds.join(' or '), de: spec.kinds.map((kind) => MANY[kind].de).join(' oder ') }, kind: { en: `a ${wrongKind.kind}`, de: ONE[wrongKind.kind].de } },
    ))];
  }
  const count = media.length;
  if (count < spec.min) {
    return [issue('too_few_media', 'media', bilingual(
      { en: 'Instagram: {label} needs {min} to {max} media: this post has {count}.', de: 'Instagram: {label} braucht {min} bis {max} Medien: Dieser Beitrag hat {count}.' },
      { label, min: spec.min, max: spec.max, count },
    ))];
  }
  if (count > spec.max) {
    return [issue('too_many_media', 'media', spec.max === 1
      ? bilingual({ en: 'Instagram: {label} has one medium: this post has {count}. Choose carousel for several.', de: 'Instagram: {label} hat ein Medium: Dieser Beitrag hat {count}. Wählen Sie für mehrere ein Karussell.' }, { label, count })
      : bilingual({ en: 'Instagram: {label} takes at most {max} media: this post has {count}.', de: 'Instagram: {label} nimmt höchstens {max} Medien an: Dieser Beitrag hat {count}.' }, { label, max: spec.max, count }))];
  }
  return [];
}

function itemIssues(name: string, rule: MediaRule, medium: MediaFacts, index: number, story: boolean): Issue[] {
  const field = `media.${index}`;
  const label: Bilingual = medium.name
    ? { en: `“${medium.name}”`, de: `„${medium.name}“` }
    : bilingual({ en: 'medium {number}', de: 'Medium {number}' }, { number: index + 1 });
  const kinds = MANY[medium.kind];
  const spec = medium.kind === 'image' ? rule.image : medium.kind === 'video' ? rule.video : rule.document;
  if (!spec) {
    return [issue('media_type', field, bilingual({ en: '{name} does not take {kinds}: remove {label} for this channel.', de: '{name} nimmt keine {kinds} an: Entfernen Sie {label} für diesen Kanal.' }, { name, kinds, label }))];
  }
  if (!spec.types.includes(medium.mimeType)) {
    return [issue('media_type', field, bilingual(
      { en: '{name} does not take {type} {kinds} ({label}); it takes: {types}.', de: '{name} nimmt keine {kinds} im Format {type} an ({label}); möglich sind: {types}.' },
      { name, type: typeName(medium.mimeType), kinds, label, types: spec.types.map(typeName).join(', ') },
    ))];
  }
  const issues: Issue[] = [];
  const maxBytes = medium.kind === 'image' && isGif(medium) && rule.image?.gifMaxBytes ? rule.image.gifMaxBytes : spec.maxBytes;
  if (maxBytes !== undefined && medium.sizeBytes > maxBytes) {
    issues.push(issue('media_too_large', field, bilingual(
      { en: '{name} takes {kinds} up to {max}: {label} is {size}.', de: '{name} nimmt {kinds} bis {max} an: {label} hat {size}.' },
      { name, kinds, max: megabytes(maxBytes), label, size: megabytes(medium.sizeBytes) },
    )));
  }
  if (medium.kind === 'image' && rule.image?.maxPixels && medium.width && medium.height && medium.width * medium.height > rule.image.maxPixels) {
    issues.push(issue('image_too_many_pixels', field, bilingual(
      { en: '{name} takes images up to {max} pixels: {label} has {count}.', de: '{name} nimmt Bilder bis {max} Pixel an: {label} hat {count}.' },
      { name, max: rule.image.maxPixels, label, count: medium.width * medium.height },
    )));
  }
  const aspect = medium.kind === 'image' ? rule.image?.aspect : medium.kind === 'video' ? rule.video?.aspect : undefined;
  // Stories are full-screen whatever the shape (§2/§3): the feed's aspect limits do not apply.
  if (aspect && !story && medium.width && medium.height) {
    const ratio = medium.width / medium.height;
    if (ratio < aspect[0] - 0.005 || ratio > aspect[1] + 0.005) {
      issues.push(issue('aspect_ratio', field, bilingual(
        { en: '{name} takes {kinds} from {from} to {to} (width:height): {label} is {size}.', de: '{name} nimmt {kinds} von {from} bis {to} an (Breite:Höhe): {label} hat {size}.' },
        { name, kinds, from: ratioText(aspect[0]), to: ratioText(aspect[1]), label, size: `${medium.width}×${medium.height}` },
      )));
    }
  }
  if (medium.kind === 'video' && medium.durationSeconds !== null && rule.video) {
    const { minSeconds, maxSeconds } = rule.video;
    if (minSeconds !== undefined && medium.durationSeconds < minSeconds) {
      issues.push(issue('video_too_short', field, bilingual(
        { en: '{name} takes videos of at least {min}: {label} lasts {duration}.', de: '{name} nimmt Videos ab {min} an: {label} dauert {duration}.' },
        { name, min: seconds(minSeconds), label, duration: seconds(medium.durationSeconds) },
      )));
    }
    if (maxSeconds !== undefined && medium.durationSeconds > maxSeconds) {
      issues.push(issue('video_too_long', field, bilingual(
        { en: '{name} takes videos up to {max}: {label} lasts {duration}.', de: '{name} nimmt Videos bis {max} an: {label} dauert {duration}.' },
        { name, max: seconds(maxSeconds), label, duration: seconds(medium.durationSeconds) },
      )));
    }
  }
  return issues;
}

function typeName(mimeType: string): string {
  return { 'image/jpeg': 'JPEG', 'image/png': 'PNG', 'image/gif': 'GIF', 'image/webp': 'WebP', 'video/mp4': 'MP4', 'video/quicktime': 'MOV', 'video/webm': 'WebM', 'application/pdf': 'PDF' }[mimeType] ?? mimeType;
}

/** The same quantity written in each language (1.5 GB, 1,5 GB). */
function perLanguage(write: (language: Language) => string): Bilingual {
  return Object.fromEntries(LANGUAGES.map((language) => [language, write(language)])) as Record<Language, string>;
}

const oneDecimal = { maximumFractionDigits: 1, useGrouping: false } as const;

function megabytes(bytes: number): Bilingual {
  return perLanguage((language) => bytes >= 1024 * MB ? `${formatNumber(bytes / (1024 * MB), language, oneDecimal)} GB` : `${formatNumber(bytes / MB, language, oneDecimal)} MB`);
}

function seconds(value: number): Bilingual {
  return perLanguage((language) => {
    if (value < 60) return `${formatNumber(value, language, oneDecimal)} s`;
    const minutes = Math.floor(value / 60);
    const rest = Math.round(value % 60);
    return rest === 0 ? `${minutes} min` : `${minutes} min ${rest} s`;
  });
}

function ratioText(ratio: number): Bilingual {
  const known: [number, string][] = [[1 / 3, '1:3'], [3, '3:1'], [0.8, '4:5'], [1, '1:1']];
  const name = known.find(([value]) => Math.abs(value - ratio) < 0.001)?.[1];
  return perLanguage((language) => name ?? `${formatNumber(ratio, language, { maximumFractionDigits: 2 })}:1`);
}
