import type { Knex } from 'knex';
import type { z } from 'zod';
import type { SignUpInput } from '#shared/api/auth.js';
import { LEGAL_KINDS } from '#shared/api/legal.js';
import { HttpError, isUniqueViolation } from '../errors.js';
import type { ClientInfo } from '../lib/client-info.js';
import { hashPassword } from '../lib/passwords.js';
import { LegalAcceptance } from '../models/legal-acceptance.js';
import { User } from '../models/user.js';
import { createSession, type NewSession } from './create-session.js';
import { createWorkspace } from './create-workspace.js';
import { currentLegalDocuments } from './get-legal-documents.js';

/**
 * Creates an account: the person confirmed being 18 or older (P31, enforced by the schema), accepted the
 * current Terms and Privacy Policy (recorded with time, version, IP and user agent: P12), gets a personal
 * workspace as its owner (their default) and a first session. The password is kept only as an argon2id
 * hash (P1). 409 legal_version_outdated when the accepted versions are not the current ones, 409
 * email_taken when the email has an account.
 */
export async function signUp(
  knex: Knex,
  appSecret: string,
  input: z.output<typeof SignUpInput>,
  client: ClientInfo,
): Promise<NewSession & { user: User }> {
  const current = await currentLegalDocuments(knex);
  if (LEGAL_KINDS.some((kind) => input.acceptedLegalVersions[kind] !== current[kind].version)) {
    throw new HttpError('legal_version_outdated');
  }
  const passwordHash = await hashPassword(input.password);
  try {
    return await knex.transaction(async (trx) => {
      const user = await User.query(trx)
        .insert({ firstName: input.firstName, lastName: input.lastName, email: input.email, passwordHash, ageConfirmedAt: new Date() })
        .returning('*');
      // Workspace names hold 80 characters; "'s workspace" takes 12.
      const workspace = await createWorkspace(trx, user.id, `${input.firstName.slice(0, 68)}'s workspace`);
      await User.query(trx).patch({ defaultWorkspaceId: workspace.id }).where('id', user.id);
      user.defaultWorkspaceId = workspace.id;
      await LegalAcceptance.query(trx).insert(
        LEGAL_KINDS.map((kind) => ({ userId: user.id, documentId: current[kind].id, ip: client.ip, userAgent: client.userAgent })),
      );
      const session = await createSession(trx, appSecret, user.id, { ...client, label: input.client });
      return { ...session, user };
    });
  } catch (error) {
    if (isUniqueViolation(error, 'users_email_unique')) throw new HttpError('email_taken');
    throw error;
  }
}
