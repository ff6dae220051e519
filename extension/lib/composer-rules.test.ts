import { describe, expect, it } from 'vitest';
import { checkChannel, cutToLength, previewChannel } from './composer-rules.js';
import type { PopupMedia } from './popup-types.js';

const photo: PopupMedia = { id: 'm1', kind: 'image', mimeType: 'image/png', sizeBytes: 1000, width: 800, height: 800, durationSeconds: null, name: 'photo.png', thumbnailUrl: null };

describe('checkChannel', () => {
  it('counts X the way X does: links 23, emoji 2', () => {
    const check = checkChannel('x', { text: 'Read 🎉 https://example.com/' + 'a'.repeat(100), title: '', media: [] });
    expect(check).toMatchObject({ length: 5 + 2 + 1 + 23, max: 280, unit: 'characters', issues: [] });
  });

  it('lists the rules a channel breaks, as the service words them', () => {
    expect(checkChannel('instagram', { text: 'Nice', title: '', media: [] }).issues.map((issue) => issue.rule)).toEqual(['media_required']);
    expect(checkChannel('instagram', { text: 'Nice', title: '', media: [photo] }).issues.map((issue) => issue.rule)).toEqual(['media_type']);
    expect(checkChannel('youtube', { text: 'Hi', title: '', media: [] }).issues.map((issue) => issue.rule)).toEqual(['title_required', 'video_required']);
    const tooLong = checkChannel('x', { text: 'a'.repeat(281), title: '', media: [] });
    expect(tooLong.issues[0]).toMatchObject({ rule: 'text_too_long', message: expect.stringContaining('281 of 280') });
  });
});

describe('previewChannel', () => {
  it('folds where the feed folds, and keeps text past the limit apart', () => {
    const long = 'word '.repeat(100);
    const instagram = previewChannel('instagram', long);
    expect(instagram.folded).toBe(true);
    expect(instagram.shown.length).toBeLessThanOrEqual(125);
    expect(instagram.overLimit).toBe('');
    const x = previewChannel('x', 'b'.repeat(300));
    expect(x).toEqual({ shown: 'b'.repeat(280), folded: false, overLimit: 'b'.repeat(20) });
  });

  it('shows a short text whole', () => {
    expect(previewChannel('linkedin', 'Short and sweet')).toEqual({ shown: 'Short and sweet', folded: false, overLimit: '' });
  });
});

describe('cutToLength', () => {
  it('never splits an emoji and respects weighted counts', () => {
    expect(cutToLength('ab🎉cd', 'x_weighted', 3)).toBe('ab');
    expect(cutToLength('ab🎉cd', 'x_weighted', 4)).toBe('ab🎉');
    expect(cutToLength('日本語', 'x_weighted', 5)).toBe('日本');
  });
});
