import type { Knex } from 'knex';
import type { PlatformId } from '#shared/platforms.js';
import { createSealer } from '../../lib/token-crypto.js';
import { sealTokens } from '../../platforms/credentials.js';
import type { TokenKey } from '../../config.js';

/** The token key of publisher tests. */
export const TEST_TOKEN_KEYS: TokenKey[] = [{ id: 'test', key: Buffer.alloc(32, 7) }];

/** A workspace with its owner, made directly in the tables (the publisher never goes through routes). */
export async function seedWorkspace(knex: Knex, name = 'Publishing tests'): Promise<{ workspaceId: string; userId: string; email: string }> {
  const [workspace] = await knex('workspaces').insert({ name, timeZone: 'Europe/Paris' }).returning('id');
  const email = `author-${Math.random().toString(36).slice(2)}@example.com`;
  const [user] = await knex('users')
    .insert({ firstName: 'Ada', lastName: 'Lovelace', email, passwordHash: '$argon2id$v=19$m=19456,t=2,p=1$test$test', ageConfirmedAt: new Date(), defaultWorkspaceId: workspace.id })
    .returning('id');
  await knex('memberships').insert({ workspaceId: workspace.id, userId: user.id, role: 'owner' });
  return { workspaceId: workspace.id, userId: user.id, email };
}

/** A connected account with sealed tokens (P26), as the connect flow stores it. */
export async function seedAccount(knex: Knex, workspaceId: string, options: { platform?: PlatformId; name?: string; accessToken?: string } = {}): Promise<string> {
  const sealed = sealTokens(createSealer(TEST_TOKEN_KEYS), { accessToken: options.accessToken ?? 'good-token', refreshToken: null, expiresAt: null });
  const [row] = await knex('connectedAccounts')
    .insert({
      workspaceId,
      platform: options.platform ?? 'x',
      kind: 'profile',
      remoteId: `remote-${Math.random().toString(36).slice(2)}`,
      name: options.name ?? 'Ada on the network',
      username: 'ada',
      sandbox: true,
      ...sealed,
    })
    .returning('id');
  return row.id;
}

/** What seedPost makes. */
export interface SeededPost {
  postId: string;
  targetIds: string[];
}

/**
 * A scheduled post by `userId` with one due target per account (run_at = due_at = `dueAt`, default
 * now), as scheduling leaves it.
 */
export async function seedPost(
  knex: Knex,
  owner: { workspaceId: string; userId: string },
  accountIds: string[],
  options: { body?: string; dueAt?: Date; platform?: PlatformId; overrides?: Record<string, unknown>; mediaIds?: string[] } = {},
): Promise<SeededPost> {
  const dueAt = options.dueAt ?? new Date();
  const [post] = await knex('posts').insert({ workspaceId: owner.workspaceId, createdBy: owner.userId, status: 'scheduled', body: options.body ?? 'Hello from the publisher' }).returning('id');
  if (options.mediaIds?.length) {
    await knex('postMedia').insert(options.mediaIds.map((mediaId, position) => ({ workspaceId: owner.workspaceId, postId: post.id, mediaId, position })));
  }
  const accounts = await knex('connectedAccounts').whereIn('id', accountIds).select('id', 'platform');
  const targets = await knex('postTargets')
    .insert(
      accounts.map((account: { id: string; platform: PlatformId }) => ({
        workspaceId: owner.workspaceId,
        postId: post.id,
        accountId: account.id,
        platform: account.platform,
        status: 'scheduled',
        dueAt,
        runAt: dueAt,
        overrides: JSON.stringify(options.overrides ?? {}),
      })),
    )
    .returning('id');
  return { postId: post.id, targetIds: targets.map((target: { id: string }) => target.id) };
}
