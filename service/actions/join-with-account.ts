import type { Knex } from 'knex';
import type { z } from 'zod';
import type { SignUpInput } from '#shared/api/auth.js';
import { bilingual } from '#shared/i18n.js';
import { HttpError, isUniqueViolation } from '../errors.js';
import type { ClientInfo } from '../lib/client-info.js';
import { hashPassword } from '../lib/passwords.js';
import type { Workspace } from '../models/workspace.js';
import { joinByInvitation } from './accept-invitation.js';
import { checkAcceptedVersions, createAccount } from './create-account.js';
import { logIn } from './log-in.js';
import { openInvitation, type OpenInvitation } from './open-invitation.js';

/** The outcome of joining through the invitation page. */
export interface Joined {
  workspace: Workspace;
  role: OpenInvitation['role'];
  email: string;
}

/**
 * Creates an account through an invitation link and joins the workspace, in one transaction: the same
 * account creation as sign-up (18+ confirmed: P31; the current Terms and Privacy Policy accepted and
 * recorded with IP and user agent: P12; a personal workspace), for the invited address only, counted
 * as verified because the link reached that inbox. The invited workspace becomes the default. No
 * session is opened: the person signs in to the extension afterwards. The invitation is checked (and
 * locked) before the account exists, so a dead link creates nothing.
 */
export async function joinWithSignUp(
  knex: Knex,
  appSecret: string,
  token: string,
  input: Omit<z.output<typeof SignUpInput>, 'email' | 'client'>,
  client: ClientInfo,
): Promise<Joined> {
  await openInvitation(knex, appSecret, token);
  const legal = await checkAcceptedVersions(knex, input.acceptedLegalVersions);
  const passwordHash = await hashPassword(input.password);
  try {
    return await knex.transaction(async (trx) => {
      const invitation = await openInvitation(trx, appSecret, token, { lock: true });
      const user = await createAccount(
        trx,
        { firstName: input.firstName, lastName: input.lastName, email: invitation.email, passwordHash, emailVerified: true, client },
        legal,
      );
      // They came to work with this team: captures go there until they choose otherwise.
      await trx('users').where('id', user.id).update({ defaultWorkspaceId: invitation.workspaceId });
      const workspace = await joinByInvitation(trx, invitation, { id: user.id, email: user.email });
      return { workspace, role: invitation.role, email: user.email };
    });
  } catch (error) {
    if (isUniqueViolation(error, 'users_email_unique')) {
      throw new HttpError('email_taken', { en: 'An account with this email already exists. Sign in below to accept the invitation.', de: 'Es gibt bereits ein Konto mit dieser E-Mail-Adresse. Melden Sie sich unten an, um die Einladung anzunehmen.' });
    }
    throw error;
  }
}

/**
 * Checks an existing account's password (the log-in action: same rate limits and answers) and joins
 * the workspace with it. The email typed must be the invited one (403 invitation_email_mismatch,
 * before any password is checked). The session log-in opens is closed at once: the page has no use
 * for a bearer token, and none should outlive the request unseen.
 */
export async function joinWithLogIn(
  knex: Knex,
  appSecret: string,
  token: string,
  credentials: { email: string; password: string },
  client: ClientInfo,
): Promise<Joined> {
  const preview = await openInvitation(knex, appSecret, token);
  if (credentials.email !== preview.email) {
    throw new HttpError('invitation_email_mismatch', bilingual({
      en: 'This invitation was sent to {invited}. Sign in with that address (or ask for an invitation to {given}).',
      de: 'Diese Einladung ging an {invited}. Melden Sie sich mit dieser Adresse an (oder bitten Sie um eine Einladung an {given}).',
    }, { invited: preview.email, given: credentials.email }));
  }
  const { session, user } = await logIn(knex, appSecret, { email: credentials.email, password: credentials.password }, client);
  await knex('sessions').where('id', session.id).delete();
  return knex.transaction(async (trx) => {
    const invitation = await openInvitation(trx, appSecret, token, { lock: true });
    const workspace = await joinByInvitation(trx, invitation, { id: user.id, email: user.email });
    return { workspace, role: invitation.role, email: user.email };
  });
}
