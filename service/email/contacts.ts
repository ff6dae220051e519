import type { Knex } from 'knex';
import { Resend } from 'resend';
import type { Config } from '../config.js';
import type { Logger } from '../logger.js';
import type { TopicKind } from './contacts-config.js';
import { classifyResendError } from './transports/resend.js';

/** Time limit of one contacts request. */
const REQUEST_TIMEOUT_MS = 15_000;

/**
 * What Resend holds about a person (P13: email, name and subscription state, nothing else): the address,
 * first and last name, `unsubscribed` (true when none of the subscription kinds is on) and, for each
 * kind with a configured topic id, opt_in or opt_out.
 */
export interface ContactState {
  email: string;
  firstName: string;
  lastName: string;
  unsubscribed: boolean;
  topics: { id: string; subscription: 'opt_in' | 'opt_out' }[];
}

/** A failed contacts request: why, and how long Resend asked us to wait (429 Retry-After). */
export class ContactRequestError extends Error {
  constructor(
    message: string,
    readonly retryAfterMs?: number,
  ) {
    super(message);
    this.name = 'ContactRequestError';
  }
}

/** The desired contact of a person, from their subscription kinds and the configured topic ids. */
export function contactStateOf(person: { email: string; firstName: string; lastName: string; on: Record<TopicKind, boolean> }, topicIds: Config['emailTopics']): ContactState {
  const kinds = Object.keys(person.on) as TopicKind[];
  return {
    email: person.email,
    firstName: person.firstName,
    lastName: person.lastName,
    unsubscribed: !kinds.some((kind) => person.on[kind]),
    topics: kinds.flatMap((kind) => (topicIds?.[kind] ? [{ id: topicIds[kind], subscription: person.on[kind] ? ('opt_in' as const) : ('opt_out' as const) }] : [])),
  };
}

/**
 * Resend's contacts through the real SDK (pointed at RESEND_BASE_URL). Every call throws
 * ContactRequestError on failure, except a 404 where "not there" is an answer (get, remove).
 */
