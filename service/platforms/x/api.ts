import type { PlatformContext } from '../types.js';

/** An X API v2 address: the API base (https://api.x.com, or the simulator) + `/2/…`. */
export function xApi(ctx: PlatformContext, path: string): string {
  return `${ctx.settings.apiUrl}/2${path}`;
}

/** An address of the media upload endpoints, which X serves from the same host today. */
export function xUpload(ctx: PlatformContext, path: string): string {
  return `${ctx.settings.uploadUrl}/2${path}`;
}

/** Where a person reads a post; X redirects `/i/web/status/{id}` to the author's own address. */
export function xPostUrl(id: string): string {
  return `https://x.com/i/web/status/${id}`;
}
