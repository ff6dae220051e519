import { OpenAPIBackend } from 'openapi-backend';
import type { RequestChecker } from './types.js';

/**
 * A request checker built from Google's OAuth2 API description (an OpenAPI file such as
 * ../shared/specs/google-oauth2/openapi.yaml) with openapi-backend. That description covers the
 * oauth2/v2 userinfo and tokeninfo endpoints only — not authorize, token, JWKS or revoke, which no Google
 * Discovery document describes — so those are checked by hand in token.ts. Tests pass the result to the
 * sandbox; `checkResponse` validates what the sandbox answers against the same file.
 */
export async function openApiChecker(specPath: string): Promise<{ checkRequest: RequestChecker; checkResponse: (path: string, body: unknown) => string[] }> {
  const api = new OpenAPIBackend({ definition: specPath, validate: true, strict: false, quick: false });
  await api.init();
  const operationOf = (method: string, path: string) => api.matchOperation({ method, path, headers: {} });
  return {
    checkRequest(request) {
      const operation = operationOf(request.method, request.path);
      if (!operation) return [`${request.method} ${request.path} is not in the spec`];
      const result = api.validateRequest({ method: request.method, path: request.path, headers: request.headers as Record<string, string>, query: request.query as Record<string, string> }, operation);
      return result.valid ? [] : (result.errors ?? []).map((error) => `${error.instancePath} ${error.message ?? ''}`.trim());
    },
    checkResponse(path, body) {
      const operation = operationOf('GET', path);
      if (!operation) return [`GET ${path} is not in the spec`];
      const result = api.validateResponse(body, operation, 200);
      return result.valid ? [] : (result.errors ?? []).map((error) => `${error.instancePath} ${error.message ?? ''}`.trim());
    },
  };
}
