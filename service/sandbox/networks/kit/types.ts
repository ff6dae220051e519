import type Router from '@koa/router';
import type { AppState } from '../../../context.js';
import type { Directory } from './directory.js';
import type { FaultPlan } from './faults.js';
import type { OAuthStore, SimClient } from './oauth-store.js';
import type { SpecChecker } from './spec-check.js';

/** How every network simulator is made (service/sandbox/networks/<id>/index.ts exports `create<Name>Simulator`). */
export interface SimulatorOptions {
  /** The simulator's public base address, no trailing slash: PUBLIC_URL/sandbox/networks/<id> in the service, the standalone URL in tests. */
  baseUrl: string;
  /** Where its routes live on the server: '/sandbox/networks/<id>' mounted in the service, '' standalone. */
  basePath: string;
  clients: SimClient[];
  /** Official-spec checks (X, Pinterest, YouTube); a request the spec refuses gets 400. */
  checkRequest?: SpecChecker;
  /** Access token lifetime; default the network's own. */
  accessTtlSeconds?: number;
}

/** A published item as the simulator keeps it; tests count these to prove "never twice". */
export interface SimPost {
  id: string;
  /** The simulated person or page it was published as. */
  author: string;
  text: string;
  media: string[];
  createdAt: Date;
  /** Anything network-specific (board id, privacy, reply-to, container id …). */
  extra?: Record<string, unknown>;
}

/** A running simulator: its routes plus what tests inspect and bend. */
export interface NetworkSimulator {
  router: Router<AppState>;
  store: OAuthStore;
  directory: Directory;
  faults: FaultPlan;
  /** Everything published, in order. */
  posts: SimPost[];
  /** Requests the spec checker refused (tests assert this stays empty for our client). */
  specViolations: string[];
}
