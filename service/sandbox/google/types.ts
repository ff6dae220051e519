import type Router from '@koa/router';
import type { AppState } from '../../context.js';
import type { JWTPayload } from 'jose';
import type { SandboxPerson } from './people.js';

/** An OAuth client registered at the sandbox. */
export interface SandboxClient {
  clientId: string;
  clientSecret: string;
  redirectUris: string[];
}

/** What the sandbox asks of a request checker (see spec-check.ts). */
export type RequestChecker = (request: { method: string; path: string; headers: Record<string, string | string[] | undefined>; query: Record<string, unknown> }) => string[];

/** How a sandbox is made. */
export interface GoogleSandboxOptions {
  /** The issuer and base URL, e.g. http://localhost:8787/sandbox/google (no trailing slash). */
  issuer: string;
  /** Where the routes live on the server: '/sandbox/google' mounted in the service, '' standalone. */
  basePath: string;
  clients: SandboxClient[];
  /** Keys the consent form's CSRF token (random unless given). */
  secret?: string;
  /** Checks requests the OpenAPI spec describes (tests; see spec-check.ts). Returns problems, or []. */
  checkRequest?: RequestChecker;
}

/** A running sandbox: its routes plus what tests may inspect or bend. */
export interface GoogleSandbox {
  router: Router<AppState>;
  issuer: string;
  /** The query of every authorization request, in order (e.g. to check the scope asked for, P2). */
  authorizeRequests: Record<string, string>[];
  /** Every token request's form fields (client_secret removed). */
  tokenRequests: Record<string, string>[];
  /** Access tokens revoked through the revoke endpoint, in order. */
  revokedTokens: string[];
  /** Made-up people by email; set one to control its claims (e.g. emailVerified: false). */
  people: Map<string, SandboxPerson>;
  /** Rewrites the claims of the next ID tokens (tests of nonce, aud, iss checks); null for none. */
  tamper: ((claims: JWTPayload) => JWTPayload) | null;
  /** Signs ID tokens with another key under the published key's id: a forged signature (tests of the signature check). */
  signWithUnlistedKey: boolean;
}
