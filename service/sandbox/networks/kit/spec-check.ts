import { OpenAPIBackend } from 'openapi-backend';

/** A request as a simulator saw it, relative to the API base the spec's paths start from. */
export interface CheckedRequest {
  method: string;
  /** Path below the API base, e.g. '/2/tweets' for X or '/pins' for Pinterest. */
  path: string;
  query: Record<string, unknown>;
  headers: Record<string, string | string[] | undefined>;
  /** Parsed JSON (or form) body, when there is one. */
  body?: unknown;
}

/** Problems with a request, in the spec's words; [] when the spec accepts it. */
export type SpecChecker = (request: CheckedRequest) => string[];

/**
 * A checker built with openapi-backend from a vendor's official OpenAPI file (../shared/specs/…): the
 * simulator refuses, with 400, whatever the spec refuses — unknown operation, missing or ill-typed
 * parameters, a body that breaks the schema. Loaded once per file (parsing the X spec takes a while).
 */
export async function loadSpecChecker(specPath: string): Promise<SpecChecker> {
  let api = cache.get(specPath);
  if (!api) {
    api = (async () => {
      // quick: skip openapi-backend's meta-validation of the document. The vendors' files (X, Pinterest,
      // YouTube) all fail it on schema nits, and a failed meta-validation leaves the router empty, so
      // every request would read as "not an operation of the spec". Requests are still validated.
      const backend = new OpenAPIBackend({ definition: specPath, validate: true, strict: false, quick: true, ajvOpts: { strict: false } });
      await backend.init();
      return backend;
    })();
    cache.set(specPath, api);
  }
  const backend = await api;
  return (request) => {
    const operation = backend.matchOperation({ method: request.method, path: request.path, headers: {} });
    if (!operation) return [`${request.method} ${request.path} is not an operation of the spec`];
    const headers = Object.fromEntries(Object.entries(request.headers).map(([name, value]) => [name, Array.isArray(value) ? value.join(', ') : (value ?? '')]));
    const result = backend.validateRequest(
      { method: request.method, path: request.path, headers, query: request.query as Record<string, string>, body: request.body },
      operation,
    );
    return result.valid ? [] : (result.errors ?? []).map((error) => `${error.instancePath || '(request)'} ${error.message ?? ''}`.trim());
  };
}

const cache = new Map<string, Promise<OpenAPIBackend>>();
