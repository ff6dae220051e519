import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Endpoint, endpoints as table } from '#shared/api/endpoints.js';
import { ERROR_CODES } from '#shared/error-codes.js';
import { createTestApp, type TestApp } from './testing/test-app.js';

const endpoints: Record<string, Endpoint> = table;

let app: TestApp;
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a JSON document read loosely; expect() checks it
let doc: any;

beforeAll(async () => {
  app = await createTestApp();
  const response = await app.request('GET', '/api/v1/openapi.json');
  expect(response.status).toBe(200);
  doc = response.body;
});
afterAll(() => app.close());

/** Every `$ref` in a JSON value. */
function refs(value: unknown, found: string[] = []): string[] {
  if (Array.isArray(value)) value.forEach((item) => refs(item, found));
  else if (value && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) {
      if (key === '$ref' && typeof inner === 'string') found.push(inner);
      else refs(inner, found);
    }
  }
  return found;
}

describe('GET /api/v1/openapi.json', () => {
  it('is an OpenAPI 3.1 document with the bearer security scheme and the Error schema', () => {
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.info).toMatchObject({ title: 'Minopa API', version: expect.any(String) });
    expect(doc.components.securitySchemes.session).toEqual(expect.objectContaining({ type: 'http', scheme: 'bearer' }));
    expect(doc.components.schemas.Error.properties.error.properties.code.enum).toEqual(ERROR_CODES);
  });

  it('lists every endpoint of shared/api/endpoints.ts, with its operationId and security', () => {
    for (const [name, endpoint] of Object.entries(endpoints)) {
      const path = endpoint.path.replace(/:(\w+)/g, '{$1}');
      const operation = doc.paths[path]?.[endpoint.method.toLowerCase()];
      expect(operation, `${endpoint.method} ${path}`).toBeDefined();
      expect(operation.operationId).toBe(name);
      expect(operation.security).toEqual(endpoint.auth === 'none' ? [] : [{ session: [] }]);
      const success = endpoint.response ? String(endpoint.status ?? 200) : '204';
      expect(Object.keys(operation.responses)).toContain(success);
      for (const [status, response] of Object.entries<{ content: Record<string, { schema: unknown }> }>(operation.responses)) {
        if (Number(status) >= 400) expect(response.content['application/json']!.schema).toEqual({ $ref: '#/components/schemas/Error' });
      }
    }
    const operations = Object.values<Record<string, unknown>>(doc.paths).flatMap((methods) => Object.keys(methods));
    expect(operations).toHaveLength(Object.keys(endpoints).length);
  });

  it('describes inputs as clients send them: path and query parameters, request bodies', () => {
    const capture = doc.paths['/api/v1/workspaces/{workspaceId}/captures'].post;
    expect(capture.parameters).toEqual([expect.objectContaining({ name: 'workspaceId', in: 'path', required: true })]);
    expect(capture.requestBody.content['application/json'].schema).toEqual({ $ref: '#/components/schemas/CaptureInput' });
    expect(doc.components.schemas.CaptureInput.required).toEqual(['clientId', 'kind']);
    const list = doc.paths['/api/v1/workspaces/{workspaceId}/posts'].get;
    expect(list.parameters).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: 'limit', in: 'query', required: false }),
        expect.objectContaining({ name: 'status', in: 'query', required: false }),
      ]),
    );
  });

  it('has no dangling $ref', () => {
    for (const ref of refs(doc)) {
      const name = ref.replace('#/components/schemas/', '');
      expect(ref.startsWith('#/components/schemas/') && doc.components.schemas[name], ref).toBeTruthy();
    }
  });
});
