import fc from 'fast-check';
import { type FuzzOperation, pathParamNames } from './operations.js';
import { type JsonSchema, type SchemaComponents, hugeString, invalidValue, oddString, oddTextValue, validValue } from './schema-arbitraries.js';

/**
 * One generated request, symbolic where it names things that exist (`{ existing: 'postId' }`): the
 * things are made at run time, so the same seed gives the same requests whatever their ids are.
 */
export interface FuzzRequest {
  auth: 'user' | 'none' | { garbage: string };
  path: Record<string, PathValue>;
  query: [string, string][];
  /** `image`: the world's real image file (uploads that should succeed). */
  body?: { json: unknown } | { text: string; contentType: string } | { bytes: Uint8Array; contentType: string } | { image: true; contentType: string };
  headers: Record<string, string>;
}

/** A path parameter: a real thing of the world by name (`otherwise` when it has none of that kind), or text as sent. */
export type PathValue = { existing: string; otherwise: string } | { raw: string };

/** Names of the query parameters and form fields pages, callbacks and webhooks read (the rest are random). */
const PAGE_FIELDS = ['token', 'code', 'state', 'error', 'scope', 'intent', 'redirect_uri', 'result', 'sig', 'expires', 'kind', 'session_id', 'password', 'accountId', 'accountIds', 'csrf'];

/**
 * What the fuzzer sends to `operation`: half the time a well-formed request (the signed-in user, real
 * ids, inputs valid by the schemas), so the handlers' real work is reached; otherwise anything: another
 * or no token, random ids, broken and hostile inputs.
 */
export function requestArbitrary(operation: FuzzOperation, components: SchemaComponents): fc.Arbitrary<FuzzRequest> {
  const parameters = operation.openApi?.parameters ?? [];
  const pathSchemas = Object.fromEntries(parameters.filter((parameter) => parameter.in === 'path').map((parameter) => [parameter.name, parameter.schema]));
  const names = pathParamNames(operation.path);
  const queryParameters = parameters.filter((parameter) => parameter.in === 'query');
  const wellFormed = fc.record({
    auth: fc.constant('user' as const),
    path: fc.record(Object.fromEntries(names.map((name) => [name, existing(name, pathSchemas[name], components)]))),
    query: operation.openApi ? validQuery(queryParameters, components) : pageQuery(),
    body: bodyArbitrary(operation, components, 'valid'),
    headers: headersArbitrary(operation),
  });
  const anything = fc.record({
    auth: fc.oneof(
      { weight: 6, arbitrary: fc.constant('user' as const) },
      { weight: 1, arbitrary: fc.constant('none' as const) },
      { weight: 1, arbitrary: headerText().map((garbage) => ({ garbage })) },
    ),
    path: fc.record(Object.fromEntries(names.map((name) => [name, pathValue(name, pathSchemas[name], components)]))),
    query: operation.openApi ? fc.oneof(validQuery(queryParameters, components), invalidQuery(queryParameters)) : pageQuery(),
    body: bodyArbitrary(operation, components, 'any'),
    headers: headersArbitrary(operation),
  });
  return fc.oneof(wellFormed, anything);
}

/** The real thing the parameter names, or (when the world has none of that kind) a value valid by its schema. */
function existing(name: string, schema: JsonSchema | undefined, components: SchemaComponents): fc.Arbitrary<PathValue> {
  return (schema ? validValue(schema, components) : fc.uuid()).map((value) => ({ existing: name, otherwise: encodeSegment(String(value)) }));
}

