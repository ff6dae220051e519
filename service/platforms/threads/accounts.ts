import { requireString } from '../meta/graph.js';
import type { AccountProfile, PlatformContext, TokenSet } from '../types.js';

/** The Threads profile behind the token; only the P9 fields: id, name, username, profile picture. */
export async function listThreadsAccount(context: PlatformContext, tokens: TokenSet): Promise<AccountProfile[]> {
  const response = await context.http.request({ method: 'GET', url: `${context.settings.apiUrl}/me`, query: { fields: 'id,username,name,threads_profile_picture_url' }, bearer: tokens.accessToken });
  const me = response.json as { username?: string; name?: string; threads_profile_picture_url?: string };
  const username = me.username ?? null;
  return [{ remoteId: requireString(me, 'id', 'Threads'), kind: 'profile', name: me.name || username || 'Threads profile', username, avatarUrl: me.threads_profile_picture_url ?? null }];
}
