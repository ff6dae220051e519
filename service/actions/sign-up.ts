import type { Knex } from 'knex';
import type { z } from 'zod';
import type { SignUpInput } from '#shared/api/auth.js';
import { HttpError, isUniqueViolation } from '../errors.js';
import type { ClientInfo } from '../lib/client-info.js';
import { hashPassword } from '../lib/passwords.js';
import type { User } from '../models/user.js';
import type { LinkConfig } from './account-tokens.js';
import { checkAcceptedVersions, createAccount } from './create-account.js';
import { createSession, type NewSession } from './create-session.js';
import { sendEmailVerification } from './send-email-verification.js';

/**
 * Creates an account: the person confirmed being 18 or older (P31, enforced by the schema), accepted the
 * current Terms and Privacy Policy (recorded with time, version, IP and user agent: P12), gets a personal
 * workspace as its owner (their default), a first session, and an email with a link to verify their
 * address (in the same transaction). The password is kept only as an argon2id hash (P1). 409
 * legal_version_outdated when the accepted versions are not the current ones, 409 email_taken when the
 * email has an account.
 */
export async function signUp(
  knex: Knex,
  config: LinkConfig,
  input: z.output<typeof SignUpInput>,
  client: ClientInfo,
): Promise<NewSession & { user: User }> {
  const legal = await checkAcceptedVersions(knex, input.acceptedLegalVersions);
  const passwordHash = await hashPassword(input.password);
  try {
    return await knex.transaction(async (trx) => {
      const user = await createAccount(
        trx,
        { firstName: input.firstName, lastName: input.lastName, email: input.email, passwordHash, emailVerified: false, client },
        legal,
      );
      await sendEmailVerification(trx, config, user);
      const session = await createSession(trx, config.appSecret, user.id, { ...client, label: input.client });
      return { ...session, user };
    });
  } catch (error) {
    if (isUniqueViolation(error, 'users_email_unique')) throw new HttpError('email_taken');
    throw error;
  }
}