function pathValue(name: string, schema: JsonSchema | undefined, components: SchemaComponents): fc.Arbitrary<PathValue> {
  const raw = (value: fc.Arbitrary<unknown>) => value.map((inner) => ({ raw: encodeSegment(String(inner)) }));
  return fc.oneof(
    { weight: 3, arbitrary: existing(name, schema, components) },
    { weight: 2, arbitrary: schema ? raw(validValue(schema, components)) : raw(fc.uuid()) },
    { weight: 1, arbitrary: raw(fc.uuid()) },
    { weight: 1, arbitrary: raw(fc.oneof(oddString(), fc.string({ maxLength: 300 }), fc.integer())) },
    // Sent as is: broken percent-encoding and dot segments reach the router's decoding.
    { weight: 1, arbitrary: fc.constantFrom('%', '%zz', '%E0%A4%A', '%00', '%2e%2e', '%C0%AF', 'a%2Fb', '..%2F..%2F').map((value) => ({ raw: value })) },
  );
}

/** A path segment as a client would encode it. */
function encodeSegment(value: string): string {
  return encodeURIComponent(wellFormed(value));
}

/** `text` with lone surrogates (which UTF-8 cannot carry, so no client can send them) replaced by U+FFFD. */
export function wellFormed(text: string): string {
  return text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
}

function validQuery(parameters: { name: string; required: boolean; schema: JsonSchema }[], components: SchemaComponents): fc.Arbitrary<[string, string][]> {
  return fc
    .tuple(
      ...parameters.map((parameter) =>
        fc.option(validValue(parameter.schema, components).map((value) => [parameter.name, queryText(value)] as [string, string]), {
          nil: undefined,
          freq: parameter.required ? 10 : 2,
        }),
      ),
    )
    .map((entries) => entries.filter((entry): entry is [string, string] => entry !== undefined));
}

function invalidQuery(parameters: { name: string }[]): fc.Arbitrary<[string, string][]> {
  const names = parameters.length > 0 ? fc.oneof(fc.constantFrom(...parameters.map((parameter) => parameter.name)), fc.string({ maxLength: 10 })) : fc.string({ maxLength: 10 });
  // Long values, but the whole address stays under the 16 KB Node allows for a request line and headers (beyond it Node itself answers 431).
  const values = fc.oneof(oddString(), hugeString().map((text) => text.slice(0, 400)), fc.constantFrom('', '-1', 'NaN', '1e999', 'null', '[]'));
  return fc.array(fc.tuple(names, values), { maxLength: 4 });
}

function pageQuery(): fc.Arbitrary<[string, string][]> {
  const names = fc.oneof(fc.constantFrom(...PAGE_FIELDS), fc.string({ maxLength: 10 }));
  return fc.array(fc.tuple(names, fc.oneof(fc.string({ maxLength: 80 }), oddString(), fc.uuid())), { maxLength: 5 });
}

/** How a JSON value travels in a query string (arrays would be repeated keys; here, comma joined). */
function queryText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.map(String).join(',');
  return typeof value === 'object' && value !== null ? JSON.stringify(value) : String(value);
}

