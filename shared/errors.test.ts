import { describe, expect, it } from 'vitest';
import { ERRORS, errorText } from './errors.js';
import { ERROR_CODES } from './error-codes.js';

describe('ERRORS', () => {
  // Every default sentence is a sentence in words, so none is the same in both languages by nature.
  it.each(ERROR_CODES)('%s has a German sentence of its own', (code) => {
    const text = errorText(code);
    expect(text.en).toBe(ERRORS[code].message);
    expect(text.de.trim()).not.toBe('');
    expect(text.de).not.toBe(text.en);
    expect(text.de).toMatch(/[.!]$/);
  });
});
