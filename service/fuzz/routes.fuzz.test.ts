import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOpenApi } from '../openapi.js';
import { buildRouter } from '../routes/index.js';
import { createLogger } from '../logger.js';
import { createTestApp, type TestApp, testConfig } from '../testing/test-app.js';
import { FUZZ_EXCLUSIONS, type FuzzOperation, type OpenApiOperation, openApiOperations, otherRoutes } from './operations.js';
import { requestArbitrary } from './requests.js';
import type { SchemaComponents } from './schema-arbitraries.js';
import { describe as describeRequest, problemsOf, resolve, send } from './send.js';
import { buildWorld, type World, worldIsIntact } from './world.js';

/**
 * Fuzzes every route of the service with fast-check: the JSON API's operations with inputs derived from
 * the OpenAPI description (valid by the schemas and broken on purpose), the other routes (pages,
 * callbacks, the Stripe webhook) with random parameters, forms and junk. Whatever arrives: never a 5xx,
 * never a hang, and every 4xx a stable code with a sentence. FUZZ_RUNS raises the runs per route,
 * FUZZ_SEED replays a run (the seed is printed).
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 20);
const SEED = Number(process.env.FUZZ_SEED ?? 20_261_128);
if (!Number.isInteger(RUNS) || RUNS < 1 || !Number.isInteger(SEED)) throw new Error('FUZZ_RUNS must be a whole number of at least 1 and FUZZ_SEED a whole number.');

type Doc = { paths: Record<string, Record<string, OpenApiOperation>>; components: { schemas: SchemaComponents } };
// The same function serves /api/v1/openapi.json; built here too so the routes are known when tests are declared.
const doc = buildOpenApi(testConfig().publicUrl) as unknown as Doc;
const described = openApiOperations(doc);
// The router is only read for its routes; nothing is served by this one.
const router = buildRouter({ config: testConfig(), db: { knex: undefined, kind: 'postgres', close: async () => {} } as never, storage: undefined as never, logger: createLogger({ level: 'error', write: () => {} }) });
const others = otherRoutes(router as never, described);

let app: TestApp;
/** Statuses answered, per route: printed at the end, and proof that valid inputs get through to the handlers. */
const statuses = new Map<string, number[]>();
let world: World | undefined;
/** Set after a request that may have changed the world (signed out, deleted a draft…): check it before the next route. */
let worldMayHaveChanged = false;

beforeAll(async () => {
  console.info(`fuzz: seed ${SEED}, ${RUNS} runs per route (FUZZ_SEED=… to replay, FUZZ_RUNS=… for more); ${described.length} API operations, ${others.length} other routes; left out: ${FUZZ_EXCLUSIONS.map((exclusion) => `${exclusion.prefix}… (${exclusion.reason})`).join('; ')}`);
  app = await createTestApp();
  const served = await app.request('GET', '/api/v1/openapi.json');
  expect(served.body).toEqual(JSON.parse(JSON.stringify(doc)));
});
afterAll(async () => {
  const lines = [...statuses].map(([route, answered]) => `${route}: ${[...new Set(answered)].sort().join(' ')}`);
  console.info(`fuzz: statuses answered per route\n${lines.join('\n')}`);
  await app?.close();
});

async function currentWorld(): Promise<World> {
  if (world && worldMayHaveChanged && !(await worldIsIntact(app, world))) world = undefined;
  worldMayHaveChanged = false;
  world ??= await buildWorld(app);
  return world;
}

async function fuzz(operation: FuzzOperation): Promise<void> {
  // Checked (and rebuilt when broken) once per route: within a route's runs, what one run deletes stays deleted.
  const current = await currentWorld();
  const property = fc.asyncProperty(requestArbitrary(operation, doc.components.schemas), async (request) => {
    const { url, init } = resolve(operation, request, current);
    let response;
    try {
      response = await send(app.url, url, init);
    } catch (error) {
      throw new Error(`${describeRequest(operation, url, init, request)}\n  failed: ${(error as Error).message}`);
    }
    if (operation.method !== 'GET' && response.status < 400) worldMayHaveChanged = true;
    const key = `${operation.method} ${operation.path}`;
    statuses.set(key, [...(statuses.get(key) ?? []), response.status]);
    const problems = problemsOf(operation, response);
    if (problems.length > 0) {
      throw new Error(`${describeRequest(operation, url, init, request)}\n  answered: ${response.status} ${response.text.slice(0, 600)}\n  wrong: ${problems.join('; ')}`);
    }
  });
  await fc.assert(property, { seed: SEED, numRuns: RUNS });
}

describe('fuzzing the JSON API (inputs from the OpenAPI description)', () => {
  it('covers every operation of the description, none of them excluded', () => {
    expect(described.length).toBe(Object.values(doc.paths).flatMap((methods) => Object.keys(methods)).length);
    for (const operation of described) expect(FUZZ_EXCLUSIONS.some((exclusion) => operation.path.startsWith(exclusion.prefix))).toBe(false);
  });

  for (const operation of described) {
    it(`${operation.method} ${operation.path}`, () => fuzz(operation), 300_000);
  }

  // Without this, a broken world (a token that stopped working, ids of deleted things) would turn the run
  // into 401s and 404s that pass while testing nothing.
  it('got past authentication and lookups into the handlers: most operations answered a success at least once', (context) => {
    const fuzzed = described.filter((operation) => statuses.has(`${operation.method} ${operation.path}`));
    if (fuzzed.length < described.length) context.skip(); // only some routes were picked (-t)
    const succeeded = fuzzed.filter((operation) => statuses.get(`${operation.method} ${operation.path}`)!.some((status) => status < 300));
    expect(succeeded.length).toBeGreaterThan(described.length / 2);
  });
});

describe('fuzzing the other routes (pages, OAuth callbacks, webhooks)', () => {
  it('finds them in the router', () => {
    const paths = others.map((operation) => `${operation.method} ${operation.path}`);
    expect(paths).toEqual(expect.arrayContaining(['GET /api/v1/auth/google/callback', 'POST /api/v1/billing/webhooks/stripe', 'GET /healthz']));
  });

  for (const operation of others) {
    it(`${operation.method} ${operation.path}`, () => fuzz(operation), 300_000);
  }
});
