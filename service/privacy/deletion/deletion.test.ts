import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outboxEmails } from '../../email/testing.js';
import { integrationConnector, integrationTestConfig, startIntegrationSimulators } from '../../imports/testing.js';
import { JOBS } from '../../jobs/schedule.js';
import { createLogger } from '../../logger.js';
import { createSealer } from '../../lib/token-crypto.js';
import { png } from '../../media/testing/fixtures.js';
import { upload } from '../../media/testing/upload.js';
import { platformConfigFrom } from '../../platforms/config.js';
import { openTokens } from '../../platforms/credentials.js';
import { sandboxEndpoints } from '../../platforms/settings.js';
import type { StandaloneCanva } from '../../sandbox/canva/standalone.js';
import type { StandaloneDrive } from '../../sandbox/google-drive/standalone.js';
import { startStandalone, type Standalone } from '../../sandbox/networks/kit/standalone.js';
import type { NetworkSimulator } from '../../sandbox/networks/kit/types.js';
import { createTikTokSimulator } from '../../sandbox/networks/tiktok/index.js';
import { createXSimulator } from '../../sandbox/networks/x/index.js';
import { LocalStorage } from '../../storage/local.js';
import { connectThroughApp } from '../../testing/connect-through-app.js';
import { addMember } from '../../testing/teams.js';
import { createTestApp, testConfig, type TestApp, type TestUser } from '../../testing/test-app.js';

let app: TestApp;
let mediaDir: string;
const networks: Partial<Record<'x' | 'tiktok', { sim: NetworkSimulator; server: Standalone }>> = {};
let canva: StandaloneCanva;
let drive: StandaloneDrive;

async function startNetwork(id: 'x' | 'tiktok') {
  let sim!: NetworkSimulator;
  const create = id === 'x' ? createXSimulator : createTikTokSimulator;
  const server = await startStandalone((url) => {
    sim = create({ baseUrl: url, basePath: '', clients: [{ clientId: `${id}-app`, clientSecret: `${id}-secret` }] });
    return sim.router;
  });
  networks[id] = { sim, server };
  return { clientId: `${id}-app`, clientSecret: `${id}-secret`, endpoints: sandboxEndpoints(server.url, id) };
}

beforeAll(async () => {
  const x = await startNetwork('x');
  const tiktok = await startNetwork('tiktok');
  ({ canva, drive } = await startIntegrationSimulators());
  mediaDir = await mkdtemp(join(tmpdir(), 'minopa-deletion-media-'));
  const storage = new LocalStorage({ dir: mediaDir, appSecret: testConfig().appSecret, publicUrl: () => app.url });
  app = await createTestApp({ config: { platforms: { ...platformConfigFrom({}), x, tiktok }, ...integrationTestConfig(canva, drive) }, storage });
});
afterAll(async () => {
  await app?.close();
  await Promise.all([networks.x?.server.close(), networks.tiktok?.server.close(), canva?.close(), drive?.close()]);
  if (mediaDir) await rm(mediaDir, { recursive: true, force: true });
});

// Unexpected job errors show in the test output (the resume test passes its own silent logger).
const errorsOnly = createLogger({ level: 'error', write: (line) => console.error(line) });
const runJob = (name: string) => JOBS.find((job) => job.name === name)!.run({ knex: app.db.knex, config: app.config, storage: app.storage, logger: errorsOnly });
const deleteAccounts = () => runJob('delete-accounts');
/** A name nobody else has, so finding it anywhere means it is theirs. */
const uniqueName = (prefix: string) => prefix + [...randomBytes(8)].map((byte) => String.fromCharCode(97 + (byte % 26))).join('');

async function verified(person: TestUser): Promise<TestUser> {
  await app.db.knex('users').where({ id: person.user.id }).update({ emailVerifiedAt: new Date() });
  return person;
}

const capture = async (person: TestUser, workspaceId: string, title: string): Promise<string> => {
  const answer = await app.request('POST', `/api/v1/workspaces/${workspaceId}/captures`, { token: person.token, body: { clientId: randomUUID(), kind: 'page', url: 'https://example.com/a', title } });
  expect(answer.status).toBeLessThan(300);
  return (await app.db.knex('posts').where({ workspaceId, title }).first('id')).id;
};

