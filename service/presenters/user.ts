import type { Me } from '#shared/api/auth.js';
import type { User } from '../models/user.js';

/**
 * The signed-in person as the API shows them (never the password hash). `avatarUrl` is the signed
 * address of their avatar's thumbnail (media/urls.ts `avatarUrlOf`), or null when they have none.
 */
export function presentMe(
  user: Pick<User, 'id' | 'firstName' | 'lastName' | 'email' | 'emailVerifiedAt' | 'passwordHash' | 'defaultWorkspaceId' | 'createdAt'>,
  avatarUrl: string | null,
): Me {
  return {
    id: user.id,
    firstName: user.firstName,
    lastName: user.lastName,
    email: user.email,
    emailVerified: user.emailVerifiedAt !== null,
    hasPassword: user.passwordHash !== null,
    avatarUrl,
    defaultWorkspaceId: user.defaultWorkspaceId,
    createdAt: user.createdAt.toISOString(),
  };
}
