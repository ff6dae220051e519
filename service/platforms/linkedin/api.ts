import type { HttpRequest } from '../lib/http.js';
import type { PlatformContext } from '../types.js';

/**
 * The monthly version of LinkedIn's versioned ("rest") APIs we are written against. LinkedIn sunsets a
 * version about a year after its release: bump it (and re-run the tests) before then.
 */
export const LINKEDIN_VERSION = '202601';

/** A request to a versioned `/rest/…` endpoint, with the headers every one of them needs. */
export function restRequest(ctx: PlatformContext, accessToken: string, request: Omit<HttpRequest, 'url' | 'bearer'> & { path: string }): HttpRequest {
  const { path, headers, ...rest } = request;
  return {
    ...rest,
    url: `${ctx.settings.apiUrl}/rest${path}`,
    bearer: accessToken,
    headers: { 'LinkedIn-Version': LINKEDIN_VERSION, 'X-Restli-Protocol-Version': '2.0.0', ...headers },
  };
}

/** A URN inside a path or a Rest.li `List(…)`: encoded, so its colons are not read as syntax. */
export const encodeUrn = (urn: string) => encodeURIComponent(urn);

/** Where a person reads a post. */
export const linkedInPostUrl = (urn: string) => `https://www.linkedin.com/feed/update/${urn}`;
