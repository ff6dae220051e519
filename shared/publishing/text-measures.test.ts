import { describe, expect, it } from 'vitest';
import { codePoints, countHashtags, countMentions, threadsLength, utf8Bytes, xWeightedLength } from './text-measures.js';

describe('X weighted length', () => {
  // Cases of twitter-text's conformance suite (validate.yml, WeightedTweetsWithDiscountedEmojiCounterTest, v3 config).
  it.each([
    ['Hi http://test.co', 26],
    ['http://test.co', 23],
    ['285 chars-' + 'xxxxxxxxxx-'.repeat(25), 285],
    ['https://www.twitter.com/aloha '.repeat(10), 240],
    ['H🐱☺👨‍👩‍👧‍👦', 7],
    ['😷👾😡🔥💩', 10],
    ['🙋🏽👨‍🎤', 4],
    ['1⃣', 2],
    ['Unicode 10.0 emoji: 🤪; 🧕; 🧕🏾; 🏴\u{e0067}\u{e0062}\u{e0065}\u{e006e}\u{e0067}\u{e007f}', 34],
    ['Unicode 9.0 emoji: 🤠; 💃; 💃🏾', 29],
    ['Test https://test.com test https://test.com test.com test', 86],
    ['A\u0301B', 2],
    ['A\uFB2C', 4],
    ['故人西辞黄鹤楼', 14],
    ['This is a tweet with general punctuation characters: \u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200A\u200B\u200C\u200D ‐ ‑ ‒ – — ― ‖  ‗ ‘ ’ ‚ ‛ “ ” „ ‟ ′ ″ ‴ ‵ ‶ ‷', 112],
  ])('counts %j as %i', (text, expected) => {
    expect(xWeightedLength(text)).toBe(expected);
  });

  it('counts bare domains with a known TLD as links, but not emails, file names or 64-character labels', () => {
    expect(xWeightedLength('example.com')).toBe(23);
    expect(xWeightedLength('foo.co.jp/path?q=1')).toBe(23);
    expect(xWeightedLength('see example.com.')).toBe(4 + 23 + 1);
    expect(xWeightedLength('mail me@example.com')).toBe(19);
    expect(xWeightedLength('open notes.txt')).toBe(14);
    expect(xWeightedLength(`${'randomurl'.repeat(7)}s.com`)).toBe(68);
  });

  it('counts a long link as 23 however long it is, and one with a port or an IP address too', () => {
    expect(xWeightedLength(`https://example.com/${'a'.repeat(500)}`)).toBe(23);
    expect(xWeightedLength('http://192.168.0.1:8080/x and http://[::1]/y')).toBe(23 + 5 + 23);
  });
});

describe('other measures', () => {
  it('counts Threads emoji as their UTF-8 bytes', () => {
    expect(threadsLength('hi 👍')).toBe(3 + 4);
    expect(threadsLength('👨‍👩‍👧‍👦')).toBe(25);
  });

  it('counts UTF-8 bytes and code points', () => {
    expect(utf8Bytes('aé€😀')).toBe(1 + 2 + 3 + 4);
    expect(codePoints('aé€😀')).toBe(4);
  });

  it('counts hashtags and mentions, not C# or an email address', () => {
    expect(countHashtags('#one #two2 C# #3 x#no #ünïcode')).toBe(3);
    expect(countMentions('@ada and @b.c but not a@example.com')).toBe(2);
  });
});
