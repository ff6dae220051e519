import type { ErrorReporter } from './lib/error-reporting.js';
import type { ParameterizedContext, Middleware } from 'koa';
import type { Role } from '#shared/roles.js';
import type { Config } from './config.js';
import type { Database } from './db.js';
import type { Logger } from './logger.js';
import type { DeferredAuth } from './middleware/auth.js';
import type { BlobStorage } from './storage/index.js';

/** What the app is built from; `createApp` takes these, tests pass their own. */
export interface AppDeps {
  config: Config;
  db: Database;
  logger: Logger;
  /** Media files: local disk or an S3-compatible bucket. */
  storage: BlobStorage;
  /** Where unexpected errors are reported besides the log (Sentry, when SENTRY_DSN is set). */
  errorReporter?: ErrorReporter;
}

/** The signed-in person behind a request (`auth: 'session'` endpoints). */
export interface SessionAuth {
  sessionId: string;
  user: { id: string; firstName: string; lastName: string };
}

/** A signed-in person who is a member of the URL's workspace (`auth: 'member'` endpoints). */
export interface MemberAuth extends SessionAuth {
  workspaceId: string;
  role: Role;
}

/** Per-request state set by the middleware. */
export interface AppState {
  requestId: string;
  /** The logger bound to this request's id. */
  log: Logger;
  auth?: SessionAuth | MemberAuth;
  /** Set instead of `auth` on endpoints whose action checks the session in its own statement. */
  deferredAuth?: DeferredAuth;
  /** The parsed JSON body (undefined when the request had none). */
  body?: unknown;
  /** Validated input, shaped by the endpoint's schemas. */
  input?: { params: unknown; query: unknown; body: unknown };
}

export type AppContext = ParameterizedContext<AppState>;
export type AppMiddleware = Middleware<AppState>;
