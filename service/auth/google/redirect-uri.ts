import type { Config } from '../../config.js';

// Chrome: https://<32 letters a–p>.chromiumapp.org/…  Firefox: https://<40 hex>.extensions.allizom.org/…
const CHROME = /^([a-p]{32})\.chromiumapp\.org$/;
const FIREFOX = /^[0-9a-f]{40}\.extensions\.allizom\.org$/;

/**
 * True when `uri` is a browser extension's identity redirect URL (what `identity.getRedirectURL()`
 * returns), so the one-time code can only ever be handed to an extension, never to a web page. With
 * ALLOWED_EXTENSION_ORIGINS set, a Chrome id must be one of them (Firefox's host is a hash of the add-on
 * id, so it is allowed when the list has any moz-extension origin).
 */
export function isExtensionRedirectUri(uri: string, allowed: Config['allowedExtensionOrigins']): boolean {
  let url: URL;
  try {
    url = new URL(uri);
  } catch {
    return false;
  }
  if (url.protocol !== 'https:' || url.port || url.username || url.password || url.search || url.hash) return false;
  const chrome = CHROME.exec(url.hostname);
  if (chrome) return !allowed || allowed.includes(`chrome-extension://${chrome[1]}`);
  if (FIREFOX.test(url.hostname)) return !allowed || allowed.some((origin) => origin.startsWith('moz-extension://'));
  return false;
}

/** `uri` with the given query parameters (undefined ones left out). */
export function withQuery(uri: string, params: Record<string, string | null | undefined>): string {
  const url = new URL(uri);
  for (const [key, value] of Object.entries(params)) if (value !== undefined && value !== null) url.searchParams.set(key, value);
  return url.href;
}
