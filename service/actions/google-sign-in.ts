import type { Knex } from 'knex';
import type { GoogleProfile } from '../auth/google/oidc.js';
import { HttpError, isUniqueViolation } from '../errors.js';
import type { ClientInfo } from '../lib/client-info.js';
import { ExternalIdentity } from '../models/external-identity.js';
import { Session } from '../models/session.js';
import { User } from '../models/user.js';
import { checkAcceptedVersions, createAccount } from './create-account.js';
import { subscribeVerifiedAddress } from '../email/preferences.js';

/** What the person asked for when they started, as recorded in the login request. */
export interface GoogleIntent {
  intent: 'sign-in' | 'sign-up';
  ageConfirmed: boolean;
  termsVersion: string | null;
  privacyVersion: string | null;
  /** The browser that accepted the legal documents (recorded with the acceptance, P12). */
  client: ClientInfo;
}

/** Who signed in, and how: an existing Google user, an email account linked now, or a new account. */
export interface GoogleSignInResult {
  user: User;
  outcome: 'signed-in' | 'linked' | 'created';
}

const MAX_NAME = 100;
const clean = (value: string | null) => value?.replace(/\p{Cc}/gu, '').trim().slice(0, MAX_NAME) || null;

/** First and last name from Google's claims; a last name Google does not have is "-" (editable, P28). */
export function namesFrom(profile: GoogleProfile): { firstName: string; lastName: string } {
  const words = clean(profile.name)?.split(/\s+/) ?? [];
  const firstName = clean(profile.givenName) ?? (words.length > 1 ? words.slice(0, -1).join(' ') : words[0]) ?? profile.email.split('@')[0]!;
  const lastName = clean(profile.familyName) ?? (words.length > 1 ? words.at(-1)! : '-');
  return { firstName: firstName.slice(0, MAX_NAME), lastName: lastName.slice(0, MAX_NAME) };
}

/**
 * Finds or makes the account for a Google profile whose email Google verified. By Google's stable `sub`
 * first; else an account with the same email is linked (if that account never verified its address,
 * whoever created it may not own it: its password and sessions are dropped before linking, so a
 * pre-registered account cannot be taken over); else, for a sign-up with age and legal acceptance, a
 * new account without password, email verified, with a personal workspace. A sign-in without account
 * is 404 account_not_found. P2: only the email (on the identity), the names and — by the caller — the
 * picture are kept from Google.
 */
export async function resolveGoogleUser(knex: Knex, profile: GoogleProfile, intent: GoogleIntent): Promise<GoogleSignInResult> {
  const identity = await ExternalIdentity.query(knex).findOne({ provider: 'google', subject: profile.sub });
  if (identity) {
    await ExternalIdentity.query(knex).patch({ email: profile.email, lastUsedAt: new Date() }).where('id', identity.id);
    const user = await User.query(knex).findById(identity.userId);
    if (user) return { user, outcome: 'signed-in' };
  }
  const existing = await User.query(knex).findOne({ email: profile.email });
  if (existing) {
    const user = await knex.transaction(async (trx) => {
      await ExternalIdentity.query(trx).insert({ provider: 'google', subject: profile.sub, userId: existing.id, email: profile.email });
      if (!existing.emailVerifiedAt) {
        const now = new Date();
        await User.query(trx).patch({ emailVerifiedAt: now, passwordHash: null, updatedAt: now }).where('id', existing.id);
        // Google vouches for the address: verified now (P11 subscribes a newly verified address).
        await subscribeVerifiedAddress(trx, existing.id);
        await Session.query(trx).patch({ revokedAt: now }).where('userId', existing.id).whereNull('revokedAt');
      }
      return (await User.query(trx).findById(existing.id))!;
    });
    return { user, outcome: 'linked' };
  }
  if (intent.intent !== 'sign-up') throw new HttpError('account_not_found');
  if (!intent.ageConfirmed || !intent.termsVersion || !intent.privacyVersion) {
    throw new HttpError('validation_failed', { en: 'Confirm that you are 18 or older and accept the Terms and Privacy Policy to create an account.', de: 'Bestätigen Sie, dass Sie mindestens 18 Jahre alt sind, und akzeptieren Sie die Nutzungsbedingungen und die Datenschutzerklärung, um ein Konto anzulegen.' });
  }
  const legal = await checkAcceptedVersions(knex, { terms: intent.termsVersion, privacy: intent.privacyVersion });
  try {
    const user = await knex.transaction(async (trx) => {
      const created = await createAccount(trx, { ...namesFrom(profile), email: profile.email, passwordHash: null, emailVerified: true, client: intent.client }, legal);
      await ExternalIdentity.query(trx).insert({ provider: 'google', subject: profile.sub, userId: created.id, email: profile.email });
      return created;
    });
    return { user, outcome: 'created' };
  } catch (error) {
    if (isUniqueViolation(error, 'users_email_unique') || isUniqueViolation(error, 'external_identities_subject_unique')) {
      // Another sign-in of the same person won the race: theirs made the account, this one uses it.
      return resolveGoogleUser(knex, profile, { ...intent, intent: 'sign-in' });
    }
    throw error;
  }
}
