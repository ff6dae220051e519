import Router from '@koa/router';
import type { AppState } from '../../../context.js';
import { createDirectory } from '../kit/directory.js';
import { applyFaults, createFaultPlan } from '../kit/faults.js';
import { simBody } from '../kit/standalone.js';
import type { NetworkSimulator, SimulatorOptions } from '../kit/types.js';
import { graphFaultBody } from './graph-error.js';
import { createMetaTokens, type MetaTokens } from './tokens.js';

/** Meta's token lifetimes (reference §2, §3, §5): short-lived about an hour, long-lived about 60 days. */
const SHORT_TTL_SECONDS = 3600;
const LONG_TTL_SECONDS = 60 * 24 * 3600;

/** A Graph-style simulator under construction: the kit's parts plus Meta's token families. */
export interface MetaSimulatorBase {
  sim: NetworkSimulator;
  router: Router<AppState>;
  tokens: MetaTokens;
}

/**
 * What Facebook, Instagram and Threads simulators share: a router below `basePath`, the directory of
 * made-up people, Meta's token families (SimulatorOptions.accessTtlSeconds sets the long-lived one),
 * Graph-style body parsing, and the fault plan in front of every path in `apiPrefixes`, answering with
 * Graph's own error bodies.
 */
export function createMetaSimulatorBase(options: SimulatorOptions, apiPrefixes: string[]): MetaSimulatorBase {
  const router = new Router<AppState>(options.basePath ? { prefix: options.basePath } : {});
  const tokens = createMetaTokens({ clients: options.clients, shortTtlSeconds: SHORT_TTL_SECONDS, longTtlSeconds: options.accessTtlSeconds ?? LONG_TTL_SECONDS });
  const sim: NetworkSimulator = {
    router,
    store: tokens.store,
    directory: createDirectory(options.baseUrl),
    faults: createFaultPlan(),
    posts: [],
    specViolations: [],
  };
  for (const prefix of apiPrefixes) router.use(prefix, simBody(), applyFaults(sim.faults, graphFaultBody));
  return { sim, router, tokens };
}

/** Numbers a simulated post "earns", stable per id so tests can compare runs. */
export function simulatedEngagement(id: string): { likes: number; comments: number; shares: number; views: number } {
  let hash = 0;
  for (const char of id) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return { likes: hash % 97, comments: hash % 13, shares: hash % 7, views: 100 + (hash % 900) };
}

/** A numeric-looking Graph id, unique within this process. */
export function graphId(): string {
  return `${Date.now()}${Math.floor(Math.random() * 1e6)
    .toString()
    .padStart(6, '0')}`;
}
