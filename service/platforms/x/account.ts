import type { AccountProfile, PlatformContext, TokenSet } from '../types.js';
import { xApi } from './api.js';

interface XUser {
  id: string;
  name: string;
  username: string;
  profile_image_url?: string;
}

/**
 * The one account an X token publishes as: the person who authorized. Only the fields P9 lists are
 * asked for (id, name, username, avatar).
 */
export async function listXAccounts(ctx: PlatformContext, tokens: TokenSet): Promise<AccountProfile[]> {
  const response = await ctx.http.request({
    method: 'GET',
    url: xApi(ctx, '/users/me'),
    bearer: tokens.accessToken,
    query: { 'user.fields': 'profile_image_url' },
  });
  const user = (response.json as { data: XUser }).data;
  return [{ remoteId: user.id, kind: 'profile', name: user.name, username: user.username, avatarUrl: user.profile_image_url ?? null }];
}
