import { hkdfSync, randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { isIP } from 'node:net';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import type { PlatformId } from '#shared/platforms.js';
import { PLATFORM_CONFIG_VARIABLES, PLATFORM_ENV, type PlatformConfig, platformConfigFrom, platformConfigProblems } from './platforms/config.js';
import { IMPORTS_CONFIG_VARIABLES, IMPORTS_ENV, type ImportsConfig, importsConfigFrom, importsConfigProblems } from './imports/config.js';
import { BILLING_CONFIG_VARIABLES, BILLING_ENV, type BillingConfig, billingConfigFrom, billingConfigProblems } from './billing/config.js';
import { EMAIL_TOPICS_CONFIG_VARIABLES, EMAIL_TOPICS_ENV, type EmailTopicsConfig, emailTopicsConfigFrom } from './email/contacts-config.js';
import { ANALYTICS_CONFIG_VARIABLES, ANALYTICS_ENV, type AnalyticsConfig, analyticsConfigFrom } from './pages/analytics/config.js';

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
  /** Multiplies the per-route request limits (service/middleware/rate-limit.ts); 0 turns them off. */
  rateLimitFactor: number;
  /** Exact extension origins allowed by CORS; `null` allows any chrome-extension:// or moz-extension:// origin. */
  allowedExtensionOrigins: string[] | null;
  logLevel: LogLevel;
  /** Google sign-in (absent: the defaults, i.e. sandbox mode outside production; see service/auth/google/settings.ts). */
  google?: GoogleConfig;
  /** Resend API key; absent: emails are captured locally (log line + /dev/emails) instead of sent. */
  resendApiKey: string | undefined;
  /** Resend's API address (tests and sandbox mode point it at service/sandbox/resend). */
  resendBaseUrl: string;
  /** The From of every email, e.g. `Minopa <hello@example.com>`. */
  emailFrom: string;
  /** Whether startService runs the scheduled jobs (tests run a job's `run` directly instead). */
  jobsEnabled: boolean;
  /** The media library: limits, signed links, fetching captured images. */
  media: MediaConfig;
  /** An S3-compatible bucket for media files; absent: files live on local disk in `media.dir`. */
  s3: S3Config | undefined;
  /** Keys that seal network tokens at rest (P26); the first seals, all open. */
  tokenKeys: TokenKey[];
  /** Each network's OAuth client and addresses (resolved with sandbox defaults by platforms/settings.ts). */
  platforms: Record<PlatformId, PlatformConfig>;
  /** Canva's client and addresses, Drive's API address (absent: nothing configured; resolved by imports/settings.ts). */
  imports?: ImportsConfig;
  /** Stripe (absent: billing is off and every workspace has the Free plan; see billing/config.ts). */
  billing?: BillingConfig;
  /** Sentry's DSN for the service's error reports (P8); absent: errors are only logged. */
  sentryDsn?: string;
  /** Where alerts about privacy requests past their 30 days go (P30); absent: only the log says so. */
  privacyContactEmail?: string;
  /** Resend topic ids of the subscription kinds (P13; absent: contacts carry only `unsubscribed`). */
  emailTopics?: EmailTopicsConfig;
  /** Google Analytics / Clarity on the service's own pages, after consent (P21; absent: none; see pages/analytics/config.ts). */
  analytics?: AnalyticsConfig;
  /** Bearer token of GET /metrics; absent: the endpoint answers 404. */
  metricsToken?: string;
  /** How long a SIGTERM waits for requests and job runs in flight before cutting them off (default 20 s). */
  shutdownTimeoutMs?: number;
}

/** One AES-256 key for sealing tokens, with the id stored beside what it sealed. */
export interface TokenKey {
  id: string;
  key: Buffer;
}

/** Media library settings. */
export interface MediaConfig {
  /** Absolute path of the local media folder (DATA_DIR/media), used when no bucket is configured. */
  dir: string;
  /** Largest file accepted per kind, in bytes. */
  maxBytes: { image: number; video: number; document: number };
  /** How long a signed media address stays valid. */
  urlTtlSeconds: number;
  /** Time limit of one fetch of a captured image or avatar (all redirects included). */
  fetchTimeoutMs: number;
  /**
   * Addresses (CIDR) the server-side fetch may reach although they are private or local. For tests and
   * local development only: refused when NODE_ENV=production.
   */
  fetchAllowedAddresses: string[];
}

