import type { Knex } from 'knex';
import type { EndpointName, Endpoints, InputOf, ResponseOf } from '#shared/api/endpoints.js';
import type { Language } from '#shared/i18n.js';
import type { Config } from '../config.js';
import type { MemberAuth, SessionAuth } from '../context.js';
import type { ClientInfo } from '../lib/client-info.js';
import type { Logger } from '../logger.js';
import type { DeferredAuth } from '../middleware/auth.js';
import type { UploadBody } from '../middleware/upload-body.js';
import type { BlobStorage } from '../storage/index.js';

type AuthOf<N extends EndpointName> = Endpoints[N]['auth'] extends 'member'
  ? MemberAuth
  : Endpoints[N]['auth'] extends 'session'
    ? SessionAuth
    : undefined;

type UploadOf<N extends EndpointName> = Endpoints[N] extends { upload: 'binary' } ? UploadBody : undefined;

/** Everything a route handler gets: validated input, who is calling, and the service's dependencies. */
export interface HandlerContext<N extends EndpointName> {
  input: InputOf<N>;
  auth: AuthOf<N>;
  /** Endpoints in DEFERRED_AUTH: the check their action makes in its own statement (see middleware/auth.ts). */
  deferredAuth?: DeferredAuth;
  knex: Knex;
  config: Config;
  log: Logger;
  client: ClientInfo;
  /** The request's language (Accept-Language), for stored sentences a presenter picks from. */
  language: Language;
  storage: BlobStorage;
  /** `upload: 'binary'` endpoints: the request body as a stream, not yet read. */
  upload: UploadOf<N>;
  /** Set to answer with another success status than the endpoint's (e.g. 200 for a repeated capture). */
  status?: 200 | 201 | 202;
}

/** Calls one action and returns a presenter's output: the endpoint's response (undefined for 204). */
export type Handler<N extends EndpointName> = (context: HandlerContext<N>) => Promise<ResponseOf<N>>;

/** One handler per endpoint: TypeScript reports any endpoint of shared/api/endpoints.ts without one. */
export type Handlers = { [N in EndpointName]: Handler<N> };