export function contactsClient(config: Pick<Config, 'resendApiKey' | 'resendBaseUrl'>) {
  const client = new Resend(config.resendApiKey, { baseUrl: config.resendBaseUrl });
  const options = () => ({ signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
  const check = <T>(response: { data: T | null; error: { name: string; message: string; statusCode: number | null } | null; headers: Record<string, string> | null }, what: string): T => {
    if (response.error === null) return response.data as T;
    const classified = classifyResendError(response.error, response.headers);
    throw new ContactRequestError(`${what}: ${classified.ok ? '' : classified.reason}`, !classified.ok && 'retryAfterMs' in classified ? classified.retryAfterMs : undefined);
  };
  const notFound = (response: { error: { statusCode: number | null } | null }) => response.error?.statusCode === 404;

  return {
    /** Creates the contact; if one with this address exists already (an earlier attempt whose answer was lost), adopts and updates it. */
    async create(state: ContactState): Promise<string> {
      const created = await client.contacts.create(
        { email: state.email, firstName: state.firstName, lastName: state.lastName, unsubscribed: state.unsubscribed, ...(state.topics.length > 0 ? { topics: state.topics } : {}) },
        options(),
      );
      if (created.error?.statusCode === 409) {
        const existing = await this.read(state.email);
        if (!existing) throw new ContactRequestError('create contact: Resend reported the address as taken but has no such contact');
        await this.update(existing.id, state, existing);
        return existing.id;
      }
      return check(created, 'create contact').id;
    },
    /** The contact and its topic subscriptions as Resend has them, or null when there is none. */
    async read(idOrEmail: string): Promise<(ContactState & { id: string }) | null> {
      const found = await client.contacts.get(idOrEmail.includes('@') ? { email: idOrEmail } : { id: idOrEmail }, options());
      if (notFound(found)) return null;
      const contact = check(found, 'read contact');
      const topics = check(await client.contacts.topics.list({ id: contact.id }, options()), 'read contact topics');
      return {
        id: contact.id,
        email: contact.email,
        firstName: contact.first_name ?? '',
        lastName: contact.last_name ?? '',
        unsubscribed: contact.unsubscribed,
        topics: topics.data.map((topic) => ({ id: topic.id, subscription: topic.subscription })),
      };
    },
    /** Brings an existing contact to `state`, sending only what differs from `current`. */
    async update(id: string, state: ContactState, current: ContactState): Promise<void> {
      if (current.firstName !== state.firstName || current.lastName !== state.lastName || current.unsubscribed !== state.unsubscribed) {
        check(await client.contacts.update({ id, firstName: state.firstName, lastName: state.lastName, unsubscribed: state.unsubscribed }, options()), 'update contact');
      }
      const changedTopics = state.topics.filter((topic) => current.topics.find((have) => have.id === topic.id)?.subscription !== topic.subscription);
      if (changedTopics.length > 0) {
        // Resend's OpenAPI document and API reference take `{ topics: [...] }`; the SDK's topics.update
        // sends the bare array, which the document does not allow — so the SDK's generic PATCH is used.
        check(await client.patch(`/contacts/${encodeURIComponent(id)}/topics`, { topics: changedTopics }, options()), 'update contact topics');
      }
    },
    /** Removes the contact; true when it was there, false when Resend had none. */
    async remove(idOrEmail: string): Promise<boolean> {
      const removed = await client.contacts.remove(idOrEmail.includes('@') ? { email: idOrEmail } : { id: idOrEmail }, options());
      if (notFound(removed)) return false;
      check(removed, 'remove contact');
      return true;
    },
  };
}

export type ContactsClient = ReturnType<typeof contactsClient>;

/** The fields in which Resend's contact differs from ours (names only: the values are personal data). */
export function contactDifferences(remote: ContactState, ours: ContactState): string[] {
  const differences: string[] = [];
  if (remote.email !== ours.email) differences.push('email');
  if (remote.firstName !== ours.firstName) differences.push('firstName');
  if (remote.lastName !== ours.lastName) differences.push('lastName');
  if (remote.unsubscribed !== ours.unsubscribed) differences.push('unsubscribed');
  for (const topic of ours.topics) {
    if (remote.topics.find((have) => have.id === topic.id)?.subscription !== topic.subscription) differences.push(`topic:${topic.id}`);
  }
  return differences;
}

/** What removeEmailContact needs. */
export interface RemoveEmailContactDeps {
  knex: Knex;
  config: Pick<Config, 'resendApiKey' | 'resendBaseUrl'>;
  logger: Logger;
}

/**
 * Removes the Resend contact of `email` (P13, P18) and forgets that it was synced. The account deletion
 * job calls this before deleting the account; the sync job does the same for tracking rows whose account
 * is gone. Throws ContactRequestError when Resend could not be reached or refused, so the caller retries;
 * removing a contact Resend does not have counts as done. Without RESEND_API_KEY there is nothing at Resend.
 */
export async function removeEmailContact(deps: RemoveEmailContactDeps, email: string): Promise<{ removed: boolean }> {
  const address = email.trim().toLowerCase();
  const tracked = (await deps.knex('emailContacts').where({ email: address }).select('id', 'contactId')) as { id: string; contactId: string | null }[];
  let removed = false;
  if (deps.config.resendApiKey) {
    const client = contactsClient(deps.config);
    const ids = tracked.flatMap((row) => (row.contactId ? [row.contactId] : []));
    for (const id of ids.length > 0 ? ids : [address]) removed = (await client.remove(id)) || removed;
  }
  if (tracked.length > 0) await deps.knex('emailContacts').whereIn('id', tracked.map((row) => row.id)).delete();
  if (removed) deps.logger.info('email contact removed at Resend', { trackedRows: tracked.length });
  return { removed };
}
