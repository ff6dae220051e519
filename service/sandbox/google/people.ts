import { createHash } from 'node:crypto';

/** A made-up Google account of the sandbox. */
export interface SandboxPerson {
  sub: string;
  email: string;
  emailVerified: boolean;
  givenName: string | null;
  familyName: string | null;
  picture: string | null;
}

/** Google's `sub` is a stable number-like string per account; here it is derived from the email. */
export function sandboxSub(email: string): string {
  const digits = BigInt(`0x${createHash('sha256').update(email.toLowerCase()).digest('hex').slice(0, 16)}`).toString();
  return `1${digits.padStart(20, '0')}`;
}

/** "ada.lovelace@example.com" → Ada / Lovelace: a name for a person typed only as an email. */
export function namesFromEmail(email: string): { givenName: string; familyName: string | null } {
  const words = (email.split('@')[0] ?? email).split(/[._+-]+/).filter(Boolean);
  const title = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);
  return { givenName: title(words[0] ?? 'Sandbox'), familyName: words.length > 1 ? words.slice(1).map(title).join(' ') : null };
}

/** The claims Google's ID token and userinfo carry for the granted scopes (email; profile). */
export function personClaims(person: SandboxPerson, scopes: string[]): Record<string, unknown> {
  const claims: Record<string, unknown> = { sub: person.sub };
  if (scopes.includes('email')) Object.assign(claims, { email: person.email, email_verified: person.emailVerified });
  if (scopes.includes('profile')) {
    const name = [person.givenName, person.familyName].filter(Boolean).join(' ');
    if (name) claims.name = name;
    if (person.givenName) claims.given_name = person.givenName;
    if (person.familyName) claims.family_name = person.familyName;
    if (person.picture) claims.picture = person.picture;
  }
  return claims;
}

// A 1×1 PNG, served as every sandbox person's picture.
export const PICTURE_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);