function bodyArbitrary(operation: FuzzOperation, components: SchemaComponents, mode: 'valid' | 'any'): fc.Arbitrary<FuzzRequest['body']> {
  const content = operation.openApi?.requestBody?.content ?? {};
  const wrongFormats = fc.oneof(
    fc.constantFrom('{', '{"a":', 'null', '[]', '"text"', '', '\u0000', '{"a":1}{"b":2}').map((text) => ({ text, contentType: 'application/json' })),
    fc.string({ maxLength: 200 }).map((text) => ({ text, contentType: 'text/plain' })),
    fc.uint8Array({ maxLength: 200 }).map((bytes) => ({ bytes, contentType: 'application/json' })),
    // Nesting far deeper than any value this process could serialize: what a recursive parser or validator chokes on.
    fc.constantFrom('[', '{"a":').map((open) => ({ text: open.repeat(100_000), contentType: 'application/json' })),
    fc.constant({ text: `${'['.repeat(50_000)}${']'.repeat(50_000)}`, contentType: 'application/json' }),
  );
  if (content['application/json']) {
    const schema = content['application/json'].schema;
    if (mode === 'valid') return fc.oneof(validValue(schema, components), oddTextValue(schema, components)).map((json) => ({ json }));
    return fc.oneof(
      { weight: 4, arbitrary: validValue(schema, components).map((json) => ({ json })) },
      { weight: 4, arbitrary: invalidValue(schema, components).map((json) => ({ json })) },
      { weight: 1, arbitrary: wrongFormats },
      { weight: 1, arbitrary: fc.constant(undefined) },
    );
  }
  if (content['application/octet-stream']) {
    // Raw uploads: random bytes, sometimes starting like a real image, under whatever type the client claims.
    const magic = fc.constantFrom(new Uint8Array(), Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a), Uint8Array.of(0xff, 0xd8, 0xff, 0xe0), Buffer.from('GIF89a'), Buffer.from('%PDF-1.4\n'));
    const bytes = fc.tuple(magic, fc.uint8Array({ maxLength: 4_096 })).map(([start, rest]) => Uint8Array.from([...start, ...rest]));
    if (mode === 'valid') return fc.constantFrom('image/png', 'application/octet-stream').map((contentType) => ({ image: true as const, contentType }));
    return fc.oneof(
      { weight: 5, arbitrary: fc.record({ bytes, contentType: fc.constantFrom('image/png', 'image/jpeg', 'image/*', 'video/mp4', 'application/octet-stream', 'application/json', 'text/plain') }) },
      { weight: 1, arbitrary: fc.constant(undefined) },
    );
  }
  if (operation.method === 'GET' || operation.method === 'DELETE' || (operation.openApi && mode === 'valid')) return fc.constant(undefined);
  if (operation.openApi) {
    // An operation without a body: sending one anyway must not matter.
    return fc.option(fc.oneof(wrongFormats, fc.jsonValue({ maxDepth: 2 }).map((json) => ({ json }))), { freq: 3 }).map((body) => body ?? undefined);
  }
  // Pages, callbacks and webhooks: HTML forms, JSON and junk.
  const form = fc
    .array(fc.tuple(fc.oneof(fc.constantFrom(...PAGE_FIELDS), fc.string({ maxLength: 10 })), fc.oneof(fc.string({ maxLength: 80 }), oddString(), fc.uuid())), { maxLength: 6 })
    .map((entries) => ({ text: new URLSearchParams(entries.map(([key, value]): [string, string] => [wellFormed(key), wellFormed(value)])).toString(), contentType: 'application/x-www-form-urlencoded' }));
  return fc.oneof(form, wrongFormats, fc.jsonValue({ maxDepth: 3 }).map((json) => ({ json })), fc.constant(undefined));
}

function headersArbitrary(operation: FuzzOperation): fc.Arbitrary<Record<string, string>> {
  const takesFile = Boolean(operation.openApi?.parameters?.some((parameter) => parameter.name === 'X-Filename'));
  return fc.record(
    {
      // Every request from its own address, so the rate limits of sign-up and log-in do not turn the run into 429s.
      'x-forwarded-for': fc.oneof({ weight: 9, arbitrary: fc.ipV4() }, { weight: 1, arbitrary: fc.oneof(fc.ipV6(), headerText()) }),
      'accept-language': fc.constantFrom('en', 'de', 'de-DE,de;q=0.9', '*', 'xx;q=abc'),
      ...(takesFile ? { 'x-filename': fc.oneof(headerText(), fc.string({ unit: 'grapheme', maxLength: 40 }).map(encodeURIComponent), fc.constantFrom('%', '%E0%A4%A', '..%2F..%2Fpasswd', '%00.png')) } : {}),
      'stripe-signature': headerText(),
    },
    { requiredKeys: ['x-forwarded-for'] },
  );
}

/** Printable ASCII, as a header value must be. */
function headerText(): fc.Arbitrary<string> {
  return fc.string({ unit: 'binary-ascii', maxLength: 80 }).map((text) => text.replace(/[^\x20-\x7e]/g, '').trim());
}
