import { describe, expect, it } from 'vitest';
import type { FuzzOperation } from './operations.js';
import { problemsOf } from './send.js';

const api: FuzzOperation = { method: 'GET', path: '/api/v1/me', openApi: { operationId: 'getMe', security: [] } };
const page: FuzzOperation = { method: 'GET', path: '/legal/:kind' };
const json = (status: number, body: unknown) => ({ status, contentType: 'application/json; charset=utf-8', text: JSON.stringify(body) });

// The fuzz run is only as good as what it refuses: these pin down its verdicts.
describe('what the fuzz run accepts as an answer', () => {
  it('any success or redirect', () => {
    expect(problemsOf(api, { status: 204, contentType: '', text: '' })).toEqual([]);
    expect(problemsOf(page, { status: 302, contentType: '', text: '' })).toEqual([]);
  });

  it('a 4xx with a known code and a sentence', () => {
    expect(problemsOf(api, json(401, { error: { code: 'unauthenticated', message: 'Please sign in again.' } }))).toEqual([]);
  });

  it('an HTML error page from a page, but not from the JSON API', () => {
    const html = { status: 404, contentType: 'text/html; charset=utf-8', text: '<h1>Not found</h1>' };
    expect(problemsOf(page, html)).toEqual([]);
    expect(problemsOf(api, html)).toEqual(['a 404 of type "text/html; charset=utf-8" instead of a JSON error']);
    expect(problemsOf(page, { ...html, text: ' ' })).toEqual(['an empty 404 page']);
  });

  it('never a 5xx, whatever its body', () => {
    expect(problemsOf(api, json(500, { error: { code: 'internal_error', message: 'Something went wrong on our side.' } }))).toEqual(['answered 500']);
    expect(problemsOf(page, { status: 503, contentType: 'text/html', text: '<p>Down</p>' })).toEqual(['answered 503']);
  });

  it('no 4xx without a stable code or without a sentence', () => {
    expect(problemsOf(api, json(400, { message: 'Bad request' }))).toEqual(['error.code undefined is not a snake_case code', 'error.message undefined is not a sentence']);
    expect(problemsOf(api, json(400, { error: { code: 'BadInput', message: 'The input is bad.' } }))).toEqual(['error.code "BadInput" is not a snake_case code']);
    expect(problemsOf(api, json(400, { error: { code: 'made_up_code', message: 'The input is bad.' } }))).toEqual(['error.code "made_up_code" is not one of shared/error-codes.ts']);
    expect(problemsOf(api, json(400, { error: { code: 'validation_failed', message: 'validation_failed' } }))).toEqual(['error.message "validation_failed" is not a sentence']);
    expect(problemsOf(api, { status: 413, contentType: '', text: '' })).toEqual(['a 413 of type "" instead of a JSON error']);
  });
});
