import { browser } from 'wxt/browser';

/** What the page handed back: the image's bytes (base64: results cross the page boundary as JSON), or why not. */
export type PageImage = { ok: true; type: string; base64: string } | { ok: false; reason: string };

/** Larger than any image the library takes (MEDIA_MAX_IMAGE_BYTES defaults to 20 MB); the service checks the real limit. */
export const PAGE_IMAGE_MAX_BYTES = 25 * 1024 * 1024;
/** Reading an image the page already shows comes from the browser's cache; give slow pages some time. */
export const READ_IMAGE_TIMEOUT_MS = 20_000;

/**
 * Runs inside the page (scripting.executeScript), so it must not use anything from outside its body.
 * The fetch is the page's own: a same-origin image comes with the person's cookies — what an image
 * behind a sign-in needs — and an image on their private network is reachable from their browser.
 * Cross-origin images without CORS cannot be read this way (nor any way without host permissions).
 */
export async function readImageInPage(src: string, maxBytes: number): Promise<PageImage> {
  const attempt = async (credentials: RequestCredentials): Promise<PageImage> => {
    const response = await fetch(src, { credentials, cache: 'force-cache' });
    if (!response.ok) return { ok: false, reason: `HTTP ${response.status}` };
    const blob = await response.blob();
    if (blob.size > maxBytes) return { ok: false, reason: 'too_large' };
    const bytes = new Uint8Array(await blob.arrayBuffer());
    let binary = '';
    for (let at = 0; at < bytes.length; at += 0x8000) binary += String.fromCharCode(...bytes.subarray(at, at + 0x8000));
    return { ok: true, type: blob.type, base64: btoa(binary) };
  };
  try {
    return await attempt('include');
  } catch {
    // A cross-origin image allowed with `Access-Control-Allow-Origin: *` refuses credentialed requests.
    try {
      return await attempt('omit');
    } catch (error) {
      return { ok: false, reason: error instanceof Error ? error.message : String(error) };
    }
  }
}

/**
 * Reads the clicked image in its frame under the activeTab grant the context-menu click gave (no host
 * permission needed). Resolves with a Blob, or null when the page cannot or will not hand it over.
 */
export async function readImage(tabId: number, frameId: number, src: string): Promise<Blob | null> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), READ_IMAGE_TIMEOUT_MS);
  });
  const read = browser.scripting
    .executeScript({ target: { tabId, frameIds: [frameId] }, func: readImageInPage, args: [src, PAGE_IMAGE_MAX_BYTES] })
    .then((results) => (results[0]?.result as PageImage | undefined) ?? null)
    .catch(() => null);
  try {
    const image = await Promise.race([read, timeout]);
    if (!image?.ok) return null;
    const binary = atob(image.base64);
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return new Blob([bytes], { type: image.type });
  } finally {
    clearTimeout(timer);
  }
}
