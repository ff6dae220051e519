import type { Knex } from 'knex';
import { EMAIL_KIND_DEFAULTS, EMAIL_KINDS, type EmailKind, isSwitchableKind, SUBSCRIBED_ON_VERIFY } from './kinds.js';
import { suppressEmail } from './suppressions.js';

/**
 * The one model of who gets which email (P10, P11). A kind is on for a person when
 *   their preference says so (a row in email_preferences; no row: the kind's default, EMAIL_KIND_DEFAULTS)
 *   AND their address is not suppressed for it (email_suppressions, written by the unsubscribe link).
 * The two stay in step: turning a kind on in Settings lifts its suppression; unsubscribing by link turns
 * the kind off in the preferences of the account the address belongs to. Transactional kinds (account,
 * security, invitation) have no preference — always on — but an unsubscribe link still suppresses them.
 */

type Db = Knex | Knex.Transaction;

/** One kind as the person sees it in Settings → Email preferences. */
export interface KindPreference {
  kind: EmailKind;
  enabled: boolean;
  /** False for transactional kinds: they cannot be turned off there. */
  changeable: boolean;
}

/** Every kind, in EMAIL_KINDS order, as it applies to `userId` now. */
export async function emailPreferencesOf(knex: Db, userId: string): Promise<KindPreference[]> {
  const user = await knex('users').where({ id: userId }).first('email');
  const [choices, suppressed] = await Promise.all([choicesOf(knex, userId), suppressedKinds(knex, user?.email)]);
  return EMAIL_KINDS.map((kind) => ({ kind, enabled: resolve(kind, choices, suppressed), changeable: isSwitchableKind(kind) }));
}

/** True when `userId` gets emails of `kind` (their preference, and their address not suppressed). */
export async function emailKindEnabled(knex: Db, userId: string, kind: EmailKind): Promise<boolean> {
  const user = await knex('users').where({ id: userId }).first('email');
  return resolve(kind, await choicesOf(knex, userId), await suppressedKinds(knex, user?.email, kind));
}

/**
 * True when an email of `kind` may go to `email` (the outbox checks this right before sending). The
 * preference that applies is the account's given (`userId`), else the account holding the address;
 * an address without an account has only its suppressions.
 */
export async function emailAllowed(knex: Db, recipient: { email: string; userId: string | null; kind: EmailKind }): Promise<boolean> {
  const email = normalise(recipient.email);
  const userId = recipient.userId ?? (await knex('users').where({ email }).first('id'))?.id;
  // An objection to marketing, or a restriction of processing (P29), stops every promotional kind at once.
  if (userId && MARKETING_KINDS.includes(recipient.kind) && (await objectsToMarketing(knex, userId))) return false;
  const choices = userId ? await choicesOf(knex, userId, recipient.kind) : new Map<EmailKind, boolean>();
  return resolve(recipient.kind, choices, await suppressedKinds(knex, email, recipient.kind));
}

/**
 * Records the person's choices (only switchable kinds are stored; turning a transactional kind "on" only
 * lifts its suppression). Turning a kind on lifts the address's suppression for it, so Settings always wins
 * over an earlier unsubscribe link. The caller checks the kinds (routes/email-preferences.ts).
 */
export async function setEmailPreferences(knex: Db, userId: string, changes: Partial<Record<EmailKind, boolean>>): Promise<void> {
  await knex.transaction(async (trx) => {
    const user = await trx('users').where({ id: userId }).first('email');
    if (!user) return;
    for (const [kind, enabled] of Object.entries(changes) as [EmailKind, boolean][]) {
      if (isSwitchableKind(kind)) await saveChoice(trx, userId, kind, enabled);
      if (enabled) await trx('emailSuppressions').where({ email: normalise(user.email), kind }).delete();
    }
  });
}

/** One kind's choice; see setEmailPreferences. */
export async function setEmailKindEnabled(knex: Db, userId: string, kind: EmailKind, enabled: boolean): Promise<void> {
  await setEmailPreferences(knex, userId, { [kind]: enabled });
}

/**
 * The unsubscribe link (P11): suppresses the address for `kind` at once and, when the address belongs to
 * an account, turns the kind off in its preferences too, so Settings shows what the link did.
 */
export async function unsubscribeByLink(knex: Knex, claim: { email: string; kind: EmailKind }): Promise<void> {
  await knex.transaction(async (trx) => {
    await suppressEmail(trx, claim);
    const user = await trx('users').where({ email: normalise(claim.email) }).first('id');
    if (user && isSwitchableKind(claim.kind)) await saveChoice(trx, user.id, claim.kind, false);
  });
}

/**
 * Verifying an address subscribes it to the newsletter and marketing (P11) — unless the person already
 * chose for a kind (in Settings or by an unsubscribe link): an explicit choice is never overridden.
 */
export async function subscribeVerifiedAddress(trx: Db, userId: string): Promise<void> {
  await trx('emailPreferences')
    .insert(SUBSCRIBED_ON_VERIFY.map((kind) => ({ userId, kind, enabled: true })))
    .onConflict(['userId', 'kind'])
    .ignore();
}

/** Kinds an objection to marketing stops (P29). */
const MARKETING_KINDS: readonly EmailKind[] = ['newsletter', 'marketing', 'product-updates'];

async function objectsToMarketing(knex: Db, userId: string): Promise<boolean> {
  const user = await knex('users').where({ id: userId }).first('objectsToMarketing', 'processingRestrictedAt');
  return Boolean(user?.objectsToMarketing || user?.processingRestrictedAt);
}

async function saveChoice(trx: Db, userId: string, kind: EmailKind, enabled: boolean): Promise<void> {
  await trx('emailPreferences').insert({ userId, kind, enabled }).onConflict(['userId', 'kind']).merge({ enabled, updatedAt: trx.fn.now() });
}

async function choicesOf(knex: Db, userId: string, kind?: EmailKind): Promise<Map<EmailKind, boolean>> {
  const rows = (await knex('emailPreferences')
    .where({ userId })
    .modify((query) => void (kind && query.where({ kind })))
    .select('kind', 'enabled')) as { kind: EmailKind; enabled: boolean }[];
  return new Map(rows.map((row) => [row.kind, row.enabled]));
}

async function suppressedKinds(knex: Db, email: string | undefined, kind?: EmailKind): Promise<Set<string>> {
  if (!email) return new Set();
  const rows = (await knex('emailSuppressions')
    .where({ email: normalise(email) })
    .modify((query) => void (kind && query.where({ kind })))
    .select('kind')) as { kind: string }[];
  return new Set(rows.map((row) => row.kind));
}

function resolve(kind: EmailKind, choices: Map<EmailKind, boolean>, suppressed: Set<string>): boolean {
  const chosen = isSwitchableKind(kind) ? (choices.get(kind) ?? EMAIL_KIND_DEFAULTS[kind]) : true;
  return chosen && !suppressed.has(kind);
}

function normalise(email: string): string {
  return email.trim().toLowerCase();
}
