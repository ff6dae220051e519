import fc from 'fast-check';

/** A JSON Schema node of the OpenAPI document, read loosely (the document is generated, not typed). */
export type JsonSchema = { [keyword: string]: unknown };

/** The document's `components.schemas`, to follow `$ref`s. */
export type SchemaComponents = Record<string, JsonSchema>;

/** Beyond this depth a schema value is cut short (null), so a self-referring schema cannot recurse forever. */
const MAX_DEPTH = 8;
/** Arrays and free strings stay small in valid values: the runs are about shapes, not volume. */
const MAX_ITEMS = 4;
const MAX_FREE_LENGTH = 40;

/**
 * Values that satisfy `schema` (as far as JSON Schema says; zod refinements the document cannot express,
 * such as trimming, may still refuse some, which is fine: the service must then answer a 4xx).
 */
export function validValue(schema: JsonSchema, components: SchemaComponents, depth = 0, key?: string): fc.Arbitrary<unknown> {
  if (depth > MAX_DEPTH) return fc.constant(null);
  if (typeof schema.$ref === 'string') return validValue(resolveRef(schema.$ref, components), components, depth + 1, key);
  if ('const' in schema) return fc.constant(schema.const);
  if (Array.isArray(schema.enum)) return fc.constantFrom(...(schema.enum as unknown[]));
  const alternatives = (schema.anyOf ?? schema.oneOf) as JsonSchema[] | undefined;
  if (alternatives) return fc.oneof(...alternatives.map((alternative) => validValue(alternative, components, depth + 1, key)));
  if (Array.isArray(schema.type)) {
    return fc.oneof(...(schema.type as string[]).map((type) => validValue({ ...schema, type }, components, depth, key)));
  }
  switch (schema.type) {
    case 'string':
      // An id named like a thing of the world (`userId`, `mediaIds`' items): often that real thing.
      if (schema.format === 'uuid' && key) return fc.oneof(fc.constant(existingId(key)), fc.uuid());
      return validString(schema);
    case 'integer':
      return integerIn(numberOr(schema.minimum, -1_000_000), numberOr(schema.maximum, 1_000_000));
    case 'number':
      return fc.double({ min: numberOr(schema.minimum, -1e9), max: numberOr(schema.maximum, 1e9), noNaN: true, noDefaultInfinity: true });
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array': {
      const itemKey = key?.endsWith('s') ? key.slice(0, -1) : undefined;
      const items = schema.items ? validValue(schema.items as JsonSchema, components, depth + 1, itemKey) : fc.jsonValue({ maxDepth: 1 });
      const minLength = numberOr(schema.minItems, 0);
      return fc.array(items, { minLength, maxLength: Math.max(minLength, Math.min(numberOr(schema.maxItems, MAX_ITEMS), MAX_ITEMS)) });
    }
    case 'object':
      return validObject(schema, components, depth);
    default:
      // No type: any JSON value is allowed.
      return fc.jsonValue({ maxDepth: 2 });
  }
}

function validObject(schema: JsonSchema, components: SchemaComponents, depth: number): fc.Arbitrary<unknown> {
  const properties = (schema.properties ?? {}) as Record<string, JsonSchema>;
  const required = (schema.required ?? []) as string[];
  const model = Object.fromEntries(Object.entries(properties).map(([key, property]) => [key, validValue(property, components, depth + 1, key)]));
  const known = fc.record(model, { requiredKeys: required.filter((key) => key in properties) });
  const extra = schema.additionalProperties;
  if (!extra || typeof extra !== 'object') return known;
  // A map (e.g. `details`, keyed by propertyNames): a few entries besides the named ones.
  const keys = schema.propertyNames ? validValue(schema.propertyNames as JsonSchema, components, depth + 1) : fc.string({ maxLength: 12 });
  const map = fc.dictionary(
    keys.map((key) => String(key)),
    validValue(extra as JsonSchema, components, depth + 1),
    { maxKeys: MAX_ITEMS },
  );
  return fc.tuple(known, map).map(([named, more]) => ({ ...more, ...named }));
}

