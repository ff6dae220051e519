import type { Me } from '#shared/api/auth.js';
import type { User } from '../models/user.js';

/** The signed-in person as the API shows them (never the password hash). */
export function presentMe(user: Pick<User, 'id' | 'firstName' | 'lastName' | 'email' | 'emailVerifiedAt' | 'defaultWorkspaceId' | 'createdAt'>): Me {
  return {
    id: user.id,
    firstName: user.firstName,
    lastName: user.lastName,
    email: user.email,
    emailVerified: user.emailVerifiedAt !== null,
    defaultWorkspaceId: user.defaultWorkspaceId,
    createdAt: user.createdAt.toISOString(),
  };
}
