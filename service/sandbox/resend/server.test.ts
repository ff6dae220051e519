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

const post = (body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${sandbox.url}/emails`, { method: 'POST', headers: { authorization: `Bearer ${sandbox.apiKey}`, 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });

describe('the Resend sandbox', () => {
  it('accepts an email from the real SDK and records it', async () => {
    const { data, error } = await resend.emails.send({ from: 'Minopa <hello@minopa.example>', to: 'ada@example.com', subject: 'Hi', html: '<p>Hi</p>', text: 'Hi', headers: { 'X-Test': '1' } });
    expect(error).toBeNull();
    expect(sandbox.emails).toEqual([expect.objectContaining({ id: data!.id, to: ['ada@example.com'], subject: 'Hi', headers: { 'X-Test': '1' }, idempotencyKey: null })]);
    const fetched = await resend.emails.get(data!.id);
    expect(fetched.data).toMatchObject({ id: data!.id, subject: 'Hi' });
  });

  it('answers the same Idempotency-Key with the same id and sends nothing more; another body with it is a 409', async () => {
    const email = { from: 'hello@minopa.example', to: 'ada@example.com', subject: 'Once', text: 'once' };
    const first = await resend.emails.send(email, { idempotencyKey: 'key-1' });
    const second = await resend.emails.send(email, { idempotencyKey: 'key-1' });
    expect(second.data?.id).toBe(first.data?.id);
    expect(sandbox.emails).toHaveLength(1);
    const other = await resend.emails.send({ ...email, subject: 'Changed' }, { idempotencyKey: 'key-1' });
    expect(other.error).toMatchObject({ statusCode: 409, name: 'invalid_idempotent_request' });
    expect(sandbox.emails).toHaveLength(1);
  });

  it('rejects, in Resend’s error shape, what the OpenAPI document rejects', async () => {
    const missingSubject = await post({ from: 'hello@minopa.example', to: 'ada@example.com', html: '<p>x</p>' });
    expect(missingSubject.status).toBe(422);
    expect(await missingSubject.json()).toMatchObject({ statusCode: 422, name: 'validation_error', message: expect.stringContaining('subject') });
    const wrongType = await post({ from: 42, to: 'ada@example.com', subject: 'x', html: 'x' });
    expect(wrongType.status).toBe(422);
    const longKey = await post({ from: 'hello@minopa.example', to: 'ada@example.com', subject: 'x', html: 'x' }, { 'idempotency-key': 'k'.repeat(257) });
    expect(longKey.status).toBe(422);
    expect(sandbox.emails).toHaveLength(0);
  });

  it('applies Resend’s own rules on addresses and content, and on the API key', async () => {
    const badFrom = await resend.emails.send({ from: 'Minopa', to: 'ada@example.com', subject: 'x', html: 'x' });
    expect(badFrom.error).toMatchObject({ statusCode: 422, message: expect.stringContaining('`from`') });
    const noContent = await post({ from: 'hello@minopa.example', to: 'ada@example.com', subject: 'x' });
    expect(noContent.status).toBe(422);
    const wrongKey = await new Resend('re_wrong', { baseUrl: sandbox.url }).emails.send({ from: 'hello@minopa.example', to: 'ada@example.com', subject: 'x', html: 'x' });
    expect(wrongKey.error).toMatchObject({ statusCode: 403, name: 'invalid_api_key' });
    const noKey = await fetch(`${sandbox.url}/emails`, { method: 'POST', body: '{}' });
    expect(noKey.status).toBe(401);
    expect((await fetch(`${sandbox.url}/nowhere`, { headers: { authorization: `Bearer ${sandbox.apiKey}` } })).status).toBe(404);
    expect(sandbox.emails).toHaveLength(0);
  });

  it('answers queued faults in order, with Retry-After', async () => {
    sandbox.failNext({ status: 429, retryAfterSeconds: 7 }, { status: 500 });
    const email = { from: 'hello@minopa.example', to: 'ada@example.com', subject: 'x', html: 'x' };
    const limited = await resend.emails.send(email);
    expect(limited.error).toMatchObject({ statusCode: 429, name: 'rate_limit_exceeded' });
    expect(limited.headers?.['retry-after']).toBe('7');
    expect((await resend.emails.send(email)).error).toMatchObject({ statusCode: 500 });
    expect((await resend.emails.send(email)).error).toBeNull();
    expect(sandbox.requests.map((request) => request.status)).toEqual([429, 500, 200]);
  });
});
