import { describe, expect, it } from 'vitest';
import { CaptureInput } from '#shared/api/captures.js';
import { LIMITS } from '#shared/limits.js';
import { buildCapture, clampText, toPageMetadata, webUrl } from './build.js';
import type { RawPageDetails } from './page-reader.js';

const NOW = new Date('2025-03-04T05:06:07.000Z');
const PAGE = 'https://news.example.com/story?id=7';
const TAB = { url: PAGE, title: 'Tab title' };

const details: RawPageDetails = {
  url: PAGE,
  title: 'The story',
  canonicalUrl: 'https://news.example.com/story',
  ogTitle: 'The story (og)',
  ogDescription: 'What happened.',
  ogImage: 'https://cdn.example.com/cover.jpg',
  siteName: 'Example News',
  author: 'Grace Hopper',
  selectionText: 'First line\nsecond line',
  linkText: 'Read more',
  imageAlt: 'A harbour at dawn',
};

const expectedPage = {
  canonicalUrl: 'https://news.example.com/story',
  ogTitle: 'The story (og)',
  ogDescription: 'What happened.',
  ogImage: 'https://cdn.example.com/cover.jpg',
  siteName: 'Example News',
  author: 'Grace Hopper',
};

/** The service's own schema accepts what the builder makes. */
function expectValid(capture: unknown) {
  const parsed = CaptureInput.safeParse(capture);
  expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
}

