import type { Knex } from 'knex';
import { retryDelayMs } from '../email/backoff.js';
import { TOPIC_KINDS, type TopicKind } from '../email/contacts-config.js';
import { ContactRequestError, contactDifferences, contactsClient, type ContactsClient, contactStateOf } from '../email/contacts.js';
import { EMAIL_KIND_DEFAULTS } from '../email/kinds.js';
import type { JobDeps } from './types.js';

/** Tuning of one run; the defaults suit production, tests shrink them. */
export interface SyncEmailContactsOptions {
  /** Rows claimed at once (default 50). */
  batchSize?: number;
  /** How long a claim holds before another instance may take the row (default 5 min). */
  leaseMs?: number;
  /** A contact in step is read back from Resend this long after its last sync, to find drift (default 24 h). */
  driftCheckMs?: number;
  /** Stop claiming after this long (default 60 s). */
  budgetMs?: number;
}

/** What one run did. */
export interface SyncEmailContactsResult {
  synced: number;
  removed: number;
  drifted: number;
  failed: number;
}

type Deps = Pick<JobDeps, 'knex' | 'config' | 'logger' | 'signal'>;

/** A claimed person: the row's tracking columns and their state now. */
interface ClaimedContact {
  id: string;
  trackedEmail: string;
  contactId: string | null;
  attempts: number;
  inStep: boolean;
  hash: string;
  email: string;
  firstName: string;
  lastName: string;
  on: Record<TopicKind, boolean>;
}

/**
 * Keeps Resend's contacts in step with email preferences (P13: email, name and subscription state only).
 * Each run (claim → call → record, DESIGN convention 5):
 * 1. tracks every verified address not tracked yet (unverified addresses get no contact);
 * 2. removes at Resend the contacts of deleted accounts (rows whose user_id became null), then the rows;
 * 3. syncs people whose state changed since the last sync (its hash differs), and reads back people in
 *    step for longer than `driftCheckMs`: a contact changed at Resend is logged as drift and put right.
 * Unchanged people cost no request; a failure is retried with backoff (attempts, next_attempt_at, last_error).
 * Without RESEND_API_KEY there is no Resend to sync with and the run does nothing.
 */
export async function syncEmailContacts(deps: Deps, options: SyncEmailContactsOptions = {}): Promise<SyncEmailContactsResult> {
  const result: SyncEmailContactsResult = { synced: 0, removed: 0, drifted: 0, failed: 0 };
  if (!deps.config.resendApiKey) return result;
  const client = contactsClient(deps.config);
  const settings = { limit: options.batchSize ?? 50, leaseMs: options.leaseMs ?? 5 * 60_000, driftCheckMs: options.driftCheckMs ?? 24 * 60 * 60_000 };
  const deadline = Date.now() + (options.budgetMs ?? 60_000);
  // Resend limits requests per second for the whole team: once it answers 429, this run stops (the row
  // waits its Retry-After) rather than spend the remaining rows' attempts against the limit.
  let rateLimited = false;
  const more = () => !rateLimited && !deps.signal?.aborted && Date.now() < deadline;
  const failed = async (row: { id: string; attempts: number }, error: ContactRequestError) => {
    await recordFailure(deps, row, error, result);
    if (error.retryAfterMs !== undefined) rateLimited = true;
  };
  /** Handles claimed rows in order; after a 429 the rest are released for the next run. */
  const each = async <R extends { id: string }>(rows: R[], handle: (row: R) => Promise<void>) => {
    for (const [index, row] of rows.entries()) {
      if (rateLimited) {
        await deps.knex('emailContacts').whereIn('id', rows.slice(index).map((rest) => rest.id)).update({ leasedUntil: null });
        return;
      }
      await handle(row);
    }
  };

  await trackVerifiedAddresses(deps.knex);
  while (more()) {
    const orphans = await claimOrphans(deps.knex, settings);
    await each(orphans, async (row) => {
      const outcome = await attempt(() => client.remove(row.contactId ?? row.email));
      if (outcome.ok) {
        await deps.knex('emailContacts').where({ id: row.id }).delete();
        result.removed += 1;
      } else await failed(row, outcome.error);
    });
    if (orphans.length < settings.limit) break;
  }
  while (more()) {
    const batch = await claimChanged(deps, settings);
    await each(batch, async (row) => {
      const outcome = await attempt(() => sync(deps, client, row));
      if (outcome.ok) {
        if (outcome.value.drifted) result.drifted += 1;
        await deps
          .knex('emailContacts')
          .where({ id: row.id })
          .update({ contactId: outcome.value.contactId, email: row.email, syncedHash: row.hash, syncedAt: deps.knex.fn.now(), attempts: 0, lastError: null, leasedUntil: null, nextAttemptAt: deps.knex.fn.now(), updatedAt: deps.knex.fn.now() });
        result.synced += 1;
      } else await failed(row, outcome.error);
    });
    if (batch.length < settings.limit) break;
  }
  if (result.synced + result.removed + result.failed > 0) deps.logger.info('email contacts synced', { ...result });
  return result;
}

/** One person brought in step at Resend; returns the contact id and whether Resend had drifted from us. */
async function sync(deps: Deps, client: ContactsClient, row: ClaimedContact): Promise<{ contactId: string; drifted: boolean }> {
  const state = contactStateOf(row, deps.config.emailTopics);
  let contactId = row.contactId;
  // An address change: Resend cannot change a contact's address, so the old contact goes and a new one comes.
  if (contactId && row.trackedEmail !== row.email) {
    await client.remove(contactId);
    contactId = null;
  }
  let drifted = false;
  if (contactId) {
    const remote = await client.read(contactId);
    const differences = remote ? contactDifferences(remote, state) : ['contact missing'];
    // In step by our record, yet different at Resend: someone changed it there (or it was removed).
    if (row.inStep && differences.length > 0) {
      drifted = true;
      deps.logger.warn('email contact drifted at Resend; putting it back in step', { emailContactId: row.id, differences });
    }
    if (remote) await client.update(contactId, state, remote);
    else contactId = null;
  }
  return { contactId: contactId ?? (await client.create(state)), drifted };
}

