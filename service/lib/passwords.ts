import { hash, verify, type Algorithm } from '@node-rs/argon2';

// OWASP's argon2id baseline: 19 MiB, 2 passes, 1 lane. Algorithm is a const enum, which
// `verbatimModuleSyntax` cannot import as a value: 2 is Argon2id, and hashPassword checks the result.
const OPTIONS = { algorithm: 2 as Algorithm, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

/** A salted argon2id hash (PHC string) of `password`. The password itself is never stored or logged (P1). */
export async function hashPassword(password: string): Promise<string> {
  const hashed = await hash(password, OPTIONS);
  if (!hashed.startsWith('$argon2id$')) throw new Error('argon2 did not produce an argon2id hash');
  return hashed;
}

let dummyHash: Promise<string> | undefined;

/**
 * Checks `password` against `hashed`. With no hash (unknown email) it still verifies against a dummy
 * hash, so a wrong email takes about as long as a wrong password and response time reveals no accounts.
 */
export async function verifyPassword(hashed: string | null, password: string): Promise<boolean> {
  if (hashed === null) {
    dummyHash ??= hash('not a real password, only here to spend time', OPTIONS);
    await verify(await dummyHash, password);
    return false;
  }
  try {
    return await verify(hashed, password);
  } catch {
    return false;
  }
}
