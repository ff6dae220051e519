import { describe, expect, it } from 'vitest';
import { createLogger } from './logger.js';

describe('logger', () => {
  it('writes one JSON object per line with time, level, message and fields', () => {
    const lines: string[] = [];
    createLogger({ level: 'info', write: (line) => lines.push(line) }).child({ requestId: 'r1' }).info('hello', { status: 200 });
    expect(JSON.parse(lines[0]!)).toEqual({ time: expect.any(String), level: 'info', msg: 'hello', requestId: 'r1', status: 200 });
  });

  it('drops lines below its level', () => {
    const lines: string[] = [];
    const logger = createLogger({ level: 'warn', write: (line) => lines.push(line) });
    logger.debug('a');
    logger.info('b');
    logger.warn('c');
    logger.error('d');
    expect(lines.map((line) => JSON.parse(line).msg)).toEqual(['c', 'd']);
  });

  it('P1: never writes passwords, tokens, hashes or Authorization headers, however deep', () => {
    const lines: string[] = [];
    createLogger({ level: 'debug', write: (line) => lines.push(line) }).info('oops', {
      password: 'hunter2-hunter2',
      body: { user: { passwordHash: '$argon2id$abc', hashtags: ['kept'] } },
      headers: { authorization: 'Bearer mns_secret' },
      token: 'mns_secret2',
    });
    const line = lines[0]!;
    expect(line).not.toMatch(/hunter2|argon2id|mns_secret/);
    expect(JSON.parse(line).body.user.hashtags).toEqual(['kept']);
  });

  it('serializes errors with message and stack', () => {
    const lines: string[] = [];
    createLogger({ level: 'debug', write: (line) => lines.push(line) }).error('failed', { error: new Error('boom') });
    expect(JSON.parse(lines[0]!).error).toMatchObject({ name: 'Error', message: 'boom', stack: expect.stringContaining('boom') });
  });
});
