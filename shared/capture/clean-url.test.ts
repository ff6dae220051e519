import { describe, expect, it } from 'vitest';
import { cleanUrl, isTrackingParameter } from './clean-url.js';

describe('cleanUrl', () => {
  it('removes utm_* and click ids and says which', () => {
    expect(cleanUrl('https://example.com/story?utm_source=x&utm_medium=social&fbclid=abc')).toEqual({
      url: 'https://example.com/story',
      removed: ['utm_source', 'utm_medium', 'fbclid'],
    });
  });

  it('keeps other parameters in order and exactly as written, and the fragment', () => {
    expect(cleanUrl('https://shop.example/item?id=42&gclid=XYZ&q=a%20b+c&mc_cid=1&mc_eid=2#reviews')).toEqual({
      url: 'https://shop.example/item?id=42&q=a%20b+c#reviews',
      removed: ['gclid', 'mc_cid', 'mc_eid'],
    });
  });

  it('knows the share ids of Instagram and X', () => {
    expect(cleanUrl('https://www.instagram.com/p/abc/?igshid=MzRl').url).toBe('https://www.instagram.com/p/abc/');
    expect(cleanUrl('https://x.com/ada/status/1?ref_src=twsrc%5Etfw&s=20').url).toBe('https://x.com/ada/status/1?s=20');
  });

  it('matches names regardless of case and percent-encoding, and lists each once', () => {
    expect(cleanUrl('https://a.example/?UTM_Source=x&utm%5Fcampaign=y&utm_source=z')).toEqual({
      url: 'https://a.example/',
      removed: ['UTM_Source', 'utm_campaign', 'utm_source'],
    });
  });

  it('leaves addresses without tracking untouched, byte for byte', () => {
    for (const url of ['https://example.com/', 'https://example.com/a?utm=1&ref=home', 'http://example.com/?q=%E2%9C%93#utm_source=x', 'https://example.com/?']) {
      expect(cleanUrl(url)).toEqual({ url, removed: [] });
    }
  });

  it('drops empty pairs only when something was removed', () => {
    expect(cleanUrl('https://example.com/?a=1&&utm_term=x&').url).toBe('https://example.com/?a=1');
  });

  it('does not touch what is not a web address', () => {
    expect(cleanUrl('mailto:ada@example.com?utm_source=x')).toEqual({ url: 'mailto:ada@example.com?utm_source=x', removed: [] });
    expect(cleanUrl('')).toEqual({ url: '', removed: [] });
  });

  it('survives malformed escapes', () => {
    expect(cleanUrl('https://example.com/?%E0%A4%A=1&fbclid=2').url).toBe('https://example.com/?%E0%A4%A=1');
  });
});

describe('isTrackingParameter', () => {
  it('needs something after a prefix', () => {
    expect(isTrackingParameter('utm_')).toBe(false);
    expect(isTrackingParameter('utm_id')).toBe(true);
    expect(isTrackingParameter('pk_campaign')).toBe(true);
    expect(isTrackingParameter('page')).toBe(false);
  });
});