/** Every verified address gets a tracking row (one statement; people already tracked are skipped). */
async function trackVerifiedAddresses(knex: Knex): Promise<void> {
  await knex.raw(`
    insert into email_contacts (user_id, email)
    select u.id, u.email from users u
     where u.email_verified_at is not null
       and not exists (select 1 from email_contacts c where c.user_id = u.id)
    on conflict (user_id) do nothing
  `);
}

const lease = `leased_until = now() + (:leaseMs * interval '1 millisecond')`;
const due = (alias: string) => `${alias}.next_attempt_at <= now() and (${alias}.leased_until is null or ${alias}.leased_until <= now())`;

async function claimOrphans(knex: Knex, settings: { limit: number; leaseMs: number }): Promise<{ id: string; email: string; contactId: string | null; attempts: number }[]> {
  const { rows } = await knex.raw(
    `update email_contacts set ${lease}
      where id in (select c.id from email_contacts c where c.user_id is null and ${due('c')} order by c.next_attempt_at limit :limit for update skip locked)
      returning id, email, contact_id as "contactId", attempts`,
    settings,
  );
  return rows;
}

/**
 * Claims people whose state differs from what was last synced, or who are due a drift check. The state is
 * hashed in SQL (address, names, configured topic ids, and each subscription kind resolved exactly as in
 * email/preferences.ts: the person's choice or the kind's default, and the address not suppressed).
 */
async function claimChanged(deps: Deps, settings: { limit: number; leaseMs: number; driftCheckMs: number }): Promise<ClaimedContact[]> {
  const kindOn = (kind: TopicKind, index: number) =>
    `(coalesce((select p.enabled from email_preferences p where p.user_id = u.id and p.kind = :kind${index}), :default${index})
      and not exists (select 1 from email_suppressions s where s.email = u.email and s.kind = :kind${index})) as "on${index}"`;
  const bindings = Object.fromEntries(TOPIC_KINDS.flatMap((kind, index) => [[`kind${index}`, kind], [`default${index}`, EMAIL_KIND_DEFAULTS[kind]]]));
  const onColumns = TOPIC_KINDS.map((_, index) => `s."on${index}"`).join(`::text, `);
  const { rows } = await deps.knex.raw(
    `with states as (
       select c.id, s.*, encode(sha256(convert_to(concat_ws('|', s.email, s.first_name, s.last_name, cast(:topics as text), ${onColumns}::text), 'UTF8')), 'hex') as hash
         from email_contacts c
         join lateral (select u.email, u.first_name, u.last_name, ${TOPIC_KINDS.map(kindOn).join(', ')} from users u where u.id = c.user_id) s on true
        where ${due('c')}
     ), picked as (
       select st.* from states st join email_contacts c on c.id = st.id
        where c.synced_hash is distinct from st.hash or c.synced_at < now() - (:driftCheckMs * interval '1 millisecond')
        order by c.next_attempt_at limit :limit
        for update of c skip locked
     )
     update email_contacts c set ${lease}
       from picked
      where c.id = picked.id
      returning c.id, c.email as "trackedEmail", c.contact_id as "contactId", c.attempts, c.synced_hash = picked.hash as "inStep", picked.hash,
                picked.email, picked.first_name as "firstName", picked.last_name as "lastName", ${TOPIC_KINDS.map((_, index) => `picked."on${index}"`).join(', ')}`,
    { ...settings, ...bindings, topics: JSON.stringify(deps.config.emailTopics ?? {}) },
  );
  return (rows as (Omit<ClaimedContact, 'on'> & Record<string, unknown>)[]).map((row) => ({
    ...row,
    inStep: row.inStep === true,
    on: Object.fromEntries(TOPIC_KINDS.map((kind, index) => [kind, row[`on${index}`] === true])) as Record<TopicKind, boolean>,
  }));
}

async function recordFailure(deps: Deps, row: { id: string; attempts: number }, error: ContactRequestError, result: SyncEmailContactsResult): Promise<void> {
  const attempts = row.attempts + 1;
  const delayMs = retryDelayMs(attempts, error.retryAfterMs);
  await deps
    .knex('emailContacts')
    .where({ id: row.id })
    .update({ attempts, lastError: error.message.slice(0, 1000), leasedUntil: null, nextAttemptAt: deps.knex.raw(`now() + (? * interval '1 millisecond')`, [Math.round(delayMs)]), updatedAt: deps.knex.fn.now() });
  result.failed += 1;
  const fields = { emailContactId: row.id, attempt: attempts, retryInMs: Math.round(delayMs), reason: error.message };
  if (attempts >= 5) deps.logger.error('email contact sync keeps failing', fields);
  else deps.logger.warn('email contact sync failed; will retry', fields);
}

/** Runs one Resend step; a ContactRequestError becomes an outcome, anything else (a bug) is thrown. */
async function attempt<T>(step: () => Promise<T>): Promise<{ ok: true; value: T } | { ok: false; error: ContactRequestError }> {
  try {
    return { ok: true, value: await step() };
  } catch (error) {
    if (error instanceof ContactRequestError) return { ok: false, error };
    if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError' || error.name === 'TypeError')) return { ok: false, error: new ContactRequestError(`request failed: ${error.message}`) };
    throw error;
  }
}
