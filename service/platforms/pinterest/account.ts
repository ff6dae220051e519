import type { AccountProfile, PlatformContext, TokenSet } from '../types.js';

/** A board a Pin can be saved to: what the target's board option offers. */
export interface PinterestBoard {
  id: string;
  name: string;
  privacy: string;
}

/** The one account a Pinterest connection publishes as; only the P9 fields (id, name, username, avatar). */
export async function pinterestAccounts(context: PlatformContext, tokens: TokenSet): Promise<AccountProfile[]> {
  const response = await context.http.request({ method: 'GET', url: `${context.settings.apiUrl}/user_account`, bearer: tokens.accessToken });
  const account = response.json as { id: string; username?: string; business_name?: string | null; profile_image?: string | null };
  return [{ remoteId: account.id, kind: 'profile', name: account.business_name || account.username || account.id, username: account.username ?? null, avatarUrl: account.profile_image ?? null }];
}

/**
 * The account's boards (the choices of a Pinterest target's board option), every page of
 * `GET /v5/boards` at the largest page size the API allows.
 */
export async function listPinterestBoards(context: PlatformContext, tokens: TokenSet): Promise<PinterestBoard[]> {
  const boards: PinterestBoard[] = [];
  let bookmark: string | null = null;
  do {
    const response = await context.http.request({
      method: 'GET',
      url: `${context.settings.apiUrl}/boards`,
      bearer: tokens.accessToken,
      query: { page_size: 250, bookmark },
    });
    const page = response.json as { items: Array<{ id: string; name: string; privacy?: string }>; bookmark?: string | null };
    boards.push(...page.items.map((board) => ({ id: board.id, name: board.name, privacy: board.privacy ?? 'PUBLIC' })));
    bookmark = page.bookmark ?? null;
  } while (bookmark);
  return boards;
}