/** A post of `person` with one target of `status` on `accountId` (scheduled an hour ahead, or published). */
async function postWithTarget(person: TestUser, workspaceId: string, accountId: string, status: 'scheduled' | 'published', body: string): Promise<string> {
  const [post] = await app.db.knex('posts').insert({ workspaceId, body, createdBy: person.user.id, status }).returning('id');
  const due = new Date(Date.now() + 3600_000);
  await app.db.knex('postTargets').insert({
    workspaceId, postId: post.id, accountId, platform: (await app.db.knex('connectedAccounts').where({ id: accountId }).first('platform')).platform, status,
    dueAt: due, runAt: status === 'scheduled' ? due : null, remoteId: status === 'published' ? 'remote-1' : null,
  });
  return post.id;
}

/** Every column of every table of the public schema that holds one of `needles` (as text), except `allowed` ("table.column"). */
async function traces(needles: string[], allowed: string[] = []): Promise<string[]> {
  const columns = (await app.db.knex('information_schema.columns')
    .where({ tableSchema: 'public' })
    .whereIn('dataType', ['text', 'uuid', 'jsonb', 'json', 'character varying', 'ARRAY'])
    .select('tableName', 'columnName')) as Array<{ tableName: string; columnName: string }>;
  const found: string[] = [];
  for (const { tableName, columnName } of columns) {
    for (const needle of needles) {
      const [row] = (await app.db.knex.raw('select count(*)::int as n from ?? where ??::text ilike ?', [tableName, columnName, `%${needle}%`])).rows as Array<{ n: number }>;
      if (row!.n > 0 && !allowed.includes(`${tableName}.${columnName}`)) found.push(`${tableName}.${columnName} holds ${needle} (${row!.n})`);
    }
  }
  return found;
}

