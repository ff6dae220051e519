import type { AccountProfile, PlatformContext, TokenSet } from '../types.js';

interface PageEntry {
  id: string;
  name: string;
  username?: string;
  access_token?: string;
  tasks?: string[];
  picture?: { data?: { url?: string } };
}

/** Graph caps a page of results; Pages beyond it come through `paging.next`. */
const PAGE_SIZE = 100;

/**
 * The Pages this login may publish to (task CREATE_CONTENT), each with its own Page token. A Page token
 * read with a long-lived user token does not expire; it carries the user token in `extra` for revocation.
 * Only the P9 fields: id, name, username, picture.
 */
export async function listFacebookPages(context: PlatformContext, tokens: TokenSet): Promise<AccountProfile[]> {
  const profiles: AccountProfile[] = [];
  let next: string | null = `${context.settings.apiUrl}/me/accounts`;
  let query: Record<string, string | number> | undefined = { fields: 'id,name,username,access_token,tasks,picture{url}', limit: PAGE_SIZE };
  while (next) {
    const response = await context.http.request({ method: 'GET', url: next, query, bearer: tokens.accessToken });
    const body = response.json as { data?: PageEntry[]; paging?: { next?: string } };
    for (const page of body.data ?? []) {
      if (!page.access_token || !(page.tasks ?? []).includes('CREATE_CONTENT')) continue;
      profiles.push({
        remoteId: page.id,
        kind: 'page',
        name: page.name,
        username: page.username ?? null,
        avatarUrl: page.picture?.data?.url ?? null,
        tokens: { accessToken: page.access_token, refreshToken: null, expiresAt: null, scopes: tokens.scopes, extra: { userAccessToken: tokens.accessToken } },
      });
    }
    // `next` is a complete address with the query (and the token) already in it.
    next = body.paging?.next ?? null;
    query = undefined;
  }
  return profiles;
}
