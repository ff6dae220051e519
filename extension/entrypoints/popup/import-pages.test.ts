import { describe, expect, it } from 'vitest';
import { parsePages } from './import-pages.js';

describe('parsePages', () => {
  it('reads single pages and ranges, sorted and without repeats; empty means all', () => {
    expect(parsePages('', 4)).toEqual([]);
    expect(parsePages(' 3, 1-2 ,2 ', 4)).toEqual([1, 2, 3]);
    expect(parsePages('2–4', 4)).toEqual([2, 3, 4]);
  });

  it.each(['0', '5', '3-1', 'a', '1-', '1,,x'])('refuses %s for a 4-page design', (text) => {
    expect(parsePages(text, 4)).toBeNull();
  });
});
