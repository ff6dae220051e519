import { describe, expect, it } from 'vitest';
import type { PlatformId } from '../platforms.js';
import { composePostText, type MediaFacts, type TargetContent, targetContent } from './content.js';
import { CONTENT_RULES, type ContentRule } from './issues.js';
import { validateTarget } from './validate.js';

const MB = 1024 * 1024;
const jpeg = (overrides: Partial<MediaFacts> = {}): MediaFacts => ({
  kind: 'image', mimeType: 'image/jpeg', sizeBytes: MB, width: 1080, height: 1080, durationSeconds: null, name: 'photo.jpg', ...overrides,
});
const png = (overrides: Partial<MediaFacts> = {}) => jpeg({ mimeType: 'image/png', name: 'shot.png', ...overrides });
const mp4 = (overrides: Partial<MediaFacts> = {}): MediaFacts => ({
  kind: 'video', mimeType: 'video/mp4', sizeBytes: 20 * MB, width: 1080, height: 1920, durationSeconds: 30, name: 'clip.mp4', ...overrides,
});

function check(platform: PlatformId, content: Partial<TargetContent>) {
  const issues = validateTarget({
    accountId: 'acc-1',
    platform,
    content: { text: 'Hello', title: null, firstComment: null, threadParts: [], options: {}, media: [], ...content },
  });
  return issues.map(({ rule, field, message }) => ({ rule, field, message }));
}
const rules = (platform: PlatformId, content: Partial<TargetContent>) => check(platform, content).map((issue) => issue.rule);

