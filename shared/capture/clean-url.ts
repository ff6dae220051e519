/**
 * Removes tracking parameters from a web address before it is shared, so a post does not carry the
 * campaign tags, click ids and share ids of whoever sent the person to the page.
 *
 * Written with string operations, not `URL`: shared code has no DOM or Node types, and re-serialising
 * through `URL` would also re-encode the parts we keep — the address must stay byte for byte what the
 * page said, minus the removed parameters.
 */

/** Parameter name prefixes that only ever carry campaign tracking (Google Analytics, Matomo, HubSpot ads). */
const TRACKING_PREFIXES = ['utm_', 'pk_', 'mtm_', 'hsa_'] as const;

/** Exact parameter names (compared lowercased) of click ids and share ids that never change what a page shows. */
const TRACKING_NAMES = new Set([
  // Ad click ids: Facebook, Google, Microsoft, X, TikTok, LinkedIn, Yandex, Reddit.
  'fbclid', 'gclid', 'gclsrc', 'dclid', 'gbraid', 'wbraid', 'msclkid', 'twclid', 'ttclid', 'li_fat_id', 'yclid', 'rdt_cid',
  // Mailchimp, HubSpot, Marketo, Vero, Omeda emails.
  'mc_cid', 'mc_eid', '_hsenc', '_hsmi', '__hstc', '__hssc', '__hsfp', 'hsctatracking', 'mkt_tok', 'vero_id', 'vero_conv', 'oly_anon_id', 'oly_enc_id',
  // Share ids and referral tags of Instagram, X, Facebook and Google's cross-domain linker.
  'igshid', 'igsh', 'ref_src', 'ref_url', 'fb_action_ids', 'fb_action_types', 'fb_ref', 'fb_source', '_gl',
  // Others seen in shared links.
  's_cid', 'wickedid', 'epik', 'rb_clickid',
]);

/** True when a query parameter of this name is a known tracking parameter. */
export function isTrackingParameter(name: string): boolean {
  const lower = safeDecode(name).toLowerCase();
  return TRACKING_NAMES.has(lower) || TRACKING_PREFIXES.some((prefix) => lower.startsWith(prefix) && lower.length > prefix.length);
}

export interface CleanedUrl {
  /** The address without tracking parameters (unchanged when it had none). */
  url: string;
  /** Names of the parameters removed, in the order they appeared (each once). */
  removed: string[];
}

/**
 * `url` without its tracking parameters. Other parameters keep their order and exact spelling; the
 * fragment is kept; a query left empty loses its `?`. Anything that is not an http(s) address is
 * returned as is (nothing to clean, and nothing we should guess about).
 */
export function cleanUrl(url: string): CleanedUrl {
  if (!/^https?:\/\//i.test(url)) return { url, removed: [] };
  const hashAt = url.indexOf('#');
  const beforeHash = hashAt === -1 ? url : url.slice(0, hashAt);
  const fragment = hashAt === -1 ? '' : url.slice(hashAt);
  const queryAt = beforeHash.indexOf('?');
  if (queryAt === -1) return { url, removed: [] };
  const base = beforeHash.slice(0, queryAt);
  const pairs = beforeHash.slice(queryAt + 1).split('&');
  const removed: string[] = [];
  const kept = pairs.filter((pair) => {
    if (pair === '') return false;
    const name = pair.split('=', 1)[0]!.replace(/\+/g, ' ');
    if (!isTrackingParameter(name)) return true;
    const readable = safeDecode(name);
    if (!removed.includes(readable)) removed.push(readable);
    return false;
  });
  if (removed.length === 0) return { url, removed: [] };
  return { url: base + (kept.length > 0 ? `?${kept.join('&')}` : '') + fragment, removed };
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    // A malformed escape is not a name we know; compare it as written.
    return value;
  }
}