function validString(schema: JsonSchema): fc.Arbitrary<string> {
  const minLength = numberOr(schema.minLength, 0);
  const maxLength = numberOr(schema.maxLength, Math.max(minLength, MAX_FREE_LENGTH));
  const fits = (value: string) => value.length >= minLength && value.length <= maxLength;
  switch (schema.format) {
    case 'uuid':
      return fc.uuid();
    case 'email':
      return fc.emailAddress().filter(fits);
    case 'date-time':
      return safeDate().map((date) => date.toISOString());
    case 'date':
      return safeDate().map((date) => date.toISOString().slice(0, 10));
    case 'uri':
      return fc.webUrl({ withQueryParameters: true, withFragments: true }).filter(fits);
  }
  if (typeof schema.pattern === 'string') return fc.stringMatching(new RegExp(schema.pattern)).filter(fits);
  const cap = Math.min(maxLength, Math.max(minLength, MAX_FREE_LENGTH));
  return fc.oneof(
    fc.string({ minLength, maxLength: cap }),
    fc.string({ minLength, maxLength: cap, unit: 'grapheme' }).filter(fits),
    // Any code point: NUL and other control characters, lone surrogates (JSON carries them as \u escapes).
    fc.string({ minLength, maxLength: cap, unit: 'binary' }).filter(fits),
  );
}

const EXISTING = /^<existing:(\w+)>$/;

/** A placeholder for the id of the real thing named `key`, replaced when the request is sent (`withExistingIds`). */
function existingId(key: string): string {
  return `<existing:${key}>`;
}

/** `value` with every placeholder of `existingId` replaced by the id in `ids` (or a well-formed id of nothing). */
export function withExistingIds(value: unknown, ids: Record<string, string>): unknown {
  if (typeof value === 'string') {
    const name = EXISTING.exec(value)?.[1];
    return name === undefined ? value : (ids[name] ?? '00000000-0000-4000-8000-000000000000');
  }
  if (Array.isArray(value)) return value.map((item) => withExistingIds(item, ids));
  if (value && typeof value === 'object' && !(fc.toStringMethod in value)) {
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, withExistingIds(inner, ids)]));
  }
  return value;
}

/** Dates the service can store and a person could mean: years 1970–2100. */
function safeDate(): fc.Arbitrary<Date> {
  return fc.date({ min: new Date('1970-01-01T00:00:00Z'), max: new Date('2100-12-31T23:59:59Z'), noInvalidDate: true });
}

/**
 * Values a client should never send: the schema's shape broken on purpose (a required property missing,
 * a property of the wrong type, unknown properties), or hostile values anywhere (null, huge strings,
 * odd unicode, numbers out of range, very deep nesting).
 */
export function invalidValue(schema: JsonSchema, components: SchemaComponents): fc.Arbitrary<unknown> {
  const resolved = typeof schema.$ref === 'string' ? resolveRef(schema.$ref, components) : schema;
  const hostile = hostileValue();
  const poisoned = oddTextValue(resolved, components);
  if (resolved.type !== 'object' || !resolved.properties) return fc.oneof(hostile, poisoned, validValue(resolved, components).map(wrongType));
  const keys = Object.keys(resolved.properties as object);
  return fc.oneof(
    hostile,
    // The right shape, with odd characters in some of its text: what reaches storage.
    poisoned,
    fc.tuple(validValue(resolved, components), fc.constantFrom(...keys), fc.constantFrom('drop', 'wrong-type', 'hostile', 'unknown-key'), hostile).map(
      ([value, key, mutation, bad]) => {
        const object = { ...(value as Record<string, unknown>) };
        if (mutation === 'drop') delete object[key];
        else if (mutation === 'wrong-type') object[key] = wrongType(object[key]);
        else if (mutation === 'hostile') object[key] = bad;
        else object[`${key}Extra`] = bad;
        return object;
      },
    ),
  );
}

/** Characters that storage, encoders and renderers trip over: NUL, a lone surrogate, bidi override, combining marks, ZWJ emoji. */
const ODD_SUFFIXES = ['\u0000', '\uD800', '\u202E', 'e\u0301\u0301', '🏳️‍🌈', '\u0007\u001b[31m'];

/**
 * Values of the right shape whose free text ends in an odd character (NUL most often): what passes the
 * schema and reaches storage. Ids, addresses, emails and dates stay intact so the request gets that far.
 */
