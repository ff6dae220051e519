import { randomUUID } from 'node:crypto';

/** A contact as the sandbox keeps it (Resend's fields, snake_case as on the wire). */
export interface SandboxContact {
  id: string;
  email: string;
  first_name: string | null;
  last_name: string | null;
  unsubscribed: boolean;
  properties: Record<string, unknown>;
  /** Topic id → the contact's subscription. */
  topics: Record<string, 'opt_in' | 'opt_out'>;
  created_at: string;
}

/** What an operation answers: status and JSON body (errors go through `error`). */
export type ContactReply = { status: number; body: unknown } | { error: { status: number; message: string; name?: string } };

type Body = Record<string, unknown> | undefined;
type Topic = { id: string; subscription: 'opt_in' | 'opt_out' };

// Resend checks the address itself, beyond the document's `type: string`.
const PLAIN_ADDRESS = /^[^\s<>@]+@[^\s<>@]+\.[^\s<>@]+$/;

/**
 * The contacts part of the Resend sandbox: create, get, update and remove a contact (by id or email), and
 * list or update its topic subscriptions. Requests arrive already validated against the OpenAPI document;
 * this adds Resend's own rules (a valid, unique address) and 404 for a contact that does not exist.
 */
export function contactStore() {
  const contacts: SandboxContact[] = [];
  const find = (idOrEmail: string) => contacts.find((contact) => contact.id === idOrEmail || contact.email === idOrEmail.toLowerCase());
  const notFound = (): ContactReply => ({ error: { status: 404, message: 'Contact not found.' } });
  const applyTopics = (contact: SandboxContact, topics: unknown) => {
    for (const topic of (topics as Topic[] | undefined) ?? []) contact.topics[topic.id] = topic.subscription;
  };

  const handlers: Record<string, (idOrEmail: string, body: Body) => ContactReply> = {
    'contacts/create': (_, body) => {
      const email = String(body?.email ?? '').trim().toLowerCase();
      if (!PLAIN_ADDRESS.test(email)) return { error: { status: 422, message: 'Invalid `email` field. The email address needs to follow the `email@example.com` format.' } };
      if (find(email)) return { error: { status: 409, message: 'A contact with this email already exists.', name: 'invalid_parameter' } };
      const contact: SandboxContact = {
        id: randomUUID(),
        email,
        first_name: (body?.first_name as string | undefined) ?? null,
        last_name: (body?.last_name as string | undefined) ?? null,
        unsubscribed: (body?.unsubscribed as boolean | undefined) ?? false,
        properties: (body?.properties as Record<string, unknown> | undefined) ?? {},
        topics: {},
        created_at: new Date().toISOString(),
      };
      applyTopics(contact, body?.topics);
      contacts.push(contact);
      return { status: 201, body: { object: 'contact', id: contact.id } };
    },
    'contacts/get': (idOrEmail) => {
      const contact = find(idOrEmail);
      if (!contact) return notFound();
      const { topics: _topics, ...fields } = contact;
      return { status: 200, body: { object: 'contact', ...fields } };
    },
    'contacts/update': (idOrEmail, body) => {
      const contact = find(idOrEmail);
      if (!contact) return notFound();
      if (body?.first_name !== undefined) contact.first_name = body.first_name as string;
      if (body?.last_name !== undefined) contact.last_name = body.last_name as string;
      if (body?.unsubscribed !== undefined) contact.unsubscribed = body.unsubscribed as boolean;
      if (body?.properties !== undefined) contact.properties = { ...contact.properties, ...(body.properties as Record<string, unknown>) };
      return { status: 200, body: { object: 'contact', id: contact.id } };
    },
    'contacts/remove': (idOrEmail) => {
      const contact = find(idOrEmail);
      if (!contact) return notFound();
      contacts.splice(contacts.indexOf(contact), 1);
      return { status: 200, body: { object: 'contact', id: contact.id, deleted: true } };
    },
    'contacts/list-topics': (idOrEmail) => {
      const contact = find(idOrEmail);
      if (!contact) return notFound();
      const data = Object.entries(contact.topics).map(([id, subscription]) => ({ id, name: id, description: null, subscription }));
      return { status: 200, body: { object: 'list', has_more: false, data } };
    },
    'contacts/update-topics': (idOrEmail, body) => {
      const contact = find(idOrEmail);
      if (!contact) return notFound();
      applyTopics(contact, body?.topics);
      return { status: 200, body: { object: 'contact_topics', contact_id: contact.id, topics: Object.entries(contact.topics).map(([id, subscription]) => ({ id, subscription })) } };
    },
  };

  return {
    contacts,
    /** Handles a contacts operation, or returns undefined for any other operation. */
    handle(operationId: string, path: string, body: Body): ContactReply | undefined {
      const handler = handlers[operationId];
      return handler?.(decodeURIComponent(path.split('/')[2] ?? ''), body);
    },
    reset: () => void (contacts.length = 0),
  };
}
