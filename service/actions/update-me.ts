import type { Knex } from 'knex';
import { HttpError } from '../errors.js';
import { Membership } from '../models/membership.js';
import { User } from '../models/user.js';

/** Sets the default workspace (where one-click captures go); only a workspace the person belongs to. */
export async function updateMe(knex: Knex, userId: string, changes: { defaultWorkspaceId: string }): Promise<User> {
  const membership = await Membership.query(knex).findById([changes.defaultWorkspaceId, userId]);
  if (!membership) throw new HttpError('not_found', 'We could not find that workspace among yours.');
  const user = await User.query(knex).patchAndFetchById(userId, { defaultWorkspaceId: changes.defaultWorkspaceId, updatedAt: new Date() });
  if (!user) throw new HttpError('unauthenticated');
  return user;
}
