import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HttpError } from './errors.js';

const SERVICE = import.meta.dirname;

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

/** The text after `HttpError(`'s first argument (its code), or null when the call has only one. */
function afterCode(source: string, open: number): string | null {
  let depth = 0;
  for (let i = open; i < source.length; i++) {
    const char = source[i]!;
    if (char === "'" || char === '"' || char === '`') {
      const end = source.indexOf(char, i + 1);
      i = end < 0 ? source.length : end;
    } else if ('([{'.includes(char)) {
      depth++;
    } else if (')]}'.includes(char)) {
      if (depth === 0) return null;
      depth--;
    } else if (char === ',' && depth === 0) {
      return source.slice(i + 1).trimStart();
    }
  }
  return null;
}

describe('HttpError sentences', () => {
  // TypeScript already refuses a string; this also catches `as never` casts and strings built
  // elsewhere, so no call site slips back to English only.
  it('no call site in service/ gives a plain string: every sentence is `{ en, de }` or bilingual(…)', () => {
    const offenders: string[] = [];
    for (const file of sources(SERVICE)) {
      const source = readFileSync(file, 'utf8');
      for (const match of source.matchAll(/\bHttpError\(/g)) {
        const rest = afterCode(source, match.index + match[0].length);
        if (rest && /^['"`]/.test(rest)) {
          const line = source.slice(0, match.index).split('\n').length;
          offenders.push(`${relative(SERVICE, file)}:${line}`);
        }
      }
    }
    expect(offenders).toEqual([]);
  });

  it('keeps English in `message` and answers each language in `body`', () => {
    const error = new HttpError('not_found', { en: 'No such post.', de: 'Diesen Beitrag gibt es nicht.' }, [{ path: 'id', message: { en: 'is unknown', de: 'ist unbekannt' } }]);
    expect(error.message).toBe('No such post.');
    expect(error.body('de')).toEqual({ code: 'not_found', message: 'Diesen Beitrag gibt es nicht.', fields: [{ path: 'id', message: 'ist unbekannt' }] });
    expect(new HttpError('forbidden').body('de').message).toBe('Ihre Rolle in diesem Arbeitsbereich erlaubt das nicht.');
  });
});
