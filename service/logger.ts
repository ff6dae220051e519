import type { LogLevel } from './config.js';

/** Structured fields attached to a log line. */
export type LogFields = Record<string, unknown>;

/** A JSON-lines logger: one object per line on stdout, easy to grep and to ship. */
export interface Logger {
  debug(msg: string, fields?: LogFields): void;
  info(msg: string, fields?: LogFields): void;
  warn(msg: string, fields?: LogFields): void;
  error(msg: string, fields?: LogFields): void;
  /** A logger whose every line also carries `bindings` (e.g. the request id). */
  child(bindings: LogFields): Logger;
}

const RANK: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

// Policy P1 and plain prudence: credentials never reach a log line, whatever a caller passes in.
const SECRET_KEY = /password|passwd|token|authorization|secret|cookie|hash$/i;

/**
 * Creates a logger writing lines at or above `level` through `write` (stdout by default; tests capture).
 * Why not pino: this is ~60 lines, has no dependency, and redaction is enforced here for every key.
 */
export function createLogger(options: { level: LogLevel; write?: (line: string) => void; bindings?: LogFields }): Logger {
  const write = options.write ?? ((line: string) => process.stdout.write(`${line}\n`));
  const min = RANK[options.level];
  const bindings = options.bindings ?? {};
  const log = (level: LogLevel, msg: string, fields?: LogFields) => {
    if (RANK[level] < min) return;
    write(JSON.stringify({ time: new Date().toISOString(), level, msg, ...redact(bindings), ...redact(fields ?? {}) }));
  };
  return {
    debug: (msg, fields) => log('debug', msg, fields),
    info: (msg, fields) => log('info', msg, fields),
    warn: (msg, fields) => log('warn', msg, fields),
    error: (msg, fields) => log('error', msg, fields),
    child: (more) => createLogger({ level: options.level, write, bindings: { ...bindings, ...more } }),
  };
}

/** A logger that drops everything (for code paths that take an optional logger). */
export const silentLogger: Logger = createLogger({ level: 'error', write: () => {} });

function redact(fields: LogFields, depth = 0): LogFields {
  const out: LogFields = {};
  for (const [key, value] of Object.entries(fields)) {
    if (SECRET_KEY.test(key)) out[key] = '[redacted]';
    else out[key] = serialize(value, depth);
  }
  return out;
}

function serialize(value: unknown, depth: number): unknown {
  if (value instanceof Error) {
    const code = (value as { code?: unknown }).code;
    return { name: value.name, message: value.message, ...(code === undefined ? {} : { code }), stack: value.stack };
  }
  if (value && typeof value === 'object' && !Array.isArray(value) && depth < 4) {
    return redact(value as LogFields, depth + 1);
  }
  return value;
}
