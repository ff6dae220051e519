import { z } from 'zod';
import { zodMessage } from '../i18n.js';
import { Timestamp } from './common.js';

/** What happens to a workspace the person owns when the account is deleted (P18). */
export const WORKSPACE_FATES = ['delete', 'keep', 'pass', 'blocked'] as const;

/** The person's account deletion (P17): none, or scheduled for a date after the cooling-off period. */
export const AccountDeletion = z
  .object({
    status: z.enum(['none', 'scheduled']),
    requestedAt: Timestamp.nullable(),
    dueAt: Timestamp.nullable().meta({ description: 'When the account and its data are deleted: at least 30 days after the request, later while a paid period runs.' }),
    unscheduledPosts: z.number().int().nullable().meta({ description: 'On the request only: how many of your scheduled posts went back to drafts.' }),
    workspaces: z
      .array(z.object({ id: z.string(), name: z.string(), outcome: z.enum(WORKSPACE_FATES) }))
      .meta({ description: 'Workspaces you own: deleted (you alone), kept (another owner), passed to the longest-standing admin, or blocked (transfer ownership first).' }),
  })
  .meta({ id: 'AccountDeletion' });
export type AccountDeletion = z.output<typeof AccountDeletion>;

export const RequestAccountDeletionInput = z
  .strictObject({
    password: z.string({ message: zodMessage({ en: 'must be text', de: 'muss Text sein' }) }).max(1000).optional(),
    confirmEmail: z.string({ message: zodMessage({ en: 'must be text', de: 'muss Text sein' }) }).max(320).optional(),
  })
  .meta({ id: 'RequestAccountDeletionInput', description: 'Your current password; accounts without one (Google sign-in) type their email address instead.' });
