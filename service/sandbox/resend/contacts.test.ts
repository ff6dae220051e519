import { Resend } from 'resend';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startResendSandbox, type ResendSandbox } from './server.js';

let sandbox: ResendSandbox;
let resend: Resend;
beforeAll(async () => {
  sandbox = await startResendSandbox();
  resend = new Resend(sandbox.apiKey, { baseUrl: sandbox.url });
});
afterAll(() => sandbox?.close());
beforeEach(() => sandbox.reset());

const call = (method: string, path: string, body?: unknown) =>
  fetch(`${sandbox.url}${path}`, { method, headers: { authorization: `Bearer ${sandbox.apiKey}`, 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });

describe('the Resend sandbox: contacts', () => {
  it('creates, reads (by id or email), updates and removes a contact through the real SDK', async () => {
    const created = await resend.contacts.create({ email: 'Ada@Example.com', firstName: 'Ada', lastName: 'Lovelace', unsubscribed: false, topics: [{ id: 'topic-news', subscription: 'opt_in' }] });
    expect(created.error).toBeNull();
    const id = created.data!.id;
    expect((await resend.contacts.get({ id })).data).toMatchObject({ object: 'contact', id, email: 'ada@example.com', first_name: 'Ada', last_name: 'Lovelace', unsubscribed: false });
    expect((await resend.contacts.get({ email: 'ada@example.com' })).data?.id).toBe(id);
    expect((await resend.contacts.topics.list({ id })).data?.data).toEqual([expect.objectContaining({ id: 'topic-news', subscription: 'opt_in' })]);

    expect((await resend.contacts.update({ id, unsubscribed: true, firstName: 'Augusta' })).error).toBeNull();
    expect(sandbox.contacts[0]).toMatchObject({ first_name: 'Augusta', last_name: 'Lovelace', unsubscribed: true });
    // The body the OpenAPI document describes: { topics: [...] }.
    const topics = await resend.patch(`/contacts/${id}/topics`, { topics: [{ id: 'topic-news', subscription: 'opt_out' }] });
    expect(topics.error).toBeNull();
    expect(sandbox.contacts[0]!.topics).toEqual({ 'topic-news': 'opt_out' });

    expect((await resend.contacts.remove({ id })).data).toEqual({ object: 'contact', id, deleted: true });
    expect(sandbox.contacts).toHaveLength(0);
    expect((await resend.contacts.get({ id })).error).toMatchObject({ statusCode: 404, name: 'not_found' });
    expect((await resend.contacts.remove({ email: 'ada@example.com' })).error).toMatchObject({ statusCode: 404 });
  });

  it('rejects what the OpenAPI document and Resend reject', async () => {
    expect((await call('POST', '/contacts', { first_name: 'No email' })).status).toBe(422);
    expect((await call('POST', '/contacts', { email: 'ada@example.com', unsubscribed: 'yes' })).status).toBe(422);
    expect((await call('POST', '/contacts', { email: 'ada@example.com', topics: [{ id: 't', subscription: 'maybe' }] })).status).toBe(422);
    expect((await resend.contacts.create({ email: 'not-an-address' })).error).toMatchObject({ statusCode: 422 });
    expect((await resend.contacts.create({ email: 'ada@example.com' })).error).toBeNull();
    expect((await resend.contacts.create({ email: 'ada@example.com' })).error).toMatchObject({ statusCode: 409 });
    // The topics update needs an object with `topics`, as the document says (a bare array is refused).
    expect((await call('PATCH', '/contacts/ada@example.com/topics', [{ id: 't', subscription: 'opt_in' }])).status).toBe(422);
    expect((await call('PATCH', '/contacts/ada@example.com', { unsubscribed: 1 })).status).toBe(422);
    expect(sandbox.contacts).toHaveLength(1);
  });

  it('answers queued contact faults in order', async () => {
    sandbox.failNextContactRequests({ status: 500 }, { status: 429, retryAfterSeconds: 3 });
    expect((await resend.contacts.create({ email: 'ada@example.com' })).error).toMatchObject({ statusCode: 500 });
    expect((await resend.contacts.create({ email: 'ada@example.com' })).error).toMatchObject({ statusCode: 429 });
    expect((await resend.contacts.create({ email: 'ada@example.com' })).error).toBeNull();
  });
});