describe('validateTarget', () => {
  it('names the network and the rule, and the target it is about', () => {
    const text = `${'x'.repeat(273)} https://example.com/a/very/long/link`;
    const [issue] = validateTarget({ accountId: 'acc-9', platform: 'x', content: { text, title: null, firstComment: null, threadParts: [], options: {}, media: [] } });
    expect(issue).toEqual({
      target: { accountId: 'acc-9', platform: 'x' },
      rule: 'text_too_long',
      field: 'text',
      message: 'X counts 23 characters per link: this text is 297 of 280.',
      sentence: { en: 'X counts 23 characters per link: this text is 297 of 280.', de: 'X zählt 23 Zeichen pro Link: Dieser Text hat 297 von 280.' },
    });
  });

  it('X: 280 weighted characters, emoji count 2, thread parts each checked', () => {
    expect(check('x', { text: 'a'.repeat(280) })).toEqual([]);
    expect(check('x', { text: '😀'.repeat(141) })).toEqual([
      { rule: 'text_too_long', field: 'text', message: 'X allows 280 characters, counting emoji and CJK characters as 2: this text is 282 of 280.' },
    ]);
    expect(check('x', { threadParts: ['fine', 'b'.repeat(281)] })).toEqual([
      { rule: 'thread_part_too_long', field: 'threadParts.1', message: 'X allows 280 characters, counting emoji and CJK characters as 2: part 3 of the thread is 281 of 280.' },
    ]);
    expect(rules('x', { text: '', media: [] })).toEqual(['text_required']);
    expect(rules('x', { text: '', media: [jpeg()] })).toEqual([]);
  });

  it('X: up to 4 images, or one video or GIF on its own', () => {
    expect(rules('x', { media: [jpeg(), jpeg(), jpeg(), jpeg()] })).toEqual([]);
    expect(check('x', { media: [jpeg(), jpeg(), jpeg(), jpeg(), jpeg()] })).toEqual([
      { rule: 'too_many_media', field: 'media', message: 'X takes at most 4 images in one post: this one has 5.' },
    ]);
    expect(check('x', { media: [mp4(), jpeg()] })[0]).toMatchObject({ rule: 'media_not_alone', message: 'X publishes a video on its own: keep just that one, or remove it.' });
    expect(rules('x', { media: [jpeg({ mimeType: 'image/gif' }), jpeg()] })).toEqual(['media_not_alone']);
    expect(check('x', { media: [jpeg({ sizeBytes: 6 * MB })] })).toEqual([
      { rule: 'media_too_large', field: 'media.0', message: 'X takes images up to 5 MB: “photo.jpg” is 6 MB.' },
    ]);
    expect(rules('x', { media: [jpeg({ mimeType: 'image/gif', sizeBytes: 12 * MB })] })).toEqual([]);
    expect(check('x', { media: [mp4({ durationSeconds: 200, width: 400, height: 1600 })] })).toEqual([
      { rule: 'aspect_ratio', field: 'media.0', message: 'X takes videos from 1:3 to 3:1 (width:height): “clip.mp4” is 400×1600.' },
      { rule: 'video_too_long', field: 'media.0', message: 'X takes videos up to 2 min 20 s: “clip.mp4” lasts 3 min 20 s.' },
    ]);
    expect(rules('x', { firstComment: 'hi' })).toEqual(['first_comment_unsupported']);
    expect(rules('x', { media: [{ ...jpeg(), kind: 'document', mimeType: 'application/pdf', name: 'deck.pdf' }] })).toEqual(['too_many_media', 'media_type']);
  });

  it('Instagram: needs media, JPEG only, 30 hashtags, 20 mentions, aspect 4:5 to 1.91:1, formats by count', () => {
    expect(check('instagram', {})).toEqual([{ rule: 'media_required', field: 'media', message: 'Instagram needs at least one image or video: this post has none.' }]);
    expect(rules('instagram', { media: [jpeg()] })).toEqual([]);
    expect(check('instagram', { media: [png()] })).toEqual([
      { rule: 'media_type', field: 'media.0', message: 'Instagram does not take PNG images (“shot.png”); it takes: JPEG.' },
    ]);
    const tags = Array.from({ length: 31 }, (_, i) => `#t${i}`).join(' ');
    expect(check('instagram', { text: tags, media: [jpeg()] })).toEqual([
      { rule: 'too_many_hashtags', field: 'text', message: 'Instagram allows 30 hashtags: this text has 31.' },
    ]);
    const mentions = Array.from({ length: 21 }, (_, i) => `@p${i}`).join(' ');
    expect(rules('instagram', { text: mentions, media: [jpeg()] })).toEqual(['too_many_mentions']);
    expect(rules('instagram', { text: 'a'.repeat(2_201), media: [jpeg()] })).toEqual(['text_too_long']);
    expect(rules('instagram', { media: [jpeg({ width: 1080, height: 1920 })] })).toEqual(['aspect_ratio']);
    // Stories are full screen: the feed's aspect rule does not apply.
    expect(rules('instagram', { options: { format: 'story' }, media: [jpeg({ width: 1080, height: 1920 })] })).toEqual([]);
    expect(rules('instagram', { media: Array.from({ length: 11 }, () => jpeg()) })).toEqual(['too_many_media']);
    expect(check('instagram', { options: { format: 'carousel' }, media: [jpeg()] })).toEqual([
      { rule: 'too_few_media', field: 'media', message: 'Instagram: a carousel needs 2 to 10 media: this post has 1.' },
    ]);
    expect(rules('instagram', { options: { format: 'reel' }, media: [jpeg()] })).toEqual(['media_format']);
    expect(rules('instagram', { media: [mp4({ durationSeconds: 2 })] })).toEqual(['video_too_short']);
    expect(check('instagram', { options: { format: 'album' }, media: [jpeg()] })).toEqual([
      { rule: 'option_invalid', field: 'options.format', message: 'Instagram option “format” must be one of "feed", "reel", "story", "carousel".' },
    ]);
  });

  it('Pinterest: a board and an image; title 100, description 500', () => {
    expect(check('pinterest', { media: [jpeg()] })).toEqual([
      { rule: 'option_invalid', field: 'options.boardId', message: 'Pinterest option “boardId” is required: choose the board to pin to.' },
    ]);
    expect(rules('pinterest', { options: { boardId: '123' } })).toEqual(['media_required']);
    expect(rules('pinterest', { options: { boardId: '123' }, media: [jpeg()], title: 't'.repeat(101), text: 'd'.repeat(501) })).toEqual(['text_too_long', 'title_too_long']);
    expect(rules('pinterest', { options: { boardId: '123', link: 'ftp://x' }, media: [jpeg()] })).toEqual(['option_invalid']);
    expect(rules('pinterest', { options: { boardId: '123' }, media: Array.from({ length: 6 }, () => jpeg()) })).toEqual(['too_many_media']);
  });

  it('YouTube: one video and a title; description in bytes; no angle brackets', () => {
    expect(check('youtube', { media: [jpeg()], title: 'Launch' })).toEqual([
      { rule: 'video_required', field: 'media', message: 'YouTube publishes videos: add one video.' },
      { rule: 'media_type', field: 'media.0', message: 'YouTube does not take images: remove “photo.jpg” for this channel.' },
    ]);
    expect(check('youtube', { media: [mp4()] })).toEqual([{ rule: 'title_required', field: 'title', message: 'YouTube needs a title: give the post or this channel one.' }]);
    expect(rules('youtube', { media: [mp4()], title: 'Launch <day>' })).toEqual(['title_forbidden_characters']);
    expect(check('youtube', { media: [mp4()], title: 'ok', text: 'é'.repeat(2_501) })).toEqual([
      { rule: 'text_too_long', field: 'text', message: 'YouTube allows 5,000 bytes: this text is 5,002 of 5,000.' },
    ]);
    expect(rules('youtube', { media: [mp4()], title: 'ok', options: { privacy: 'secret' } })).toEqual(['option_invalid']);
    expect(rules('youtube', { media: [mp4(), mp4()], title: 'ok' })).toEqual(['media_not_alone']);
  });

  it('TikTok: a privacy level, and a video or JPEG/WebP photos', () => {
    expect(rules('tiktok', { media: [mp4()] })).toEqual(['option_invalid']);
    expect(rules('tiktok', { media: [mp4()], options: { privacyLevel: 'SELF_ONLY' } })).toEqual([]);
    expect(rules('tiktok', { media: [png()], options: { privacyLevel: 'SELF_ONLY' } })).toEqual(['media_type']);
    expect(rules('tiktok', { options: { privacyLevel: 'SELF_ONLY' } })).toEqual(['media_required']);
    expect(rules('tiktok', { media: [mp4()], text: 'a'.repeat(2_201), options: { privacyLevel: 'SELF_ONLY' } })).toEqual(['text_too_long']);
  });

  it('Threads counts emoji as bytes; LinkedIn 3,000 with a first comment; Facebook refuses unknown options', () => {
    expect(rules('threads', { text: `${'a'.repeat(497)}👍` })).toEqual(['text_too_long']);
    expect(rules('threads', { text: `${'a'.repeat(496)}!` })).toEqual([]);
    expect(rules('linkedin', { text: 'a'.repeat(3_001) })).toEqual(['text_too_long']);
    expect(rules('linkedin', { firstComment: 'More in the comments' })).toEqual([]);
    expect(rules('linkedin', { threadParts: ['two'] })).toEqual(['thread_unsupported']);
    expect(check('facebook', { options: { boardId: '1' } })).toEqual([{ rule: 'option_invalid', field: 'options.boardId', message: 'Facebook has no option “boardId”.' }]);
  });
});

