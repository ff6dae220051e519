import type { Knex } from 'knex';
import { HttpError } from '../errors.js';
import { User } from '../models/user.js';

/** The signed-in person's account. */
export async function getMe(knex: Knex, userId: string): Promise<User> {
  const user = await User.query(knex).findById(userId);
  if (!user) throw new HttpError('unauthenticated');
  return user;
}