/** An S3-compatible bucket. */
export interface S3Config {
  bucket: string;
  /** Absent: AWS S3 itself. */
  endpoint: string | undefined;
  region: string;
  /** Absent: the AWS SDK's default credential chain (instance role, AWS_* variables, …). */
  credentials: { accessKeyId: string; secretAccessKey: string } | undefined;
  forcePathStyle: boolean;
}

/** Google sign-in settings as configured; every URL is configuration so tests and sandbox mode use a local provider. */
export interface GoogleConfig {
  /** Absent: sandbox mode (the local provider at /sandbox/google) in development and test, disabled in production. */
  clientId: string | undefined;
  clientSecret: string | undefined;
  issuer: string;
  authorizeUrl: string;
  tokenUrl: string;
  jwksUrl: string;
  userinfoUrl: string;
  revokeUrl: string;
}

/** Google's own endpoints (from its discovery document), used unless configured otherwise. */
export const GOOGLE_DEFAULTS = {
  issuer: 'https://accounts.google.com',
  authorizeUrl: 'https://accounts.google.com/o/oauth2/v2/auth',
  tokenUrl: 'https://oauth2.googleapis.com/token',
  jwksUrl: 'https://www.googleapis.com/oauth2/v3/certs',
  userinfoUrl: 'https://openidconnect.googleapis.com/v1/userinfo',
  revokeUrl: 'https://oauth2.googleapis.com/revoke',
} as const;

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
  { name: 'RATE_LIMIT_FACTOR', default: '1', secret: false, description: 'Multiplies the per-instance request limits (per minute: 300 without a session per IP, 1200 reads and 300 writes per session); `0` turns them off. The sign-in and password limits are separate and always on.' },
  { name: 'TRUST_PROXY', default: 'false', secret: false, description: 'Set `true` behind one reverse proxy: the client IP and scheme then come from the last X-Forwarded-For / X-Forwarded-Proto entry.' },
  { name: 'ALLOWED_EXTENSION_ORIGINS', default: 'any chrome-extension:// or moz-extension:// origin', secret: false, description: 'Comma-separated extension origins allowed to call the API, e.g. `chrome-extension://ejjoaohdmeejfgghdfmlnkdbgkmllanp`.' },
  { name: 'LOG_LEVEL', default: 'info', secret: false, description: '`debug`, `info`, `warn` or `error`.' },
  { name: 'GOOGLE_CLIENT_ID', default: 'none: sandbox sign-in (a local stand-in at /sandbox/google) in development and test; Google sign-in off in production', secret: false, description: 'OAuth client id of a Google "Web application" client whose redirect URI is `PUBLIC_URL/api/v1/auth/google/callback`.' },
  { name: 'GOOGLE_CLIENT_SECRET', default: 'none', secret: true, description: 'The secret of that client; required with `GOOGLE_CLIENT_ID`.' },
  { name: 'GOOGLE_ISSUER', default: GOOGLE_DEFAULTS.issuer, secret: false, description: 'Expected `iss` of Google ID tokens.' },
  { name: 'GOOGLE_AUTHORIZE_URL', default: GOOGLE_DEFAULTS.authorizeUrl, secret: false, description: "Google's authorization endpoint (where the browser signs in)." },
  { name: 'GOOGLE_TOKEN_URL', default: GOOGLE_DEFAULTS.tokenUrl, secret: false, description: "Google's token endpoint (code exchange, server to server)." },
  { name: 'GOOGLE_JWKS_URL', default: GOOGLE_DEFAULTS.jwksUrl, secret: false, description: "Google's signing keys, for checking ID tokens." },
  { name: 'GOOGLE_USERINFO_URL', default: GOOGLE_DEFAULTS.userinfoUrl, secret: false, description: "Google's userinfo endpoint." },
  { name: 'GOOGLE_REVOKE_URL', default: GOOGLE_DEFAULTS.revokeUrl, secret: false, description: "Google's token revocation endpoint." },
  { name: 'RESEND_API_KEY', default: 'none: emails are captured locally (log line and /dev/emails outside production)', secret: true, description: 'Resend API key; when set, the outbox job sends every email through Resend.' },
  { name: 'PRIVACY_CONTACT_EMAIL', default: 'none: overdue privacy requests are only logged (as errors)', secret: false, description: 'Who is emailed when a privacy request passes its 30-day deadline unanswered (P30).' },
  { name: 'SENTRY_DSN', default: 'none: errors are only logged', secret: true, description: 'Sentry DSN for the service: unexpected errors of requests and jobs are reported with the request id, route and user id only (P8, P13).' },
  { name: 'RESEND_BASE_URL', default: 'https://api.resend.com', secret: false, description: "Resend's API address; point it at a local Resend-compatible server for tests or sandbox mode." },
  { name: 'EMAIL_FROM', default: 'Minopa <hello@minopa.localhost>', secret: false, description: 'Sender of every email, `Name <address>`; with Resend, the address must be on a verified domain.' },
  { name: 'S3_BUCKET', default: 'none: media files are kept on local disk in DATA_DIR/media', secret: false, description: 'An S3-compatible bucket for media files. Give it a lifecycle rule that aborts incomplete multipart uploads after a day.' },
  { name: 'S3_ENDPOINT', default: 'AWS S3', secret: false, description: 'Address of an S3-compatible service (MinIO, Cloudflare R2, …), e.g. `https://s3.example.com`.' },
  { name: 'S3_REGION', default: 'us-east-1', secret: false, description: "The bucket's region (`auto` for R2)." },
  { name: 'S3_ACCESS_KEY_ID', default: "none: the AWS SDK's default credentials (instance role, AWS_* variables)", secret: false, description: 'Access key id for the bucket; set together with `S3_SECRET_ACCESS_KEY`.' },
  { name: 'S3_SECRET_ACCESS_KEY', default: 'none', secret: true, description: 'Secret access key for the bucket.' },
  { name: 'S3_FORCE_PATH_STYLE', default: 'false', secret: false, description: 'Set `true` for services that want `ENDPOINT/BUCKET/KEY` addresses (MinIO and most self-hosted ones).' },
  { name: 'MEDIA_MAX_IMAGE_BYTES', default: '20971520 (20 MB)', secret: false, description: 'Largest image the library accepts (uploads, captured images, avatars).' },
  { name: 'MEDIA_MAX_VIDEO_BYTES', default: '1073741824 (1 GB)', secret: false, description: 'Largest video the library accepts (uploads and captured videos).' },
  { name: 'MEDIA_MAX_DOCUMENT_BYTES', default: '104857600 (100 MB)', secret: false, description: 'Largest PDF document the library accepts.' },
  { name: 'MEDIA_URL_TTL_SECONDS', default: '3600', secret: false, description: 'How long the signed addresses of media files in API responses stay valid.' },
  { name: 'MEDIA_FETCH_TIMEOUT_MS', default: '15000', secret: false, description: 'Time limit for the service to fetch a captured image or an avatar, redirects included (a captured video gets at least 5 minutes).' },
  { name: 'MEDIA_FETCH_ALLOWED_ADDRESSES', default: 'none', secret: false, description: 'Tests and local development only (refused in production): comma-separated private or local addresses/CIDRs, e.g. `127.0.0.1/32`, that the server-side image fetch may reach.' },
  { name: 'TOKEN_ENCRYPTION_KEYS', default: 'derived from APP_SECRET (development and test only)', secret: true, description: 'Comma-separated `id:key` pairs, each key 32 random bytes in base64 (`openssl rand -base64 32`). The first seals network tokens (AES-256-GCM); the others still open what they sealed, so a key can be rotated by putting a new one first. Required in production.' },
  { name: 'JOBS_ENABLED', default: 'true', secret: false, description: 'Set `false` to run this instance without the scheduled jobs (sending email, …); at least one instance must run them.' },
  { name: 'METRICS_TOKEN', default: 'none: GET /metrics answers 404', secret: true, description: 'Bearer token a Prometheus scraper sends to `GET /metrics` (at least 16 characters); a missing or wrong token gets 401.' },
  { name: 'SHUTDOWN_TIMEOUT_MS', default: '20000', secret: false, description: 'On SIGTERM, how long requests and publishes in flight may take to finish before their connections are cut; leases are then released and the process exits 0.' },
  ...PLATFORM_CONFIG_VARIABLES,
  ...IMPORTS_CONFIG_VARIABLES,
  ...BILLING_CONFIG_VARIABLES,
  ...EMAIL_TOPICS_CONFIG_VARIABLES,
  ...ANALYTICS_CONFIG_VARIABLES,
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