describe('targetContent', () => {
  it('publishes the body with its hashtags, unless the target overrides the text', () => {
    expect(composePostText('Launch day', ['news', 'ship'])).toBe('Launch day\n\n#news #ship');
    const post = { body: 'Launch day', title: 'Launch', hashtags: ['news'] };
    expect(targetContent(post, {}, [])).toMatchObject({ text: 'Launch day\n\n#news', title: 'Launch', threadParts: [], options: {} });
    expect(targetContent(post, { text: 'Short', title: null }, [])).toMatchObject({ text: 'Short', title: null });
  });
});

describe('content issues in German', () => {
  it('says each issue in German too, with numbers as Germans write them', () => {
    const [long] = validateTarget({ accountId: 'acc-1', platform: 'linkedin', content: { text: 'a'.repeat(3_001), title: null, firstComment: null, threadParts: [], options: {}, media: [] } });
    expect(long!.sentence).toEqual({
      en: 'LinkedIn allows 3,000 characters: this text is 3,001 of 3,000.',
      de: 'LinkedIn erlaubt 3.000 Zeichen: Dieser Text hat 3.001 von 3.000.',
    });
    const [large] = validateTarget({ accountId: 'acc-1', platform: 'x', content: { text: 'Hi', title: null, firstComment: null, threadParts: [], options: {}, media: [jpeg({ sizeBytes: 5.5 * MB })] } });
    expect(large!.sentence.de).toBe('X nimmt Bilder bis 5 MB an: „photo.jpg“ hat 5,5 MB.');
    const [pixels] = validateTarget({ accountId: 'acc-1', platform: 'linkedin', content: { text: 'Hi', title: null, firstComment: null, threadParts: [], options: {}, media: [jpeg({ width: 8000, height: 6000 })] } });
    expect(pixels!.sentence.de).toBe('LinkedIn nimmt Bilder bis 36.152.320 Pixel an: „photo.jpg“ hat 48.000.000.');
    expect(check('pinterest', { media: [jpeg()] })).toHaveLength(1);
    const [board] = validateTarget({ accountId: 'acc-1', platform: 'pinterest', content: { text: 'Hi', title: null, firstComment: null, threadParts: [], options: {}, media: [jpeg()] } });
    expect(board!.sentence.de).toBe('Pinterest-Option „boardId“ ist erforderlich: Wählen Sie die Pinnwand, an die gepinnt wird.');
  });

  // One content that breaks each rule: every rule has a German sentence of its own. None is the same in
  // both languages by nature (each names the problem in words), so all must differ from the English.
  const BREAKS: Record<ContentRule, [PlatformId, Partial<TargetContent>]> = {
    text_required: ['x', { text: '' }],
    text_too_long: ['x', { text: 'a'.repeat(281) }],
    text_forbidden_characters: ['youtube', { title: 'ok', text: 'a <b>', media: [mp4()] }],
    too_many_hashtags: ['instagram', { text: Array.from({ length: 31 }, (_, i) => `#t${i}`).join(' '), media: [jpeg()] }],
    too_many_mentions: ['instagram', { text: Array.from({ length: 21 }, (_, i) => `@p${i}`).join(' '), media: [jpeg()] }],
    title_required: ['youtube', { media: [mp4()] }],
    title_too_long: ['pinterest', { title: 't'.repeat(101), options: { boardId: '1' }, media: [jpeg()] }],
    title_forbidden_characters: ['youtube', { title: 'Launch <day>', media: [mp4()] }],
    first_comment_unsupported: ['x', { firstComment: 'hi' }],
    first_comment_too_long: ['linkedin', { firstComment: 'a'.repeat(3_001) }],
    thread_unsupported: ['linkedin', { threadParts: ['two'] }],
    thread_part_too_long: ['x', { threadParts: ['b'.repeat(281)] }],
    media_required: ['instagram', {}],
    video_required: ['youtube', { title: 'ok' }],
    too_many_media: ['x', { media: [jpeg(), jpeg(), jpeg(), jpeg(), jpeg()] }],
    too_few_media: ['instagram', { options: { format: 'carousel' }, media: [jpeg()] }],
    media_not_alone: ['x', { media: [mp4(), jpeg()] }],
    media_format: ['instagram', { options: { format: 'reel' }, media: [jpeg()] }],
    media_type: ['instagram', { media: [png()] }],
    media_too_large: ['x', { media: [jpeg({ sizeBytes: 6 * MB })] }],
    image_too_many_pixels: ['linkedin', { media: [jpeg({ width: 8000, height: 6000 })] }],
    aspect_ratio: ['instagram', { media: [jpeg({ width: 1080, height: 1920 })] }],
    video_too_short: ['instagram', { media: [mp4({ durationSeconds: 2 })] }],
    video_too_long: ['x', { media: [mp4({ durationSeconds: 200 })] }],
    option_invalid: ['facebook', { options: { boardId: '1' } }],
  };

  it.each(CONTENT_RULES)('%s has a German sentence of its own', (rule) => {
    const [platform, content] = BREAKS[rule];
    const issues = validateTarget({ accountId: 'acc-1', platform, content: { text: 'Hello', title: null, firstComment: null, threadParts: [], options: {}, media: [], ...content } });
    const found = issues.find((issue) => issue.rule === rule);
    expect(found, `no ${rule} issue`).toBeDefined();
    expect(found!.message).toBe(found!.sentence.en);
    expect(found!.sentence.de.trim()).not.toBe('');
    expect(found!.sentence.de).not.toBe(found!.sentence.en);
    expect(found!.sentence.de).not.toMatch(/\{\w+\}/);
  });
});
