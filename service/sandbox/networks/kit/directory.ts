import { createHash } from 'node:crypto';

/** A made-up person on a simulated network. */
export interface SimPerson {
  /** The network's id for them: stable for a username, numeric-looking like the real ones. */
  id: string;
  username: string;
  name: string;
  avatarUrl: string;
}

/**
 * The simulated network's people, created when someone approves the consent page (or by a test with
 * `upsert`). Ids derive from the username so reconnecting the same sandbox account finds the same id.
 */
export function createDirectory(avatarBase: string) {
  const people = new Map<string, SimPerson>();
  return {
    upsert(username: string, name: string): SimPerson {
      const id = BigInt(`0x${createHash('sha256').update(username).digest('hex').slice(0, 14)}`).toString();
      const person = { id, username, name, avatarUrl: `${avatarBase}/avatars/${id}.png` };
      people.set(username, person);
      return person;
    },
    get(username: string): SimPerson | undefined {
      return people.get(username);
    },
  };
}

export type Directory = ReturnType<typeof createDirectory>;
