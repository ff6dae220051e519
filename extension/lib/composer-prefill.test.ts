import { describe, expect, it } from 'vitest';
import { prefillFrom, swapLink } from './composer-prefill.js';

describe('prefillFrom', () => {
  it('quotes the selection and links the canonical address without tracking parameters', () => {
    const prefill = prefillFrom({
      tabId: 1,
      url: 'https://example.com/story?utm_source=news',
      title: 'The story',
      selectionText: 'Well said',
      page: { canonicalUrl: 'https://example.com/story?ref=home&fbclid=x', ogImage: 'https://example.com/cover.png' },
    });
    expect(prefill).toEqual({
      title: 'The story',
      body: '“Well said”\n\nThe story https://example.com/story?ref=home',
      cleanLink: 'https://example.com/story?ref=home',
      trackedLink: 'https://example.com/story?ref=home&fbclid=x',
      removedParameters: ['fbclid'],
      pageImage: 'https://example.com/cover.png',
    });
  });

  it('starts empty for a page that could not be read', () => {
    expect(prefillFrom({ tabId: null, url: '', title: '', selectionText: '' })).toMatchObject({ title: '', body: '', cleanLink: '', removedParameters: [], pageImage: null });
  });
});

describe('swapLink', () => {
  it('swaps every occurrence and leaves other text alone', () => {
    expect(swapLink('a https://x.test/?utm_id=1 b https://x.test/?utm_id=1', 'https://x.test/?utm_id=1', 'https://x.test/')).toBe('a https://x.test/ b https://x.test/');
    expect(swapLink('no link here', '', 'https://x.test/')).toBe('no link here');
  });
});
