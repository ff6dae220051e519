import type { AccountProfile, PlatformContext, TokenSet } from '../types.js';

/** The creator behind the tokens (`GET /v2/user/info/`), asking only for the P9 fields. */
export async function tiktokAccounts(context: PlatformContext, tokens: TokenSet): Promise<AccountProfile[]> {
  const response = await context.http.request({
    method: 'GET',
    url: `${context.settings.apiUrl}/v2/user/info/`,
    bearer: tokens.accessToken,
    query: { fields: 'open_id,display_name,username,avatar_url' },
  });
  const user = (response.json as { data: { user: { open_id: string; display_name?: string; username?: string; avatar_url?: string } } }).data.user;
  return [{ remoteId: user.open_id, kind: 'profile', name: user.display_name || user.username || user.open_id, username: user.username ?? null, avatarUrl: user.avatar_url ?? null }];
}
