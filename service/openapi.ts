import { isDeepStrictEqual } from 'node:util';
import { z } from 'zod';
import { ErrorBodySchema } from '#shared/api/common.js';
import { type Endpoint, endpoints } from '#shared/api/endpoints.js';
import { ERROR_STATUS, type ErrorCode } from '#shared/error-codes.js';
import { ERRORS } from '#shared/errors.js';

type Json = Record<string, unknown>;

/**
 * The OpenAPI 3.1 description of the JSON API, generated from shared/api/endpoints.ts and the same zod
 * schemas the routes validate with (inputs described as clients send them, io 'input'; responses as
 * the service answers, io 'output'). Named schemas (`.meta({ id })`) become components.
 */
export function buildOpenApi(publicUrl: string): Json {
  const components = new Components();
  components.add(ErrorBodySchema, 'output');
  const paths: Record<string, Record<string, Json>> = {};
  for (const [name, endpoint] of Object.entries(endpoints) as [string, Endpoint][]) {
    const path = endpoint.path.replace(/:(\w+)/g, '{$1}');
    paths[path] ??= {};
    paths[path][endpoint.method.toLowerCase()] = operation(name, endpoint, components);
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Minopa API',
      version: '1',
      description: 'Capture web pages into draft posts of a team workspace. Errors answer `{ error: { code, message, fields? } }`.',
    },
    servers: [{ url: publicUrl }],
    tags: [...new Set(Object.values(endpoints).map((endpoint) => endpoint.tag))].map((tag) => ({ name: tag })),
    paths,
    components: {
      schemas: components.schemas,
      securitySchemes: {
        session: { type: 'http', scheme: 'bearer', description: 'The `mns_…` token from sign-up or log-in; valid 30 days.' },
      },
    },
  };
}

function operation(name: string, endpoint: Endpoint, components: Components): Json {
  const parameters = [
    ...parametersOf(endpoint.params, 'path', components),
    ...parametersOf(endpoint.query, 'query', components),
    ...(endpoint.upload ? [FILENAME_PARAMETER] : []),
  ];
  const success = endpoint.response
    ? { [endpoint.status ?? 200]: { description: 'Success.', content: { 'application/json': { schema: components.add(endpoint.response, 'output') } } } }
    : { 204: { description: 'Done; no content.' } };
  const errors = Object.fromEntries(errorCodesOf(endpoint).map((code) => [ERROR_STATUS[code], errorResponse(code)]));
  return {
    operationId: name,
    summary: endpoint.summary,
    tags: [endpoint.tag],
    security: endpoint.auth === 'none' ? [] : [{ session: [] }],
    ...(parameters.length > 0 ? { parameters } : {}),
    ...(endpoint.body
      ? { requestBody: { required: true, content: { 'application/json': { schema: components.add(endpoint.body, 'input') } } } }
      : {}),
    ...(endpoint.upload ? { requestBody: UPLOAD_BODY } : {}),
    responses: { ...success, ...errors },
  };
}

function parametersOf(schema: z.ZodType | undefined, where: 'path' | 'query', components: Components): Json[] {
  if (!schema) return [];
  const json = components.add(schema, 'input') as { properties?: Record<string, Json>; required?: string[] };
  return Object.entries(json.properties ?? {}).map(([name, property]) => ({
    name,
    in: where,
    required: where === 'path' || (json.required ?? []).includes(name),
    schema: property,
    ...(typeof property.description === 'string' ? { description: property.description } : {}),
  }));
}

/** The failures an endpoint can answer with, derived from what it does (auth, input, role). */
function errorCodesOf(endpoint: Endpoint): ErrorCode[] {
  const codes: ErrorCode[] = ['internal_error'];
  if (endpoint.body || endpoint.query) codes.push('validation_failed');
  if (endpoint.body) codes.push('payload_too_large', 'unsupported_media_type');
  if (endpoint.auth !== 'none') codes.push('unauthenticated');
  if (endpoint.auth === 'member') codes.push('forbidden');
  if (endpoint.params) codes.push('not_found');
  if (endpoint.path.endsWith('/sign-up')) codes.push('email_taken');
  if (endpoint.path.endsWith('/log-in')) codes.push('rate_limited');
  if (endpoint.upload) codes.push('media_empty', 'media_too_large', 'media_type_not_allowed', 'media_unreadable');
  if (endpoint.method === 'DELETE' && endpoint.path.endsWith('/media/:mediaId')) codes.push('media_in_use');
  if (endpoint.path.endsWith('/capture-media')) codes.push('capture_media_not_needed');
  // What adds to a plan limit: members (invitations), scheduled posts, media storage.
  if (/^(POST|PUT)$/.test(endpoint.method) && /\/(invitations|posts\/:postId\/(re)?schedule|media|media\/uploads(\/:uploadId)?)$/.test(endpoint.path)) codes.push('plan_limit_reached');
  if (endpoint.path.includes('/billing/')) codes.push('billing_disabled', 'billing_unavailable');
  return codes;
}

/** Raw uploads: the file's bytes are the body, whatever its Content-Type (the type is read from the bytes). */
const UPLOAD_BODY: Json = {
  required: true,
  description: "The file's bytes, streamed. The Content-Type is not trusted: the type is read from the bytes. Send Content-Length to be refused at once when too large.",
  content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } },
};

const FILENAME_PARAMETER: Json = {
  name: 'X-Filename',
  in: 'header',
  required: false,
  schema: { type: 'string', maxLength: 1024 },
  description: "The file's name, percent-encoded UTF-8 (kept for display and downloads only).",
};

function errorResponse(code: ErrorCode): Json {
  return {
    description: `Failure, e.g. \`${code}\`: ${ERRORS[code].message}`,
    content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
  };
}

/** Collects named schemas as components, with `$ref`s pointing at them. */
class Components {
  readonly schemas: Record<string, Json> = {};

  /** The JSON Schema of `schema` (a `$ref` when it is named); its named parts are hoisted into components. */
  add(schema: z.ZodType, io: 'input' | 'output'): Json {
    const json = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as Json & { $defs?: Record<string, Json> };
    const { $defs = {}, $schema: _ignored, ...root } = json;
    for (const [id, definition] of Object.entries($defs)) {
      const rewritten = rewriteRefs(definition);
      const existing = this.schemas[id];
      if (existing && !isDeepStrictEqual(existing, rewritten)) {
        throw new Error(`Schema "${id}" has different input and output shapes; give one of them another id.`);
      }
      this.schemas[id] = rewritten;
    }
    return rewriteRefs(root);
  }
}

function rewriteRefs(json: Json): Json {
  return JSON.parse(JSON.stringify(json).replaceAll('"#/$defs/', '"#/components/schemas/')) as Json;
}