/** Every file under the media folder: its path, and whether its bytes or path contain one of `needles`. */
async function storageTraces(needles: string[]): Promise<string[]> {
  const found: string[] = [];
  for (const entry of await readdir(mediaDir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    const text = (await readFile(path)).toString('latin1').toLowerCase();
    for (const needle of needles) if (path.toLowerCase().includes(needle.toLowerCase()) || text.includes(needle.toLowerCase())) found.push(`${path} holds ${needle}`);
  }
  return found;
}

const tokensOf = async (accountId: string) => openTokens(createSealer(app.config.tokenKeys), await app.db.knex('connectedAccounts').where({ id: accountId }).first());

describe('deleting one’s account (P17, P18)', () => {
  it('P17, P18: after the cooling-off period revokes X, TikTok, Canva and Google tokens, then deletes everything of the person but what the policy keeps', async () => {
    const firstName = uniqueName('Phil');
    const lastName = uniqueName('Quen');
    const person = await verified(await app.signUp({ firstName, lastName }));
    const colleague = await verified(await app.signUp({ firstName: 'Grace', lastName: 'Hopper' }));
    const solo = person.workspaceId;
    const team = (await app.request('POST', '/api/v1/workspaces', { token: person.token, body: { name: 'The shared studio' } })).body.id as string;
    await addMember(app, team, colleague, 'admin');

    // Everything a person can have.
    const soloX = await connectThroughApp(app, solo, person.token, 'x', { username: 'solo_x', displayName: 'Solo X' });
    const soloTikTok = await connectThroughApp(app, solo, person.token, 'tiktok', { username: 'solo_tt', displayName: 'Solo TikTok' });
    const teamX = await connectThroughApp(app, team, person.token, 'x', { username: 'team_x', displayName: 'Team X' });
    const integrations = integrationConnector(app);
    await integrations.connectCanva(person, 'phil_canva');
    await integrations.connectDrive(person, person.email);
    const draft = await capture(person, solo, 'My solo draft');
    const teamDraft = await capture(person, team, 'My team draft');
    const colleaguePost = await capture(colleague, team, 'Grace’s own draft');
    const scheduled = await postWithTarget(person, team, teamX, 'scheduled', 'Goes out later');
    const published = await postWithTarget(person, solo, soloX, 'published', 'Went out');
    const soloMedia = (await upload(app.url, `/api/v1/workspaces/${solo}/media`, { token: person.token, body: await png(32, 32), filename: `${lastName}.png` })).body as { id: string };
    const teamMedia = (await upload(app.url, `/api/v1/workspaces/${team}/media`, { token: person.token, body: await png(24, 24), filename: 'team.png' })).body as { id: string };
    expect((await upload(app.url, '/api/v1/me/avatar', { token: person.token, method: 'PUT', body: await png(64, 64) })).status).toBe(200);
    await app.request('PUT', '/api/v1/me/consent', { token: person.token, body: { choices: { functional: true, analytics: true, marketing: true, errorReports: true } } });
    const usage = await app.request('POST', '/api/v1/me/usage-events', {
      token: person.token,
      body: { events: [{ name: 'popup.opened', sessionId: randomUUID(), occurredAt: new Date().toISOString(), client: 'popup' }] },
    });
    expect(usage.body).toEqual({ recorded: 1 });
    expect((await app.request('POST', `/api/v1/workspaces/${team}/invitations`, { token: person.token, body: { email: 'friend-of-phil@example.com', role: 'editor' } })).status).toBe(201);
    await app.request('PATCH', '/api/v1/me/email-preferences', { token: person.token, body: { kinds: { newsletter: true, marketing: false } } });
    await app.db.knex('emailContacts').insert({ userId: person.user.id, email: person.email });
    expect((await app.request('POST', '/api/v1/me/exports', { token: person.token })).status).toBe(202);
    await runJob('build-data-exports');
    expect((await app.db.knex('dataExports').where({ userId: person.user.id }).first()).status).toBe('ready');
    await app.request('POST', '/api/v1/me/privacy-requests', { token: person.token, body: { kind: 'other', details: 'Which data do you hold?' } });
    const [incident] = await app.db.knex('securityIncidents').insert({ title: 'Test incident', whatHappened: 'A test.', measuresTaken: 'None.', detectedAt: new Date() }).returning('id');
    await app.db.knex('securityIncidentNotices').insert({ incidentId: incident.id, userId: person.user.id, email: person.email });
    const soloName = (await app.db.knex('workspaces').where({ id: solo }).first('name')).name as string;
    await app.db.knex('billingRecords').insert({
      stripeInvoiceId: `in_${randomBytes(8).toString('hex')}`, stripeCustomerId: 'cus_kept', workspaceId: solo, workspaceName: soloName, amountDue: 900, amountPaid: 900, currency: 'eur',
      periodStart: new Date(), periodEnd: new Date(), status: 'paid',
    });
    expect(await app.db.knex('legalAcceptances').where({ userId: person.user.id })).toHaveLength(2);

    // P17: asking starts the cooling-off period and pauses publishing; the scheduled post goes back to draft.
    const asked = await app.request('POST', '/api/v1/me/deletion', { token: person.token, body: { password: person.password } });
    expect(asked.status).toBe(202);
    expect(asked.body).toMatchObject({ status: 'scheduled', unscheduledPosts: 1 });
    expect(asked.body.workspaces).toEqual(expect.arrayContaining([{ id: solo, name: soloName, outcome: 'delete' }, { id: team, name: 'The shared studio', outcome: 'pass' }]));
    const days = (new Date(asked.body.dueAt).getTime() - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(29.99);
    expect(days).toBeLessThan(30.01);
    expect((await app.db.knex('postTargets').where({ postId: scheduled }).first()).status).toBe('draft');
    const blocked = await app.request('POST', `/api/v1/workspaces/${team}/posts/${teamDraft}/schedule`, { token: person.token, body: { when: 'now' } });
    expect(blocked.status).toBe(403);
    expect(blocked.body.error.code).toBe('account_deletion_pending');
    expect((await outboxEmails(app.db.knex, person.email)).map((email) => email.template)).toContain('account-deletion-requested');

    // Tokens as stored, to see them revoked at the networks afterwards.
    const soloXTokens = await tokensOf(soloX);
    const soloTikTokTokens = await tokensOf(soloTikTok);
    const teamXTokens = await tokensOf(teamX);
    const canvaLive = canva.sim.world.revokedTokens.length;
    const driveLive = drive.sim.world.revokedTokens.length;

    // P18: the cooling-off period is over.
    await app.db.knex('users').where({ id: person.user.id }).update({ deletionDueAt: new Date(Date.now() - 1000) });
    await deleteAccounts();

    expect(networks.x!.sim.store.authenticateToken(soloXTokens.accessToken)).toMatchObject({ ok: false, reason: 'revoked' });
    expect(networks.tiktok!.sim.store.authenticateToken(soloTikTokTokens.accessToken)).toMatchObject({ ok: false, reason: 'revoked' });
    // The shared workspace keeps its X account: it is the team's.
    expect(networks.x!.sim.store.authenticateToken(teamXTokens.accessToken)).toMatchObject({ ok: true });
    expect(canva.sim.world.revokedTokens.length).toBeGreaterThan(canvaLive);
    expect(drive.sim.world.revokedTokens.length).toBeGreaterThan(driveLive);

    // Nothing names the person but what the policy keeps.
    const allowed = ['privacy_requests.email', 'security_incident_notices.email', 'billing_records.workspace_name'];
    expect(await traces([person.user.id, person.email, firstName, lastName], allowed)).toEqual([]);
    expect(await storageTraces([person.user.id, person.email, firstName, lastName, solo])).toEqual([]);
    const kept = await app.db.knex('legalAcceptances').whereNull('userId').whereNotNull('pseudonym').where('accountDeletedAt', '>', new Date(Date.now() - 60_000));
    expect(kept.length).toBeGreaterThanOrEqual(2);
    expect(await app.db.knex('securityIncidentNotices').where({ incidentId: incident.id }).first()).toMatchObject({ userId: null, email: person.email });
    expect(await app.db.knex('billingRecords').where({ stripeCustomerId: 'cus_kept', workspaceName: soloName }).first()).toMatchObject({ workspaceId: null });
    expect(await app.db.knex('posts').whereIn('id', [draft, published])).toEqual([]);
    expect(await app.db.knex('media').where({ id: soloMedia.id })).toEqual([]);

    // The team carries on: the admin owns it now, and its content stays, no longer attributed to the person.
    expect((await app.db.knex('memberships').where({ workspaceId: team, userId: colleague.user.id }).first()).role).toBe('owner');
    const teamPosts = await app.db.knex('posts').where({ workspaceId: team }).orderBy('title');
    expect(teamPosts.map((post) => post.id).sort()).toEqual([teamDraft, colleaguePost, scheduled].sort());
    expect(teamPosts.find((post) => post.id === colleaguePost).createdBy).toBe(colleague.user.id);
    expect(teamPosts.find((post) => post.id === teamDraft).createdBy).toBeNull();
    const teamFile = await app.db.knex('media').where({ id: teamMedia.id }).first();
    expect(teamFile.uploadedBy).toBeNull();
    expect(await app.storage.get(teamFile.storageKey)).not.toBeNull();
    expect((await app.request('GET', `/api/v1/workspaces/${team}/posts`, { token: colleague.token })).status).toBe(200);
    expect((await app.request('GET', '/api/v1/me', { token: person.token })).status).toBe(401);
  }, 60_000);

  it('P18: a deletion that failed half-way resumes where it stopped', async () => {
    const person = await app.signUp();
    await app.request('POST', '/api/v1/me/deletion', { token: person.token, body: { password: person.password } });
    await app.db.knex('users').where({ id: person.user.id }).update({ deletionDueAt: new Date(Date.now() - 1000) });
    // Resend cannot be reached: the contact step throws after the workspace went.
    const unreachable = { ...app.config, resendApiKey: 're_test', resendBaseUrl: 'http://127.0.0.1:9' };
    const silent = createLogger({ level: 'error', write: () => undefined });
    await JOBS.find((job) => job.name === 'delete-accounts')!.run({ knex: app.db.knex, config: unreachable, storage: app.storage, logger: silent });
    expect(await app.db.knex('users').where({ id: person.user.id })).toHaveLength(1);
    expect(await app.db.knex('workspaces').where({ id: person.workspaceId })).toEqual([]);
    // Its lease keeps other runners off until it lapses; then the next run finishes the job.
    await deleteAccounts();
    expect(await app.db.knex('users').where({ id: person.user.id })).toHaveLength(1);
    await app.db.knex('users').where({ id: person.user.id }).update({ deletionLeaseExpiresAt: new Date(Date.now() - 1000) });
    await deleteAccounts();
    expect(await app.db.knex('users').where({ id: person.user.id })).toEqual([]);
    expect(await app.db.knex('legalAcceptances').whereNull('userId').where('accountDeletedAt', '>', new Date(Date.now() - 60_000))).not.toHaveLength(0);
  });

  it('P17: cancelling during the cooling-off period restores full access; asking needs the password', async () => {
    const person = await verified(await app.signUp());
    const draft = await capture(person, person.workspaceId, 'Kept draft');
    const wrong = await app.request('POST', '/api/v1/me/deletion', { token: person.token, body: { password: 'not my password' } });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.fields[0].path).toBe('password');
    expect((await app.request('POST', '/api/v1/me/deletion', { token: person.token, body: { password: person.password } })).status).toBe(202);
    expect((await app.request('GET', '/api/v1/me/deletion', { token: person.token })).body.status).toBe('scheduled');
    const paused = await app.request('POST', `/api/v1/workspaces/${person.workspaceId}/invitations`, { token: person.token, body: { email: 'someone@example.com', role: 'editor' } });
    expect(paused.body.error.code).toBe('account_deletion_pending');

    const cancelled = await app.request('DELETE', '/api/v1/me/deletion', { token: person.token });
    expect(cancelled.status).toBe(200);
    expect(cancelled.body).toMatchObject({ status: 'none', dueAt: null });
    expect((await app.request('POST', `/api/v1/workspaces/${person.workspaceId}/invitations`, { token: person.token, body: { email: 'someone@example.com', role: 'editor' } })).status).toBe(201);
    expect((await app.request('DELETE', '/api/v1/me/deletion', { token: person.token })).body.error.code).toBe('deletion_not_requested');
    await deleteAccounts();
    expect(await app.db.knex('posts').where({ id: draft })).toHaveLength(1);
  });

  it('P17: an account without a password confirms by typing its email address', async () => {
    const person = await app.signUp();
    await app.db.knex('users').where({ id: person.user.id }).update({ passwordHash: null });
    const wrong = await app.request('POST', '/api/v1/me/deletion', { token: person.token, body: { confirmEmail: 'someone-else@example.com' } });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.fields[0].path).toBe('confirmEmail');
    expect((await app.request('POST', '/api/v1/me/deletion', { token: person.token, body: { confirmEmail: person.email.toUpperCase() } })).status).toBe(202);
  });

  it('P17: the reminder goes once, 7 days before the end', async () => {
    const person = await app.signUp();
    await app.request('POST', '/api/v1/me/deletion', { token: person.token, body: { password: person.password } });
    await deleteAccounts();
    const reminders = async () => (await outboxEmails(app.db.knex, person.email)).filter((email) => email.template === 'account-deletion-reminder');
    expect(await reminders()).toHaveLength(0);
    await app.db.knex('users').where({ id: person.user.id }).update({ deletionDueAt: new Date(Date.now() + 6 * 86_400_000) });
    await deleteAccounts();
    await deleteAccounts();
    expect(await reminders()).toHaveLength(1);
    expect(await app.db.knex('users').where({ id: person.user.id })).toHaveLength(1);
  });

  it('P17: the cooling-off period lasts to the end of a paid period of a workspace the person owns', async () => {
    const person = await app.signUp();
    const end = new Date(Date.now() + 45 * 86_400_000);
    await app.db.knex('workspaceSubscriptions').insert({ workspaceId: person.workspaceId, stripeCustomerId: 'cus_x', stripeSubscriptionId: `sub_${randomBytes(8).toString('hex')}`, plan: 'pro', status: 'active', currentPeriodEnd: end });
    const asked = await app.request('POST', '/api/v1/me/deletion', { token: person.token, body: { password: person.password } });
    expect(new Date(asked.body.dueAt).getTime()).toBe(end.getTime());
  });

  it('P18: a workspace with other members but no other owner or admin must be handed over first (English and German)', async () => {
    const person = await app.signUp();
    const editor = await app.signUp();
    await addMember(app, person.workspaceId, editor, 'editor');
    const refused = await app.request('POST', '/api/v1/me/deletion', { token: person.token, body: { password: person.password } });
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('ownership_transfer_required');
    expect(refused.body.error.message).toContain('Transfer ownership first');
    const german = await app.request('POST', '/api/v1/me/deletion', { token: person.token, body: { password: person.password }, headers: { 'accept-language': 'de' } });
    expect(german.body.error.message).toContain('Übertragen Sie zuerst die Inhaberschaft');
    expect((await app.request('GET', '/api/v1/me/deletion', { token: person.token })).body.workspaces).toEqual([expect.objectContaining({ id: person.workspaceId, outcome: 'blocked' })]);
  });
});
