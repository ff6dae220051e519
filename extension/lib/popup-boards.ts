import type { PinterestBoard } from '#shared/api/accounts.js';
import { call } from './api-client.js';

/**
 * The boards of a connected Pinterest account (background side), for the quick post's board picker.
 * Read from Pinterest through the service each time the card opens: boards are made and renamed there.
 * A 409 account_unavailable means the account must be reconnected; the picker says so.
 */
export async function listPinterestBoards(data: { workspaceId: string; accountId: string }): Promise<PinterestBoard[]> {
  const answer = await call('listPinterestBoards', { params: { workspaceId: data.workspaceId, accountId: data.accountId } });
  return answer.items;
}
