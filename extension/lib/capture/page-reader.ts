/**
 * What `readPageDetails` finds in a page. Everything is raw page data (the page controls it):
 * the caller clamps and checks it before it goes anywhere.
 */
export interface RawPageDetails {
  /** The document's address (the tab's URL may be hidden from the extension). */
  url: string;
  title: string;
  canonicalUrl: string | null;
  ogTitle: string | null;
  ogDescription: string | null;
  ogImage: string | null;
  siteName: string | null;
  author: string | null;
  /** The selection with its line breaks (the context menu's `selectionText` loses them). */
  selectionText: string;
  /** Text of the link whose address is `targets.linkUrl` (Chrome's click data has none). */
  linkText: string | null;
  /** `alt` of the image whose address is `targets.srcUrl`. */
  imageAlt: string | null;
}

/**
 * Runs inside the page through `scripting.executeScript`, so it must stay self-contained: no imports,
 * no closures, no helpers outside its body (it is serialized and re-parsed in the page).
 */
export function readPageDetails(targets: { linkUrl?: string; srcUrl?: string }): RawPageDetails {
  const meta = (selector: string): string | null => {
    const element = document.querySelector<HTMLMetaElement>(selector);
    const value = element?.content?.trim();
    return value ? value : null;
  };
  const absolute = (value: string | null): string | null => {
    if (!value) return null;
    try {
      return new URL(value, document.baseURI).href;
    } catch {
      return null;
    }
  };
  const canonical = document.querySelector<HTMLLinkElement>('link[rel~="canonical"]')?.getAttribute('href') ?? null;

  let linkText: string | null = null;
  if (targets.linkUrl) {
    for (const anchor of Array.from(document.querySelectorAll<HTMLAnchorElement>('a[href]'))) {
      if (anchor.href === targets.linkUrl) {
        linkText = (anchor.innerText || anchor.textContent || anchor.getAttribute('aria-label') || '').trim() || null;
        break;
      }
    }
  }
  let imageAlt: string | null = null;
  if (targets.srcUrl) {
    for (const image of Array.from(document.querySelectorAll<HTMLImageElement>('img'))) {
      if (image.currentSrc === targets.srcUrl || image.src === targets.srcUrl) {
        imageAlt = image.alt.trim() || null;
        break;
      }
    }
  }

  return {
    url: location.href,
    title: document.title,
    canonicalUrl: absolute(canonical),
    ogTitle: meta('meta[property="og:title"]') ?? meta('meta[name="twitter:title"]'),
    ogDescription: meta('meta[property="og:description"]') ?? meta('meta[name="description"]'),
    ogImage: absolute(meta('meta[property="og:image"]') ?? meta('meta[property="og:image:url"]')),
    siteName: meta('meta[property="og:site_name"]'),
    author: meta('meta[name="author"]') ?? meta('meta[property="article:author"]'),
    selectionText: window.getSelection()?.toString() ?? '',
    linkText,
    imageAlt,
  };
}
