/// <reference types="vite/client" />
import { describe, expect, it, vi } from 'vitest';
import type * as I18n from '../../lib/i18n/index.js';
import type { Message } from '../../lib/i18n/index.js';

/**
 * Catches a German catalog entry that is a copy of the English one (a string someone forgot to
 * translate). Every catalog of the options page, the Queue & calendar page and the shared components is
 * collected as its module defines it: `defineMessages` is wrapped to record what it is given.
 */
type Catalog = { en: Record<string, Message>; de: Record<string, Message> };
const catalogs = vi.hoisted(() => [] as { module: string; catalog: Catalog }[]);

vi.mock('../../lib/i18n/index.js', async (importOriginal) => {
  const actual = await importOriginal<typeof I18n>();
  return {
    ...actual,
    defineMessages: (catalog: Catalog) => {
      // The calling module, from the stack, so a failure says which file to fix.
      const caller = new Error().stack?.split('\n').find((line) => line.includes('/extension/') && !line.includes('/i18n/') && !line.includes('i18n-catalogs'));
      const module = /\/(extension\/[^?:)]+)/.exec(caller ?? '')?.[1] ?? 'unknown module';
      catalogs.push({ module, catalog });
      return actual.defineMessages(catalog);
    },
  };
});

const modules = import.meta.glob([
  '../options/**/*.{ts,tsx}',
  '../dashboard/**/*.{ts,tsx}',
  '../../components/**/*.{ts,tsx}',
  '../../lib/dashboard-time.ts',
  // Page entry points render into the document when imported.
  '!**/main.tsx',
]);

/**
 * German that is rightly the same as the English: names, loan words German uses as they are, and
 * forms made only of placeholders and punctuation (those are skipped below without being listed).
 */
const SAME_IN_GERMAN = new Set(['Admin', 'Likes', 'Marketing']);

function forms(message: Message): string[] {
  return typeof message === 'string' ? [message] : Object.values(message).filter((form): form is string => typeof form === 'string');
}

/** The words of a message, without its `{placeholders}`: what a translator would have to change. */
function words(text: string): string {
  return text.replace(/\{\w+\}/g, '').trim();
}

describe('translation catalogs', () => {
  it('finds the catalogs of every converted area', async () => {
    for (const load of Object.values(modules)) await load();
    const files = new Set(catalogs.map(({ module }) => module));
    expect([...files]).toEqual(
      expect.arrayContaining([
        'extension/entrypoints/options/members/messages.ts',
        'extension/entrypoints/options/channels/ChannelsPanel.tsx',
        'extension/entrypoints/options/SignUpForm.tsx',
        'extension/entrypoints/dashboard/WeekView.tsx',
        'extension/entrypoints/dashboard/status.ts',
        'extension/components/WorkspaceSelect.tsx',
      ]),
    );
    expect(files.size).toBeGreaterThan(30);
  });

  it('has a German text for every English one, not a copy of it', () => {
    const untranslated: string[] = [];
    for (const { module, catalog } of catalogs) {
      for (const [key, english] of Object.entries(catalog.en)) {
        const german = catalog.de[key];
        expect(german, `${module}: "${key}" has no German`).toBeDefined();
        const pairs = forms(english).map((form, index) => [form, forms(german!)[index] ?? forms(german!).at(-1)!] as const);
        for (const [en, de] of pairs) {
          if (en !== de || !/\p{L}/u.test(words(en)) || SAME_IN_GERMAN.has(words(en))) continue;
          untranslated.push(`${module}: ${key} = "${en}"`);
        }
      }
    }
    expect(untranslated).toEqual([]);
  });

  it('uses German quotation marks in German', () => {
    const englishQuotes: string[] = [];
    for (const { module, catalog } of catalogs) {
      for (const [key, german] of Object.entries(catalog.de)) {
        if (forms(german).some((form) => /[“”"]/.test(form.replace(/„[^“]*“/g, '')))) englishQuotes.push(`${module}: ${key}`);
      }
    }
    expect(englishQuotes).toEqual([]);
  });
});
