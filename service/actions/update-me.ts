import type { Knex } from 'knex';
import { HttpError } from '../errors.js';
import { Membership } from '../models/membership.js';
import { User } from '../models/user.js';

/** What PATCH /me may change. */
export interface MeChanges {
  firstName?: string | undefined;
  lastName?: string | undefined;
  defaultWorkspaceId?: string | undefined;
}

/**
 * Corrects the person's names (P28) and/or sets the default workspace (where one-click captures go),
 * only a workspace they belong to. Fields left out stay as they are.
 */
export async function updateMe(knex: Knex, userId: string, changes: MeChanges): Promise<User> {
  if (changes.defaultWorkspaceId !== undefined) {
    const membership = await Membership.query(knex).findById([changes.defaultWorkspaceId, userId]);
    if (!membership) throw new HttpError('not_found', { en: 'We could not find that workspace among yours.', de: 'Wir konnten diesen Arbeitsbereich unter Ihren nicht finden.' });
  }
  const patch: Partial<User> = { updatedAt: new Date() };
  if (changes.firstName !== undefined) patch.firstName = changes.firstName;
  if (changes.lastName !== undefined) patch.lastName = changes.lastName;
  if (changes.defaultWorkspaceId !== undefined) patch.defaultWorkspaceId = changes.defaultWorkspaceId;
  const user = await User.query(knex).patchAndFetchById(userId, patch);
  if (!user) throw new HttpError('unauthenticated');
  return user;
}