export function oddTextValue(schema: JsonSchema, components: SchemaComponents): fc.Arbitrary<unknown> {
  const suffix = fc.oneof({ weight: 3, arbitrary: fc.constant('\u0000') }, { weight: 3, arbitrary: fc.constantFrom(...ODD_SUFFIXES) });
  return fc.tuple(validValue(schema, components), suffix).map(([value, odd]) => mapStrings(value, (text) => (FORMATTED.test(text) ? text : text + odd)));
}

/** Text with a format (an id, a placeholder, an address, an email, a date) that a suffix would only make invalid. */
const FORMATTED = /^(<existing:\w+>|[0-9a-f-]{36}|https?:.*|.*@.*|\d{4}-\d\d-\d\d.*)$/is;

/** `value` with every string (keys aside) passed through `change`. */
function mapStrings(value: unknown, change: (text: string) => string): unknown {
  if (typeof value === 'string') return change(value);
  if (Array.isArray(value)) return value.map((item) => mapStrings(item, change));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, mapStrings(inner, change)]));
  return value;
}

/** A value of another JSON type than `value`. */
function wrongType(value: unknown): unknown {
  if (typeof value === 'string') return value.length;
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 'yes' : 0;
  if (value === null || value === undefined) return { unexpected: true };
  if (Array.isArray(value)) return value.length === 0 ? 'empty' : value[0];
  return [value];
}

/** Values that break naive code whatever the schema says. */
export function hostileValue(): fc.Arbitrary<unknown> {
  return fc.oneof(
    fc.constant(null),
    fc.constantFrom(0, -1, 1e308, -1e308, 2 ** 53 + 1, 0.5, true, false, '', ' ', '\u0000', '[]', '{}', 'null', 'undefined', '__proto__'),
    oddString(),
    hugeString(),
    deeplyNested(),
    // Own `__proto__` and `constructor` keys, as JSON.parse makes them.
    fc.constantFrom(JSON.parse('{"__proto__":{"admin":true}}') as unknown, { constructor: { prototype: { admin: true } } }, []),
    fc.jsonValue({ maxDepth: 3 }),
  );
}

/** Strings of any code point, lone surrogates and control characters included. */
export function oddString(): fc.Arbitrary<string> {
  return fc.oneof(
    fc.string({ unit: 'binary', maxLength: 60 }),
    fc.constantFrom('\uD800', '\uDFFF', 'a\u0000b', '\u202Eevil', 'e\u0301\u0301\u0301', '🏳️‍🌈'.repeat(20), '\r\n\r\n', '%00', '../../etc/passwd', "'; drop table users; --"),
  );
}

/** A string far beyond any limit (but below the JSON body limit sometimes, and above it other times). */
export function hugeString(): fc.Arbitrary<string> {
  return fc.tuple(fc.constantFrom(5_000, 70_000, 300_000, 1_200_000), fc.constantFrom('a', 'é', '😀', ' ')).map(([length, unit]) => unit.repeat(length));
}

/** Arrays or objects nested hundreds to a thousand and more levels deep (as deep as JSON.stringify goes here; the raw bodies go deeper). */
export function deeplyNested(): fc.Arbitrary<unknown> {
  return fc.tuple(fc.constantFrom(100, 500, 1_500), fc.boolean()).map(([depth, asObject]) => {
    let value: unknown = 'deep';
    for (let level = 0; level < depth; level++) value = asObject ? { a: value } : [value];
    // fast-check prints counterexamples recursively, which this depth would overflow; JSON ignores the symbol.
    return Object.assign(value as object, { [fc.toStringMethod]: () => `(${asObject ? 'objects' : 'arrays'} nested ${depth} deep)` });
  });
}

/** An integer in [min, max]: mostly small (fc.integer is 32-bit), sometimes the bounds themselves (up to 2^53). */
function integerIn(min: number, max: number): fc.Arbitrary<number> {
  const small = fc.integer({ min: Math.max(min, -(2 ** 31)), max: Math.min(max, 2 ** 31 - 1) });
  return fc.oneof({ weight: 4, arbitrary: small }, { weight: 1, arbitrary: fc.constantFrom(min, max) });
}

function resolveRef(ref: string, components: SchemaComponents): JsonSchema {
  const name = ref.replace('#/components/schemas/', '');
  const schema = components[name];
  if (!schema) throw new Error(`Unknown $ref ${ref}`);
  return schema;
}

function numberOr(value: unknown, fallback: number): number {
  return typeof value === 'number' ? value : fallback;
}
