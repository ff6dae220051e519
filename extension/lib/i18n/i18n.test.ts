import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { backgroundLocale, defineMessages, formatDate, formatNumber, locale, setLocale } from './index.js';

const t = defineMessages({
  en: { greeting: 'Hello, {name}!', captures: { one: '{count} capture waits', other: '{count} captures wait' }, missingParam: 'Hi {who}' },
  de: { greeting: 'Hallo, {name}!', captures: { one: '{count} Erfassung wartet', other: '{count} Erfassungen warten' }, missingParam: 'Hallo {who}' },
});

beforeEach(() => {
  fakeBrowser.reset();
  localStorage.clear();
});
afterEach(() => setLocale('en'));

describe('i18n', () => {
  it('translates with parameters and plural forms in the chosen language', async () => {
    await setLocale('en');
    expect(t('greeting', { name: 'Ada' })).toBe('Hello, Ada!');
    expect(t('captures', { count: 1 })).toBe('1 capture waits');
    expect(t('captures', { count: 1200 })).toBe('1,200 captures wait');
    await setLocale('de');
    expect(locale()).toBe('de');
    expect(document.documentElement.lang).toBe('de');
    expect(t('greeting', { name: 'Ada' })).toBe('Hallo, Ada!');
    expect(t('captures', { count: 1200 })).toBe('1.200 Erfassungen warten');
    expect(t('missingParam')).toBe('Hallo {who}');
  });

  it('formats dates and numbers in the chosen language', async () => {
    const date = new Date('2026-03-05T14:30:00Z');
    await setLocale('de');
    expect(formatDate(date, { dateStyle: 'long', timeZone: 'Europe/Berlin' })).toBe('5. März 2026');
    expect(formatNumber(1234.5)).toBe('1.234,5');
    await setLocale('en');
    expect(formatDate(date, { dateStyle: 'long', timeZone: 'Europe/Berlin' })).toBe('March 5, 2026');
  });

  it('remembers the choice for the pages and tells the background', async () => {
    await setLocale('de');
    expect(localStorage.getItem('minopa.locale')).toBe('de');
    expect(await backgroundLocale()).toBe('de');
  });
});
