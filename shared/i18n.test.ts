import { describe, expect, it } from 'vitest';
import { bilingual, formatNumber, fromZodMessage, untranslated, zodMessage } from './i18n.js';

describe('bilingual', () => {
  it('fills each language with its own parameters, numbers as each language writes them', () => {
    const part = { en: 'the title', de: 'der Titel' };
    expect(bilingual({ en: '{what} is {length} of {max} ({name}).', de: '{what} hat {length} von {max} ({name}).' }, { what: part, length: 12_345.5, max: 3000, name: 'X' })).toEqual({
      en: 'the title is 12,345.5 of 3,000 (X).',
      de: 'der Titel hat 12.345,5 von 3.000 (X).',
    });
  });

  it('leaves an unknown {name} as written', () => {
    expect(bilingual({ en: 'a {b}', de: 'ein {b}' })).toEqual({ en: 'a {b}', de: 'ein {b}' });
  });

  it('formats numbers per language', () => {
    expect(formatNumber(1.5, 'en')).toBe('1.5');
    expect(formatNumber(1.5, 'de')).toBe('1,5');
    expect(formatNumber(36_152_320, 'de')).toBe('36.152.320');
  });
});

describe('zodMessage', () => {
  it('hands zod the English and finds the German again from it', () => {
    expect(zodMessage({ en: 'must be a test value', de: 'muss ein Testwert sein' })).toBe('must be a test value');
    expect(fromZodMessage('must be a test value')).toEqual({ en: 'must be a test value', de: 'muss ein Testwert sein' });
    expect(fromZodMessage('Invalid input')).toEqual(untranslated('Invalid input'));
  });
});
