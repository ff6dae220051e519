import type { Role } from '#shared/roles.js';
import { createSession } from '../actions/create-session.js';
import { createWorkspace } from '../actions/create-workspace.js';
import { hashPassword } from '../lib/passwords.js';
import { User } from '../models/user.js';
import { presentMe } from '../presenters/user.js';
import type { TestApp, TestUser } from './test-app.js';

/** The password of every `makeUser` account. */
export const TEST_PASSWORD = 'correct horse battery staple';
let passwordHash: Promise<string> | undefined;

/**
 * A person with an account, a personal workspace (owner, default) and a session, written straight to
 * the database: team tests need many people, and neither the sign-up path nor argon2 per person is
 * what they test. Email verified unless `verified: false`.
 */
export async function makeUser(
  app: TestApp,
  options: { firstName?: string; lastName?: string; email?: string; verified?: boolean } = {},
): Promise<TestUser> {
  passwordHash ??= hashPassword(TEST_PASSWORD);
  const hash = await passwordHash;
  const firstName = options.firstName ?? 'Ada';
  const lastName = options.lastName ?? 'Lovelace';
  const email = options.email ?? freshEmail('person');
  return app.db.knex.transaction(async (trx) => {
    const user = await User.query(trx)
      .insert({ firstName, lastName, email, passwordHash: hash, ageConfirmedAt: new Date(), emailVerifiedAt: options.verified === false ? null : new Date() })
      .returning('*');
    const workspace = await createWorkspace(trx, user.id, `${firstName}'s workspace`);
    await User.query(trx).patch({ defaultWorkspaceId: workspace.id }).where('id', user.id);
    user.defaultWorkspaceId = workspace.id;
    const { token } = await createSession(trx, app.config.appSecret, user.id, { ip: null, userAgent: null });
    return {
      token,
      user: presentMe(user, null),
      workspaceId: workspace.id,
      email,
      password: TEST_PASSWORD,
    };
  });
}

/** Marks a test user's email verified (inviting needs it), as the verification link would. */
export async function verifyEmail(app: TestApp, user: TestUser): Promise<TestUser> {
  await app.db.knex('users').where('id', user.user.id).update({ emailVerifiedAt: new Date() });
  return user;
}

/** Adds `user` to `workspaceId` with `role` directly in the database (setup, not the behaviour under test). */
export async function addMember(app: TestApp, workspaceId: string, user: TestUser, role: Role): Promise<void> {
  await app.db.knex('memberships').insert({ workspaceId, userId: user.user.id, role });
}

/** The role of `user` in `workspaceId`, or null when they are not a member. */
export async function roleIn(app: TestApp, workspaceId: string, user: TestUser | string): Promise<Role | null> {
  const userId = typeof user === 'string' ? user : user.user.id;
  const row = await app.db.knex('memberships').where({ workspaceId, userId }).first('role');
  return (row?.role as Role | undefined) ?? null;
}

/** What the invitation email to `email` carries (the newest one), read from the outbox. */
export interface SentInvitation {
  acceptUrl: string;
  token: string;
  data: Record<string, string>;
  userId: string | null;
}

/** The newest invitation email to `email` in the outbox; throws when there is none. */
export async function sentInvitation(app: TestApp, email: string): Promise<SentInvitation> {
  const row = await app.db
    .knex('emailOutbox')
    .where({ toEmail: email, template: 'invitation' })
    .orderBy('createdAt', 'desc')
    .first('data', 'userId');
  if (!row) throw new Error(`no invitation email to ${email} in the outbox`);
  const data = row.data as Record<string, string>;
  const token = new URL(data.acceptUrl!).searchParams.get('token');
  if (!token) throw new Error(`the invitation email to ${email} has no token in its link: ${data.acceptUrl}`);
  return { acceptUrl: data.acceptUrl!, token, data, userId: row.userId as string | null };
}

/** A fresh address nobody has used. */
export function freshEmail(label = 'invitee'): string {
  return `${label}-${crypto.randomUUID()}@example.com`;
}

/** The audit actions of a workspace, oldest first. */
export async function auditActions(app: TestApp, workspaceId: string): Promise<string[]> {
  const rows = await app.db.knex('auditEvents').where({ workspaceId }).orderBy([{ column: 'createdAt' }, { column: 'id' }]).select('action');
  return rows.map((row: { action: string }) => row.action);
}
