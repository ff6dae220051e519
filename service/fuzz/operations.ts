import type Router from '@koa/router';
import type { JsonSchema } from './schema-arbitraries.js';

/** One route to fuzz: an OpenAPI operation (its schemas known) or another route of the router (pages, callbacks, webhooks). */
export interface FuzzOperation {
  method: string;
  /** Koa style, `:name` for path parameters. */
  path: string;
  /** The OpenAPI operation, when the route is part of the JSON API description. */
  openApi?: OpenApiOperation;
}

/** The parts of an OpenAPI operation the fuzzer reads. */
export interface OpenApiOperation {
  operationId: string;
  security: unknown[];
  parameters?: { name: string; in: 'path' | 'query' | 'header'; required: boolean; schema: JsonSchema }[];
  requestBody?: { content: Record<string, { schema: JsonSchema }> };
}

/**
 * Routes deliberately left out of the fuzz run, each with the reason. Everything else the router serves
 * is fuzzed: OpenAPI operations with inputs from their schemas, other routes with random parameters.
 */
export const FUZZ_EXCLUSIONS: { prefix: string; reason: string }[] = [
  {
    prefix: '/sandbox/',
    reason:
      "Local simulators of Google, the social networks and the import providers (dev and tests only, never a real user's surface); they answer in each provider's own error format, not Minopa's.",
  },
];

/** Why a route is excluded, or undefined when it is fuzzed. */
export function exclusionOf(path: string): string | undefined {
  return FUZZ_EXCLUSIONS.find((exclusion) => path.startsWith(exclusion.prefix))?.reason;
}

/** Every operation of the OpenAPI document (`{name}` paths turned into `:name`). */
export function openApiOperations(doc: { paths: Record<string, Record<string, OpenApiOperation>> }): FuzzOperation[] {
  return Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, operation]) => ({
      method: method.toUpperCase(),
      path: path.replace(/\{(\w+)\}/g, ':$1'),
      openApi: operation,
    })),
  );
}

/** The router's routes that are not OpenAPI operations (HEAD is GET's twin and left out), excluded ones dropped. */
export function otherRoutes(router: Router<never>, described: FuzzOperation[]): FuzzOperation[] {
  const known = new Set(described.map((operation) => `${operation.method} ${operation.path}`));
  const routes: FuzzOperation[] = [];
  for (const layer of router.stack) {
    for (const method of layer.methods.filter((name) => name !== 'HEAD')) {
      const path = String(layer.path);
      if (known.has(`${method} ${path}`) || exclusionOf(path)) continue;
      known.add(`${method} ${path}`);
      routes.push({ method, path });
    }
  }
  return routes;
}

/** The `:name` parameters of a Koa path. */
export function pathParamNames(path: string): string[] {
  return [...path.matchAll(/:(\w+)/g)].map((match) => match[1]!);
}
