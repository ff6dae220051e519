import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TokenKey } from '../config.js';
import { openIntegrationTokens, sealIntegrationTokens } from '../imports/credentials.js';
import { createSealer } from '../lib/token-crypto.js';
import { openTokens, sealTokens } from '../platforms/credentials.js';
import { openSchemaDatabase, testDatabaseUrl, type SchemaDatabase } from '../publisher/testing/database.js';
import { seedAccount, seedWorkspace, TEST_TOKEN_KEYS } from '../publisher/testing/fixtures.js';
import { openConnectRequest, takeIntegrationRequest } from './connect-requests.js';
import { reencryptTokens, type ReencryptProgress } from './reencrypt-tokens.js';

const databaseUrl = testDatabaseUrl();
const OLD = TEST_TOKEN_KEYS[0]!; // what seedAccount seals with
const NEW: TokenKey = { id: 'k2', key: Buffer.alloc(32, 9) };
const GONE: TokenKey = { id: 'gone', key: Buffer.alloc(32, 3) };
const APP_SECRET = 'reencrypt-test-secret-reencrypt-test-secret';

// Rotation rewrites whole tables, so it runs on a schema of its own: other files' rows stay untouched.
describe.skipIf(!databaseUrl)('reencryptTokens (npm run rotate-keys)', () => {
  let db: SchemaDatabase;
  beforeAll(async () => {
    db = await openSchemaDatabase(databaseUrl!, 2);
  });
  afterAll(async () => {
    await db?.close();
  });

  it('P26: old-key tokens stay readable during rotation, and are sealed with the new key after it', async () => {
    const { knex } = db;
    const { workspaceId, userId } = await seedWorkspace(knex, 'Rotation');
    const accountId = await seedAccount(knex, workspaceId, { accessToken: 'account-token' });
    const [disconnected] = await knex('connectedAccounts')
      .insert({ workspaceId, platform: 'linkedin', kind: 'profile', remoteId: 'gone-account', name: 'Gone', status: 'disconnected', sandbox: true })
      .returning('id');
    const expiresAt = new Date('2027-01-01T00:00:00.000Z');
    const [integration] = await knex('integrationConnections')
      .insert({
        userId,
        provider: 'canva',
        canvaUserId: 'canva-user',
        scopes: ['design:meta:read'],
        ...sealIntegrationTokens(createSealer([OLD]), { accessToken: 'canva-token', refreshToken: 'canva-refresh', expiresAt, scopes: ['design:meta:read'] }),
      })
      .returning('id');
    const started = await openConnectRequest(knex, { appSecret: APP_SECRET, tokenKeys: [OLD] }, { integration: 'google_drive', userId, pkce: true });

    // The new key goes first; the old one stays after it, so everything still opens before the rewrite.
    const rotation = [NEW, OLD];
    const accountRow = await knex('connectedAccounts').where('id', accountId).first();
    expect(openTokens(createSealer(rotation), accountRow).accessToken).toBe('account-token');

    const progress: ReencryptProgress[] = [];
    const result = await reencryptTokens(knex, rotation, (step) => progress.push(step));
    expect(result).toEqual({
      currentKeyId: 'k2',
      reencrypted: { connectedAccounts: 1, integrationConnections: 1, connectRequests: 1 },
      skipped: 0,
      problems: [],
      stillUsed: [],
    });
    expect(progress).toContainEqual({ table: 'connectedAccounts', done: 1, total: 1 });
    expect(progress).toContainEqual({ table: 'connectRequests', done: 1, total: 1 });

    // After: the new key alone opens everything, and the old one opens nothing.
    const onlyNew = createSealer([NEW]);
    const account = await knex('connectedAccounts').where('id', accountId).first();
    expect(account.credentialsKeyId).toBe('k2');
    expect(openTokens(onlyNew, account)).toEqual({ accessToken: 'account-token', refreshToken: null, expiresAt: null });
    expect(() => openTokens(createSealer([OLD]), account)).toThrow(/no longer configured/);
    const connection = await knex('integrationConnections').where('id', integration.id).first();
    expect(openIntegrationTokens(onlyNew, connection)).toEqual({ accessToken: 'canva-token', refreshToken: 'canva-refresh', expiresAt, scopes: ['design:meta:read'] });
    expect(await knex('connectedAccounts').where('id', disconnected.id).first()).toMatchObject({ credentials: null, credentialsKeyId: null });
    const taken = await takeIntegrationRequest(knex, { appSecret: APP_SECRET, tokenKeys: [NEW] }, 'google_drive', started.state);
    expect(createHash('sha256').update(taken!.verifier!).digest('base64url')).toBe(started.codeChallenge);

    // Nothing left to do the second time.
    const again = await reencryptTokens(knex, rotation);
    expect(again.reencrypted).toEqual({ connectedAccounts: 0, integrationConnections: 0, connectRequests: 0 });
  });

  it('leaves a row whose key is no longer configured as it is, names it with a code, and keeps going', async () => {
    const { knex } = db;
    const { workspaceId } = await seedWorkspace(knex, 'Lost key');
    const [lost] = await knex('connectedAccounts')
      .insert({ workspaceId, platform: 'x', kind: 'profile', remoteId: 'lost-key', name: 'Lost', sandbox: true, ...sealTokens(createSealer([GONE]), { accessToken: 'lost', refreshToken: null, expiresAt: null }) })
      .returning(['id', 'credentials']);
    const kept = await seedAccount(knex, workspaceId, { accessToken: 'kept' });

    const result = await reencryptTokens(knex, [NEW, OLD]);
    expect(result.problems).toEqual([{ table: 'connectedAccounts', id: lost.id, code: 'token_key_missing', message: expect.stringContaining('"gone"') }]);
    expect(result.reencrypted.connectedAccounts).toBe(1);
    expect(result.stillUsed).toEqual(['gone']);
    expect(await knex('connectedAccounts').where('id', lost.id).first()).toMatchObject({ credentials: lost.credentials, credentialsKeyId: 'gone' });
    expect(openTokens(createSealer([NEW]), await knex('connectedAccounts').where('id', kept).first()).accessToken).toBe('kept');
  });
});
