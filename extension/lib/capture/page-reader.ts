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
  /** A name for the video whose address is `targets.srcUrl`: its title or aria-label, or its figure's caption. */
  videoTitle?: string | null;
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

  // Author: news and blog pages say it in different places; the most explicit one wins. A profile
  // address (article:author often is one) is used only when no name is found anywhere.
  const ldAuthors: string[] = [];
  const collectAuthor = (value: unknown): void => {
    if (typeof value === 'string') ldAuthors.push(value);
    else if (Array.isArray(value)) value.slice(0, 5).forEach(collectAuthor);
    else if (value && typeof value === 'object' && typeof (value as { name?: unknown }).name === 'string') ldAuthors.push((value as { name: string }).name);
  };
  const walk = (node: unknown, depth: number): void => {
    if (!node || typeof node !== 'object' || depth > 4 || ldAuthors.length > 0) return;
    if (Array.isArray(node)) return node.slice(0, 20).forEach((child) => walk(child, depth + 1));
    const record = node as Record<string, unknown>;
    if ('author' in record) collectAuthor(record.author);
    if (ldAuthors.length === 0 && '@graph' in record) walk(record['@graph'], depth + 1);
  };
  for (const script of Array.from(document.querySelectorAll('script[type="application/ld+json"]')).slice(0, 10)) {
    try {
      walk(JSON.parse(script.textContent ?? ''), 0);
    } catch {
      // A page's broken JSON-LD is its own problem: the other sources still count.
    }
  }
  const ldAuthor = ldAuthors.map((name) => name.trim()).filter(Boolean).join(', ') || null;
  const articleAuthor = meta('meta[property="article:author"]');
  const looksLikeAddress = (value: string | null) => Boolean(value && /^https?:\/\//i.test(value));
  const relAuthor = document.querySelector<HTMLElement>('a[rel~="author"], [itemprop="author"] [itemprop="name"], [itemprop="author"]');
  const author =
    meta('meta[name="author"]') ??
    ldAuthor ??
    (looksLikeAddress(articleAuthor) ? null : articleAuthor) ??
    (relAuthor?.textContent?.trim() || null) ??
    meta('meta[name="dc.creator"]') ??
    meta('meta[name="twitter:creator"]') ??
    articleAuthor;

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

  let videoTitle: string | null = null;
  if (targets.srcUrl) {
    for (const video of Array.from(document.querySelectorAll<HTMLVideoElement>('video'))) {
      const sources = [video.currentSrc, video.src, ...Array.from(video.querySelectorAll('source')).map((source) => source.src)];
      if (sources.includes(targets.srcUrl)) {
        const caption = video.closest('figure')?.querySelector('figcaption')?.textContent;
        videoTitle = (video.title || video.getAttribute('aria-label') || caption || '').trim() || null;
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
    author,
    selectionText: window.getSelection()?.toString() ?? '',
    linkText,
    imageAlt,
    videoTitle,
  };
}
