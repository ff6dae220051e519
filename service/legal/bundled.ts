import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { LegalKind } from '#shared/api/legal.js';

/** Folder of the sample documents shipped with the service (`<kind>-<version>.md`). */
export const BUNDLED_DOCUMENTS_DIR = fileURLToPath(new URL('./documents/', import.meta.url));

/** A legal document as written in a file. */
export interface BundledDocument {
  kind: LegalKind;
  version: string;
  title: string;
  /** 'YYYY-MM-DD' */
  lastUpdated: string;
  body: string;
  /** A material change: everyone who accepted an earlier version is emailed and must accept this one (P12). */
  material: boolean;
  /** What changed, in a few sentences (the email quotes it). */
  summary?: string;
}

const FrontMatter = z.strictObject({
  kind: LegalKind,
  version: z.string().regex(/^[A-Za-z0-9._-]{1,40}$/),
  title: z.string().min(1).max(200),
  lastUpdated: z.iso.date(),
  material: z.enum(['true', 'false']).default('false').transform((value) => value === 'true'),
  summary: z.string().min(1).max(2000).optional(),
});

/**
 * Reads every document in `dir`: a front matter block of `key: value` lines between `---` lines, then
 * the text (blank lines separate paragraphs, `## ` starts a heading). Throws naming the file at fault.
 */
/** Reads one document file (the operator's `npm run legal -- publish <file>`). */
export function readDocumentFile(path: string): BundledDocument {
  return parseDocument(readFileSync(path, 'utf8'), path);
}

export function loadBundledDocuments(dir: string = BUNDLED_DOCUMENTS_DIR): BundledDocument[] {
  return readdirSync(dir)
    .filter((file) => file.endsWith('.md'))
    .sort()
    .map((file) => parseDocument(readFileSync(join(dir, file), 'utf8'), file));
}

function parseDocument(text: string, file: string): BundledDocument {
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n([\s\S]*)$/.exec(text);
  if (!match) throw new Error(`Legal document ${file} has no front matter (--- … ---)`);
  const fields: Record<string, string> = {};
  for (const line of match[1]!.split(/\r?\n/)) {
    const pair = /^(\w+):\s*(.*)$/.exec(line.trim());
    if (pair) fields[pair[1]!] = pair[2]!.replace(/^"(.*)"$/, '$1');
  }
  const meta = FrontMatter.safeParse(fields);
  if (!meta.success) throw new Error(`Legal document ${file} has invalid front matter: ${z.prettifyError(meta.error)}`);
  return { ...meta.data, body: match[2]!.trim() };
}
