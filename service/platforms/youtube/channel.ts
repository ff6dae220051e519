import type { AccountProfile, PlatformContext, TokenSet } from '../types.js';

/**
 * The YouTube channel of the signed-in Google account (`channels.list?mine=true`), with only the P9
 * fields. None when the account has no channel yet.
 */
export async function youtubeChannels(context: PlatformContext, tokens: TokenSet): Promise<AccountProfile[]> {
  const response = await context.http.request({ method: 'GET', url: `${context.settings.apiUrl}/channels`, bearer: tokens.accessToken, query: { part: 'snippet', mine: true } });
  const items = (response.json as { items?: Array<{ id: string; snippet?: { title?: string; customUrl?: string; thumbnails?: { default?: { url?: string } } } }> }).items ?? [];
  return items.map((channel) => ({
    remoteId: channel.id,
    kind: 'channel',
    name: channel.snippet?.title ?? channel.id,
    username: channel.snippet?.customUrl?.replace(/^@/, '') ?? null,
    avatarUrl: channel.snippet?.thumbnails?.default?.url ?? null,
  }));
}