/** A size in bytes: a positive whole number. */
const bytes = () =>
  z.coerce.number({ message: 'must be a number of bytes' }).int({ message: 'must be a whole number of bytes' }).min(1, { message: 'must be at least 1 byte' });

/** `1.2.3.4`, `::1` or either with a `/prefix`. */
function isCidr(entry: string): boolean {
  const [address, prefix, ...rest] = entry.split('/');
  const version = isIP(address ?? '');
  if (version === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (version === 4 ? 32 : 128);
}

/** Every variable the service reads; exported so a test can hold CONFIG_VARIABLES to it. */
export const Env = z.object({
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
  RATE_LIMIT_FACTOR: optional(z.coerce.number({ message: 'must be a number' }).min(0, { message: 'must be 0 or more' }).max(1000, { message: 'must be at most 1000' })),
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
  GOOGLE_CLIENT_ID: optional(z.string().trim().min(1)),
  GOOGLE_CLIENT_SECRET: optional(z.string().trim().min(1)),
  GOOGLE_ISSUER: optional(z.url({ protocol: /^https?$/, message: 'must be an http:// or https:// address' })),
  GOOGLE_AUTHORIZE_URL: optional(z.url({ protocol: /^https?$/, message: 'must be an http:// or https:// address' })),
  GOOGLE_TOKEN_URL: optional(z.url({ protocol: /^https?$/, message: 'must be an http:// or https:// address' })),
  GOOGLE_JWKS_URL: optional(z.url({ protocol: /^https?$/, message: 'must be an http:// or https:// address' })),
  GOOGLE_USERINFO_URL: optional(z.url({ protocol: /^https?$/, message: 'must be an http:// or https:// address' })),
  GOOGLE_REVOKE_URL: optional(z.url({ protocol: /^https?$/, message: 'must be an http:// or https:// address' })),
  RESEND_API_KEY: optional(z.string().trim().min(1)),
  PRIVACY_CONTACT_EMAIL: optional(z.email({ message: 'must be an email address' })),
  SENTRY_DSN: optional(z.url({ protocol: /^https?$/, message: 'must be a Sentry DSN (https://key@host/project)' })),
  RESEND_BASE_URL: optional(z.url({ protocol: /^https?$/, message: 'must be an http:// or https:// address' })),
  EMAIL_FROM: optional(
    z.string().trim().regex(/^([^<>]*<[^<>@\s]+@[^<>@\s]+>|[^<>@\s]+@[^<>@\s]+)$/, { message: 'must be an address or `Name <address>`' }),
  ),
  S3_BUCKET: optional(z.string().trim().regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, { message: 'must be a bucket name (3–63 lowercase letters, digits, dots, hyphens)' })),
  S3_ENDPOINT: optional(z.url({ protocol: /^https?$/, message: 'must be an http:// or https:// address' })),
  S3_REGION: optional(z.string().trim().min(1)),
  S3_ACCESS_KEY_ID: optional(z.string().trim().min(1)),
  S3_SECRET_ACCESS_KEY: optional(z.string().trim().min(1)),
  S3_FORCE_PATH_STYLE: optional(
    z
      .enum(['true', 'false', '1', '0', 'yes', 'no'], { message: 'must be true or false' })
      .transform((value) => ['true', '1', 'yes'].includes(value)),
  ),
  MEDIA_MAX_IMAGE_BYTES: optional(bytes()),
  MEDIA_MAX_VIDEO_BYTES: optional(bytes()),
  MEDIA_MAX_DOCUMENT_BYTES: optional(bytes()),
  MEDIA_URL_TTL_SECONDS: optional(z.coerce.number({ message: 'must be a number' }).int({ message: 'must be a whole number' }).min(60, { message: 'must be at least 60' }).max(7 * 24 * 3600, { message: 'must be at most 604800 (7 days)' })),
  MEDIA_FETCH_TIMEOUT_MS: optional(z.coerce.number({ message: 'must be a number' }).int({ message: 'must be a whole number' }).min(100, { message: 'must be at least 100' }).max(600_000, { message: 'must be at most 600000' })),
  MEDIA_FETCH_ALLOWED_ADDRESSES: optional(
    z
      .string()
      .transform((list) => list.split(',').map((entry) => entry.trim()).filter(Boolean))
      .superRefine((entries, ctx) => {
        const bad = entries.filter((entry) => !isCidr(entry));
        if (bad.length > 0) ctx.addIssue({ code: 'custom', message: `has entries that are not addresses or CIDRs: ${bad.join(', ')}` });
      }),
  ),
  JOBS_ENABLED: optional(
    z
      .enum(['true', 'false', '1', '0', 'yes', 'no'], { message: 'must be true or false' })
      .transform((value) => ['true', '1', 'yes'].includes(value)),
  ),
  METRICS_TOKEN: optional(z.string().trim().min(16, { message: 'must be at least 16 characters (e.g. `openssl rand -base64 32`)' })),
  SHUTDOWN_TIMEOUT_MS: optional(z.coerce.number({ message: 'must be a number' }).int({ message: 'must be a whole number' }).min(0, { message: 'must be at least 0' }).max(600_000, { message: 'must be at most 600000' })),
  TOKEN_ENCRYPTION_KEYS: optional(
    z
      .string()
      .transform((list) => list.split(',').map((entry) => entry.trim()).filter(Boolean))
      .transform((entries, ctx) => {
        const keys = entries.map((entry) => {
          const [id, key] = [entry.slice(0, entry.indexOf(':')), Buffer.from(entry.slice(entry.indexOf(':') + 1), 'base64')];
          return { id, key, entry };
        });
        const bad = keys.filter(({ id, key }) => !/^[A-Za-z0-9_-]{1,32}$/.test(id) || key.length !== 32).map(({ id }) => id || '(no id)');
        if (bad.length > 0 || keys.length === 0) {
          ctx.addIssue({ code: 'custom', message: `must be id:key pairs, each key 32 bytes in base64 (bad: ${bad.join(', ') || 'empty'})` });
          return z.NEVER;
        }
        if (new Set(keys.map(({ id }) => id)).size !== keys.length) {
          ctx.addIssue({ code: 'custom', message: 'has the same key id twice' });
          return z.NEVER;
        }
        return keys.map(({ id, key }) => ({ id, key }));
      }),
  ),
  ...PLATFORM_ENV,
  ...IMPORTS_ENV,
  ...BILLING_ENV,
  ...EMAIL_TOPICS_ENV,
  ...ANALYTICS_ENV,
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
  if (env.NODE_ENV === 'production' && env.MEDIA_FETCH_ALLOWED_ADDRESSES) {
    problems.push('MEDIA_FETCH_ALLOWED_ADDRESSES must not be set when NODE_ENV=production (it lets the server fetch from private addresses)');
  }
  if (Boolean(env.S3_ACCESS_KEY_ID) !== Boolean(env.S3_SECRET_ACCESS_KEY)) {
    problems.push('S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY must be set together');
  }
  if (env.GOOGLE_CLIENT_ID && !env.GOOGLE_CLIENT_SECRET) {
    problems.push('GOOGLE_CLIENT_SECRET is required when GOOGLE_CLIENT_ID is set (the secret of the same Google OAuth client)');
  }
  if (env.NODE_ENV === 'production' && !env.TOKEN_ENCRYPTION_KEYS) {
    problems.push('TOKEN_ENCRYPTION_KEYS is required when NODE_ENV=production (e.g. `k1:` followed by `openssl rand -base64 32`)');
  }
  problems.push(...platformConfigProblems(env));
  problems.push(...importsConfigProblems(env));
  problems.push(...billingConfigProblems(env));
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
    rateLimitFactor: vars.RATE_LIMIT_FACTOR ?? 1,
    allowedExtensionOrigins: vars.ALLOWED_EXTENSION_ORIGINS ?? null,
    logLevel: vars.LOG_LEVEL ?? 'info',
    google: {
      clientId: vars.GOOGLE_CLIENT_ID,
      clientSecret: vars.GOOGLE_CLIENT_SECRET,
      issuer: vars.GOOGLE_ISSUER ?? GOOGLE_DEFAULTS.issuer,
      authorizeUrl: vars.GOOGLE_AUTHORIZE_URL ?? GOOGLE_DEFAULTS.authorizeUrl,
      tokenUrl: vars.GOOGLE_TOKEN_URL ?? GOOGLE_DEFAULTS.tokenUrl,
      jwksUrl: vars.GOOGLE_JWKS_URL ?? GOOGLE_DEFAULTS.jwksUrl,
      userinfoUrl: vars.GOOGLE_USERINFO_URL ?? GOOGLE_DEFAULTS.userinfoUrl,
      revokeUrl: vars.GOOGLE_REVOKE_URL ?? GOOGLE_DEFAULTS.revokeUrl,
    },
    resendApiKey: vars.RESEND_API_KEY,
    resendBaseUrl: (vars.RESEND_BASE_URL ?? 'https://api.resend.com').replace(/\/+$/, ''),
    emailFrom: vars.EMAIL_FROM ?? 'Minopa <hello@minopa.localhost>',
    jobsEnabled: vars.JOBS_ENABLED ?? true,
    tokenKeys: vars.TOKEN_ENCRYPTION_KEYS ?? [{ id: 'dev', key: Buffer.from(hkdfSync('sha256', secret.value, 'minopa', 'token-encryption', 32)) }],
    platforms: platformConfigFrom(vars),
    imports: importsConfigFrom(vars),
    billing: billingConfigFrom(vars),
    sentryDsn: vars.SENTRY_DSN,
    privacyContactEmail: vars.PRIVACY_CONTACT_EMAIL,
    emailTopics: emailTopicsConfigFrom(vars),
    metricsToken: vars.METRICS_TOKEN,
    shutdownTimeoutMs: vars.SHUTDOWN_TIMEOUT_MS ?? 20_000,
    analytics: analyticsConfigFrom(vars),
    media: {
      dir: join(dataDir, 'media'),
      maxBytes: {
        image: vars.MEDIA_MAX_IMAGE_BYTES ?? 20 * 1024 * 1024,
        video: vars.MEDIA_MAX_VIDEO_BYTES ?? 1024 * 1024 * 1024,
        document: vars.MEDIA_MAX_DOCUMENT_BYTES ?? 100 * 1024 * 1024,
      },
      urlTtlSeconds: vars.MEDIA_URL_TTL_SECONDS ?? 3600,
      fetchTimeoutMs: vars.MEDIA_FETCH_TIMEOUT_MS ?? 15_000,
      fetchAllowedAddresses: vars.MEDIA_FETCH_ALLOWED_ADDRESSES ?? [],
    },
    s3: vars.S3_BUCKET
      ? {
          bucket: vars.S3_BUCKET,
          endpoint: vars.S3_ENDPOINT?.replace(/\/+$/, ''),
          region: vars.S3_REGION ?? 'us-east-1',
          credentials:
            vars.S3_ACCESS_KEY_ID && vars.S3_SECRET_ACCESS_KEY
              ? { accessKeyId: vars.S3_ACCESS_KEY_ID, secretAccessKey: vars.S3_SECRET_ACCESS_KEY }
              : undefined,
          forcePathStyle: vars.S3_FORCE_PATH_STYLE ?? false,
        }
      : undefined,
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
