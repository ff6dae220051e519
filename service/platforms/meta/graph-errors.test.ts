import { describe, expect, it } from 'vitest';
import { businessUseCaseWaitMs, createGraphErrorReader } from './graph-errors.js';

const read = createGraphErrorReader('Facebook', { 1390008: 'rate_limited' });
const graph = (code: number, subcode?: number) => ({ error: { message: 'm', type: 'OAuthException', code, error_subcode: subcode, fbtrace_id: 'trace' } });

describe('Graph error reader', () => {
  it('classifies by Graph code, never by message text', () => {
    expect(read(400, graph(190, 460), new Headers())).toMatchObject({ kind: 'auth', vendorCode: '190/460', requestId: 'trace' });
    expect(read(400, graph(200), new Headers()).kind).toBe('auth');
    for (const code of [4, 17, 32, 613, 80001]) expect(read(400, graph(code), new Headers()).kind).toBe('rate_limited');
    expect(read(400, graph(368, 1390008), new Headers()).kind).toBe('rate_limited');
    expect(read(400, graph(506), new Headers())).toMatchObject({ kind: 'invalid_content', message: expect.stringContaining('duplicate') });
    // Graph's "unknown error": the HTTP status (and whether the request was irreversible) decides.
    expect(read(500, graph(1), new Headers()).kind).toBeUndefined();
  });

  it('reads the wait Meta asks for from X-Business-Use-Case-Usage, in minutes', () => {
    const headers = new Headers({ 'x-business-use-case-usage': JSON.stringify({ '123': [{ type: 'pages', call_count: 100, estimated_time_to_regain_access: 3 }] }) });
    expect(businessUseCaseWaitMs(headers)).toBe(180_000);
    expect(read(400, graph(32), headers).retryAfterMs).toBe(180_000);
    expect(businessUseCaseWaitMs(new Headers())).toBeNull();
  });

  it('reads the Instagram login host’s flat error shape', () => {
    expect(read(400, { error_type: 'OAuthException', code: 400, error_message: 'Invalid code' }, new Headers())).toMatchObject({ vendorCode: '400', vendorMessage: 'Invalid code' });
  });
});