describe('buildCapture', () => {
  it('makes a page capture with the page metadata, a fresh clientId and capturedAt', () => {
    const capture = buildCapture({ menuItemId: 'minopa-save-page', pageUrl: PAGE }, TAB, details, NOW);
    expect(capture).toEqual({
      clientId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      kind: 'page',
      url: PAGE,
      title: 'The story',
      page: expectedPage,
      capturedAt: '2025-03-04T05:06:07.000Z',
    });
    expectValid(capture);
    const again = buildCapture({ menuItemId: 'minopa-save-page', pageUrl: PAGE }, TAB, details, NOW);
    expect(again.clientId).not.toBe(capture.clientId);
  });

  it('makes a selection capture, preferring the page’s selection (it keeps line breaks)', () => {
    const capture = buildCapture({ menuItemId: 'minopa-save-selection', pageUrl: PAGE, selectionText: 'First line second line' }, TAB, details, NOW);
    expect(capture).toMatchObject({ kind: 'selection', selectionText: 'First line\nsecond line', page: expectedPage });
    expectValid(capture);
  });

  it('makes a link capture with the link’s text', () => {
    const capture = buildCapture({ menuItemId: 'minopa-save-link', pageUrl: PAGE, linkUrl: 'https://other.example.org/a' }, TAB, details, NOW);
    expect(capture).toMatchObject({ kind: 'link', linkUrl: 'https://other.example.org/a', linkText: 'Read more', url: PAGE });
    expectValid(capture);
  });

  it('makes an image capture with the image’s alt text', () => {
    const capture = buildCapture(
      { menuItemId: 'minopa-save-image', pageUrl: PAGE, srcUrl: 'https://cdn.example.com/harbour.png', mediaType: 'image' },
      TAB,
      details,
      NOW,
    );
    expect(capture).toMatchObject({ kind: 'image', imageUrl: 'https://cdn.example.com/harbour.png', imageAlt: 'A harbour at dawn' });
    expectValid(capture);
  });

  it('makes a video capture of the video file, with the video’s title and the page’s metadata', () => {
    const capture = buildCapture(
      { menuItemId: 'minopa-save-video', pageUrl: PAGE, srcUrl: 'https://cdn.example.com/clip.mp4', mediaType: 'video' },
      TAB,
      { ...details, videoTitle: 'Harbour timelapse' },
      NOW,
    );
    expect(capture).toMatchObject({ kind: 'video', url: PAGE, videoUrl: 'https://cdn.example.com/clip.mp4', videoTitle: 'Harbour timelapse', page: expectedPage });
    expect(capture).not.toHaveProperty('imageUrl');
    expect(capture).not.toHaveProperty('linkUrl');
    expectValid(capture);
    // Without a name of its own, the video has none (the page's title is the capture's title).
    const unnamed = buildCapture({ menuItemId: 'minopa-save-video', pageUrl: PAGE, srcUrl: 'https://cdn.example.com/clip.mp4' }, TAB, null, NOW);
    expect(unnamed).toMatchObject({ kind: 'video', title: 'Tab title', videoUrl: 'https://cdn.example.com/clip.mp4' });
    expect(unnamed).not.toHaveProperty('videoTitle');
    expectValid(unnamed);
  });

  it('keeps a streamed video (blob: address) as a capture of its page', () => {
    const capture = buildCapture({ menuItemId: 'minopa-save-video', pageUrl: PAGE, srcUrl: 'blob:https://news.example.com/9f1' }, TAB, details, NOW);
    expect(capture).toMatchObject({ kind: 'page', url: PAGE });
    expect(capture).not.toHaveProperty('linkUrl');
    expect(capture).not.toHaveProperty('videoUrl');
    expectValid(capture);
  });

  it('makes the same capture from a submenu entry of a workspace', () => {
    const capture = buildCapture({ menuItemId: 'minopa-save-link/33333333-3333-4333-8333-333333333333', pageUrl: PAGE, linkUrl: 'https://a.example/' }, TAB, null, NOW);
    expect(capture).toMatchObject({ kind: 'link', linkUrl: 'https://a.example/' });
  });

  it('captures from the click alone when the page could not be read', () => {
    const click = { menuItemId: 'minopa-save-selection', pageUrl: PAGE, selectionText: 'quoted words' };
    const capture = buildCapture(click, TAB, null, NOW);
    expect(capture).toEqual({
      clientId: expect.any(String),
      kind: 'selection',
      url: PAGE,
      title: 'Tab title',
      selectionText: 'quoted words',
      capturedAt: NOW.toISOString(),
    });
    expect(capture).not.toHaveProperty('page');
    expectValid(capture);
  });

  it('uses Firefox’s link text when the click carries it', () => {
    const capture = buildCapture({ menuItemId: 'minopa-save-link', pageUrl: PAGE, linkUrl: 'https://a.example/', linkText: 'From Firefox' }, undefined, null, NOW);
    expect(capture.linkText).toBe('From Firefox');
  });

  it('clamps long text to the service’s limits', () => {
    const long = 'x'.repeat(LIMITS.selectionLength + 50);
    const capture = buildCapture({ menuItemId: 'minopa-save-selection', pageUrl: PAGE }, TAB, { ...details, selectionText: long, title: 't'.repeat(500) }, NOW);
    expect(capture.selectionText).toHaveLength(LIMITS.selectionLength);
    expect(capture.title).toHaveLength(LIMITS.titleLength);
    expectValid(capture);
  });

  it('drops metadata addresses that are not web addresses (the page controls them)', () => {
    const capture = buildCapture(
      { menuItemId: 'minopa-save-page', pageUrl: PAGE },
      TAB,
      { ...details, canonicalUrl: 'javascript:alert(1)', ogImage: 'data:image/png;base64,AAAA' },
      NOW,
    );
    expect(capture.page).not.toHaveProperty('canonicalUrl');
    expect(capture.page).not.toHaveProperty('ogImage');
    expectValid(capture);
  });

  it.each([
    ['a browser page', { menuItemId: 'minopa-save-page', pageUrl: 'chrome://settings/' }, /only web pages/],
    ['a mailto link', { menuItemId: 'minopa-save-link', pageUrl: PAGE, linkUrl: 'mailto:a@example.com' }, /only links to web pages/],
    ['an embedded image', { menuItemId: 'minopa-save-image', pageUrl: PAGE, srcUrl: 'data:image/png;base64,AAAA' }, /embedded in the page/],
    ['an empty selection', { menuItemId: 'minopa-save-selection', pageUrl: PAGE, selectionText: '  ' }, /Select some text/],
    ['another menu item', { menuItemId: 'someone-else', pageUrl: PAGE }, /does not save/],
    ['the screenshot item (made elsewhere)', { menuItemId: 'minopa-save-screenshot', pageUrl: PAGE }, /does not save/],
  ])('refuses %s with a sentence', (_, click, message) => {
    const attempt = () => buildCapture(click, { url: click.pageUrl }, click.menuItemId === 'minopa-save-selection' ? { ...details, selectionText: '' } : null, NOW);
    expect(attempt).toThrow(message);
    try {
      attempt();
    } catch (error) {
      expect(error).toMatchObject({ name: 'ExtensionError', code: 'cannot_capture' });
    }
  });
});

describe('helpers', () => {
  it('clampText trims, cuts with an ellipsis and turns empty into undefined', () => {
    expect(clampText('  hi  ', 10)).toBe('hi');
    expect(clampText('abcdef', 4)).toBe('abc…');
    expect(clampText('   ', 4)).toBeUndefined();
    expect(clampText(null, 4)).toBeUndefined();
  });

  it('webUrl accepts http(s) only', () => {
    expect(webUrl('https://example.com')).toBe('https://example.com/');
    expect(webUrl('ftp://example.com')).toBeUndefined();
    expect(webUrl('not a url')).toBeUndefined();
  });

  it('toPageMetadata is undefined when nothing usable is left', () => {
    expect(toPageMetadata({ ogTitle: '  ', canonicalUrl: 'file:///x' })).toBeUndefined();
    expect(toPageMetadata(null)).toBeUndefined();
  });
});
