import type { Endpoint } from '../endpoint.js';
import { AccountDeletion, RequestAccountDeletionInput } from '../deletion.js';

export const deletionEndpoints = {
  getAccountDeletion: {
    method: 'GET', path: '/api/v1/me/deletion', tag: 'me', auth: 'session',
    summary: 'Whether your account is scheduled for deletion, and when (P17).', response: AccountDeletion,
  },
  requestAccountDeletion: {
    method: 'POST', path: '/api/v1/me/deletion', tag: 'me', auth: 'session',
    summary: 'Delete your account after a cooling-off period of at least 30 days (longer while a paid period runs); publishing pauses meanwhile and your scheduled posts go back to drafts.',
    body: RequestAccountDeletionInput, response: AccountDeletion, status: 202,
  },
  cancelAccountDeletion: {
    method: 'DELETE', path: '/api/v1/me/deletion', tag: 'me', auth: 'session',
    summary: 'Keep your account: cancels a scheduled deletion and restores full access.', response: AccountDeletion,
  },
} as const satisfies Record<string, Endpoint>;
