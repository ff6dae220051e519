/**
 * Recognises a Canva design or a Google Drive file from a tab's address, so the extension can offer
 * "Import design" / "Import file" without a content script on every page, and the service can check
 * an id before it builds a vendor URL with it.
 *
 * Written with a regular expression over the string, not `URL`: shared code has no DOM or Node types.
 * Only https addresses on the vendors' own hosts count; a look-alike host or path is not a source.
 */

/** Where an import comes from. */
export const IMPORT_PROVIDERS = ['canva', 'google_drive'] as const;
export type ImportProvider = (typeof IMPORT_PROVIDERS)[number];

/** The Google Workspace editors whose files are exported (not downloaded) by Drive. */
export const GOOGLE_EDITOR_KINDS = ['document', 'spreadsheets', 'presentation', 'drawings'] as const;
export type GoogleEditorKind = (typeof GOOGLE_EDITOR_KINDS)[number];

/** What an address points at, when it is something we can import. */
export type ImportSource =
  | { provider: 'canva'; designId: string }
  | { provider: 'google_drive'; fileId: string; editor: GoogleEditorKind | null };

/** Canva design ids and Drive file ids use this alphabet (both vendors' published URL patterns). */
const ID = '[A-Za-z0-9_-]{5,200}';
export const IMPORT_SOURCE_ID = new RegExp(`^${ID}$`);

/** https://host/path?query#fragment, split without decoding. */
const ADDRESS = /^https:\/\/([^/?#@:]+)(?::443)?(\/[^?#]*)?(\?[^#]*)?(#.*)?$/i;

const CANVA_HOSTS = new Set(['www.canva.com', 'canva.com']);
const CANVA_DESIGN_PATH = new RegExp(`^/design/(${ID})(?:/|$)`);

const DRIVE_FILE_PATH = new RegExp(`^/file/(?:u/\\d+/)?d/(${ID})(?:/|$)`);
const DRIVE_ID_PATHS = new Set(['/open', '/uc']);
const DOCS_PATH = new RegExp(`^/(${GOOGLE_EDITOR_KINDS.join('|')})/(?:u/\\d+/)?d/(${ID})(?:/|$)`);

/**
 * The design or file an address shows, or null: `canva.com/design/{designId}/…`,
 * `drive.google.com/file/d/{fileId}/…` (also `open?id=` and `uc?id=`), and
 * `docs.google.com/{document|spreadsheets|presentation|drawings}/d/{fileId}/…`.
 */
export function recogniseImportSource(address: string): ImportSource | null {
  const match = ADDRESS.exec(address.trim());
  if (!match) return null;
  const host = match[1]!.toLowerCase();
  const path = match[2] ?? '/';
  if (CANVA_HOSTS.has(host)) {
    const design = CANVA_DESIGN_PATH.exec(path);
    return design ? { provider: 'canva', designId: design[1]! } : null;
  }
  if (host === 'drive.google.com') {
    const file = DRIVE_FILE_PATH.exec(path);
    if (file) return { provider: 'google_drive', fileId: file[1]!, editor: null };
    const id = DRIVE_ID_PATHS.has(path) ? queryParameter(match[3], 'id') : null;
    return id && IMPORT_SOURCE_ID.test(id) ? { provider: 'google_drive', fileId: id, editor: null } : null;
  }
  if (host === 'docs.google.com') {
    const doc = DOCS_PATH.exec(path);
    return doc ? { provider: 'google_drive', fileId: doc[2]!, editor: doc[1] as GoogleEditorKind } : null;
  }
  return null;
}

/** The raw value of the first `name` parameter in `?a=1&b=2`, or null. */
function queryParameter(query: string | undefined, name: string): string | null {
  for (const pair of (query ?? '').replace(/^\?/, '').split('&')) {
    const [key, value] = pair.split('=', 2);
    if (key === name && value) return value;
  }
  return null;
}
