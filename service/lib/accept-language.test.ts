import { describe, expect, it } from 'vitest';
import { requestLanguage } from './accept-language.js';

describe('requestLanguage', () => {
  it('answers in English without a header, or when only other languages are asked for', () => {
    expect(requestLanguage(undefined)).toBe('en');
    expect(requestLanguage('')).toBe('en');
    expect(requestLanguage('*')).toBe('en');
    expect(requestLanguage('fr-FR,fr;q=0.9')).toBe('en');
  });

  it('takes German for any German region, in any case', () => {
    expect(requestLanguage('de')).toBe('de');
    expect(requestLanguage('de-DE,de;q=0.9')).toBe('de');
    expect(requestLanguage('DE-at')).toBe('de');
  });

  it('weighs q-values, not order; on a tie the earlier wins', () => {
    expect(requestLanguage('en;q=0.5, de;q=0.8')).toBe('de');
    expect(requestLanguage('fr, de;q=0.7, en;q=0.9')).toBe('en');
    expect(requestLanguage('de;q=0.7, en;q=0.7')).toBe('de');
    expect(requestLanguage('fr-CH, fr;q=0.9, de;q=0.8, *;q=0.5')).toBe('de');
  });

  it('ignores refused (q=0) and malformed weights', () => {
    expect(requestLanguage('de;q=0, en;q=0.1')).toBe('en');
    expect(requestLanguage('de;q=0')).toBe('en');
    expect(requestLanguage('de;q=abc')).toBe('en');
    expect(requestLanguage('de;q=2')).toBe('en');
    expect(requestLanguage('de; Q=0.4')).toBe('de');
  });
});
