import type { AccountDeletion } from '#shared/api/deletion.js';
import { call } from './api-client.js';

/** Whether the account is scheduled for deletion, when, and what happens to the workspaces the person owns (P17). */
export async function getAccountDeletion(): Promise<AccountDeletion> {
  return call('getAccountDeletion', undefined, { timeoutMs: 5_000 });
}

/** Schedules the deletion after the cooling-off period; confirmed with the password, or the email address without one. */
export async function requestAccountDeletion(data: { password?: string; confirmEmail?: string }): Promise<AccountDeletion> {
  return call('requestAccountDeletion', { body: data });
}

/** Keeps the account: full access again at once. */
export async function cancelAccountDeletion(): Promise<AccountDeletion> {
  return call('cancelAccountDeletion');
}
