import { requireString } from '../meta/graph.js';
import type { AccountProfile, PlatformContext, TokenSet } from '../types.js';

/**
 * The professional account behind the token: `user_id` is the id publishing uses. Only the P9 fields:
 * id, name, username, profile picture.
 */
export async function listInstagramAccount(context: PlatformContext, tokens: TokenSet): Promise<AccountProfile[]> {
  const response = await context.http.request({ method: 'GET', url: `${context.settings.apiUrl}/me`, query: { fields: 'user_id,username,name,profile_picture_url' }, bearer: tokens.accessToken });
  const me = response.json as { username?: string; name?: string; profile_picture_url?: string };
  const username = me.username ?? null;
  return [{ remoteId: requireString(me, 'user_id', 'Instagram'), kind: 'business', name: me.name || username || 'Instagram account', username, avatarUrl: me.profile_picture_url ?? null }];
}
