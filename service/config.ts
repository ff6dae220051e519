import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { z } from 'zod';

export const LOG_LEVELS = ['debug', 'info', 'warn', 'error'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** The service's configuration, parsed once at boot from the environment. */
export interface Config {
  env: 'development' | 'test' | 'production';
  host: string;
  /** 0 asks the OS for a free port. */
  port: number;
  /** Where people reach the service (links in responses and pages); no trailing slash. */
  publicUrl: string;
  /** True when PUBLIC_URL was set; otherwise it follows the port the service actually listens on. */
  publicUrlExplicit: boolean;
  /** Absent: the embedded PGlite database in `dataDir`. */
  databaseUrl: string | undefined;
  /** Absolute path. */
  dataDir: string;
  appSecret: string;
  /** Where the secret came from: the environment, or the file generated in `dataDir` (development/test). */
  appSecretSource: 'env' | 'file';
  trustProxy: boolean;
  /** Exact extension origins allowed by CORS; `null` allows any chrome-extension:// or moz-extension:// origin. */
  allowedExtensionOrigins: string[] | null;
  logLevel: LogLevel;
}

/** One environment variable, as documented in the README's table. */
export interface ConfigVariable {
  name: string;
  /** What applies when the variable is not set, in words. */
  default: string;
  /** Secrets are never logged or bundled into the extension. */
  secret: boolean;
  description: string;
}

/** Every variable the service reads, in the order the README lists them. */
export const CONFIG_VARIABLES: readonly ConfigVariable[] = [
  { name: 'NODE_ENV', default: 'development', secret: false, description: '`development`, `test` or `production`. Production requires `APP_SECRET`.' },
  { name: 'HOST', default: '127.0.0.1', secret: false, description: 'Interface the service listens on (`0.0.0.0` to accept connections from other machines).' },
  { name: 'PORT', default: '8787', secret: false, description: 'Port the service listens on; `0` picks a free one.' },
  { name: 'PUBLIC_URL', default: 'http://localhost:PORT', secret: false, description: 'Address people and the extension use to reach the service; used in links.' },
  { name: 'DATABASE_URL', default: 'none: embedded PGlite in DATA_DIR/pglite', secret: true, description: 'PostgreSQL connection URL (PostgreSQL 15 or newer).' },
  { name: 'DATA_DIR', default: './.data', secret: false, description: 'Folder for local state: the embedded database and the generated development secret.' },
  { name: 'APP_SECRET', default: 'generated once into DATA_DIR/secret (development and test only)', secret: true, description: 'At least 32 characters; keys the session token hashes. Required in production; changing it signs everyone out.' },
  { name: 'TRUST_PROXY', default: 'false', secret: false, description: 'Set `true` behind one reverse proxy: the client IP and scheme then come from the last X-Forwarded-For / X-Forwarded-Proto entry.' },
  { name: 'ALLOWED_EXTENSION_ORIGINS', default: 'any chrome-extension:// or moz-extension:// origin', secret: false, description: 'Comma-separated extension origins allowed to call the API, e.g. `chrome-extension://ejjoaohdmeejfgghdfmlnkdbgkmllanp`.' },
  { name: 'LOG_LEVEL', default: 'info', secret: false, description: '`debug`, `info`, `warn` or `error`.' },
];

/** Thrown by `loadConfig`; `problems` lists every invalid variable, each as one sentence. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`The service configuration is not valid:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

// An empty variable (`PORT=` in a .env file) means "not set", not "set to nothing".
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (value === '' ? undefined : value), schema.optional());

// Chrome ids are 32 letters a–p; Firefox's per-install ids are UUIDs.
const EXTENSION_ORIGIN = /^(chrome|moz)-extension:\/\/[a-z0-9-]+$/i;

const Env = z.object({
  NODE_ENV: optional(z.enum(['development', 'test', 'production'], { message: 'must be development, test or production' })),
  HOST: optional(z.string().trim().min(1)),
  PORT: optional(
    z.coerce
      .number({ message: 'must be a number' })
      .int({ message: 'must be a whole number' })
      .min(0, { message: 'must be between 0 and 65535' })
      .max(65535, { message: 'must be between 0 and 65535' }),
  ),
  PUBLIC_URL: optional(z.url({ protocol: /^https?$/, message: 'must be an http:// or https:// address' })),
  DATABASE_URL: optional(
    z.string().regex(/^postgres(ql)?:\/\//, { message: 'must be a postgres:// or postgresql:// URL' }),
  ),
  DATA_DIR: optional(z.string()),
  APP_SECRET: optional(z.string().min(32, { message: 'must be at least 32 characters long' })),
  TRUST_PROXY: optional(
    z
      .enum(['true', 'false', '1', '0', 'yes', 'no'], { message: 'must be true or false' })
      .transform((value) => ['true', '1', 'yes'].includes(value)),
  ),
  ALLOWED_EXTENSION_ORIGINS: optional(
    z
      .string()
      .transform((list) => list.split(',').map((origin) => origin.trim()).filter(Boolean))
      .superRefine((origins, ctx) => {
        const bad = origins.filter((origin) => !EXTENSION_ORIGIN.test(origin));
        if (bad.length > 0) {
          ctx.addIssue({ code: 'custom', message: `has entries that are not chrome-extension://ID or moz-extension://ID origins: ${bad.join(', ')}` });
        }
      }),
  ),
  LOG_LEVEL: optional(z.enum(LOG_LEVELS, { message: 'must be debug, info, warn or error' })),
});

/**
 * Parses the environment once. Throws a `ConfigError` listing every problem at once. In development and
 * test, a missing APP_SECRET is generated once into DATA_DIR/secret (mode 0600) and reused afterwards.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = Env.safeParse(env);
  const problems = parsed.success ? [] : parsed.error.issues.map((issue) => `${issue.path.join('.')} ${issue.message}`);
  // Checked outside the schema so it is reported together with the other problems (zod skips
  // object-level refinements once a field is invalid). No default secrets in production: a generated
  // one would differ per instance and sign everyone out on each deploy.
  if (env.NODE_ENV === 'production' && !env.APP_SECRET) {
    problems.push('APP_SECRET is required when NODE_ENV=production (at least 32 random characters, e.g. `openssl rand -base64 48`)');
  }
  if (!parsed.success || problems.length > 0) {
    const order = (problem: string) => CONFIG_VARIABLES.findIndex((variable) => problem.startsWith(`${variable.name} `));
    throw new ConfigError(problems.sort((a, b) => order(a) - order(b)));
  }
  const vars = parsed.data;
  const port = vars.PORT ?? 8787;
  const dataDir = resolve(vars.DATA_DIR ?? './.data');
  const secret = vars.APP_SECRET ? { value: vars.APP_SECRET, source: 'env' as const } : { value: devSecret(dataDir), source: 'file' as const };
  return {
    env: vars.NODE_ENV ?? 'development',
    host: vars.HOST ?? '127.0.0.1',
    port,
    publicUrl: (vars.PUBLIC_URL ?? `http://localhost:${port}`).replace(/\/+$/, ''),
    publicUrlExplicit: vars.PUBLIC_URL !== undefined,
    databaseUrl: vars.DATABASE_URL,
    dataDir,
    appSecret: secret.value,
    appSecretSource: secret.source,
    trustProxy: vars.TRUST_PROXY ?? false,
    allowedExtensionOrigins: vars.ALLOWED_EXTENSION_ORIGINS ?? null,
    logLevel: vars.LOG_LEVEL ?? 'info',
  };
}

/** Reads DATA_DIR/secret, creating it (exclusively, so two processes starting together agree) if absent. */
function devSecret(dataDir: string): string {
  const file = join(dataDir, 'secret');
  mkdirSync(dataDir, { recursive: true });
  try {
    writeFileSync(file, randomBytes(48).toString('base64url'), { flag: 'wx', mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  chmodSync(file, 0o600);
  const secret = readFileSync(file, 'utf8').trim();
  if (secret.length < 32) {
    throw new ConfigError([`APP_SECRET: the generated secret in ${file} is shorter than 32 characters; delete the file to generate a new one`]);
  }
  return secret;
}
