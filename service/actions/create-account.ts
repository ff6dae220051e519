import type { Knex } from 'knex';
import { LEGAL_KINDS } from '#shared/api/legal.js';
import { HttpError } from '../errors.js';
import type { ClientInfo } from '../lib/client-info.js';
import { LegalAcceptance } from '../models/legal-acceptance.js';
import { User } from '../models/user.js';
import { createWorkspace } from './create-workspace.js';
import { type CurrentDocuments, currentLegalDocuments } from './get-legal-documents.js';
import { subscribeVerifiedAddress } from '../email/preferences.js';

/** The versions of the Terms and Privacy Policy a person accepted. */
export interface AcceptedVersions {
  terms: string;
  privacy: string;
}

/** Everything an account starts with, however it is made (email sign-up, Google). */
export interface NewAccount {
  firstName: string;
  lastName: string;
  email: string;
  /** Null for an account made with Google: it has no password until one is set by reset. */
  passwordHash: string | null;
  /** True when the address is already proven (Google says it verified it). */
  emailVerified: boolean;
  /** Recorded with the acceptance (P12). */
  client: ClientInfo;
}

/** The current legal documents, provided `accepted` names their versions; 409 legal_version_outdated otherwise. */
export async function checkAcceptedVersions(knex: Knex | Knex.Transaction, accepted: AcceptedVersions): Promise<CurrentDocuments> {
  const current = await currentLegalDocuments(knex as Knex);
  if (LEGAL_KINDS.some((kind) => accepted[kind] !== current[kind].version)) throw new HttpError('legal_version_outdated');
  return current;
}

/**
 * Creates the user, their personal workspace (owner, and their default) and the record of the legal
 * documents they accepted with time, version, IP and user agent (P12). The person confirmed being 18
 * or older (P31) before this is called. Run inside a transaction; a taken email surfaces as the
 * database's users_email_unique violation (see `isEmailTaken`).
 */
export async function createAccount(trx: Knex.Transaction, account: NewAccount, legal: CurrentDocuments): Promise<User> {
  const now = new Date();
  const user = await User.query(trx)
    .insert({
      firstName: account.firstName,
      lastName: account.lastName,
      email: account.email,
      passwordHash: account.passwordHash,
      ageConfirmedAt: now,
      emailVerifiedAt: account.emailVerified ? now : null,
    })
    .returning('*');
  // Workspace names hold 80 characters; "'s workspace" takes 12.
  const workspace = await createWorkspace(trx, user.id, `${account.firstName.slice(0, 68)}'s workspace`);
  await User.query(trx).patch({ defaultWorkspaceId: workspace.id }).where('id', user.id);
  // An address verified at sign-up (Google's) is subscribed as a verified one is (P11).
  if (account.emailVerified) await subscribeVerifiedAddress(trx, user.id);
  user.defaultWorkspaceId = workspace.id;
  await LegalAcceptance.query(trx).insert(
    LEGAL_KINDS.map((kind) => ({ userId: user.id, documentId: legal[kind].id, ip: account.client.ip, userAgent: account.client.userAgent })),
  );
  return user;
}
