import type { z } from 'zod';
import type { FieldError } from '#shared/errors.js';

type Issue = z.core.$ZodRawIssue;

const KIND: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  object: 'an object',
  array: 'a list',
  null: 'null',
};

const FORMAT: Record<string, string> = {
  uuid: 'must be an id (a UUID)',
  email: 'must be an email address like name@example.com',
  url: 'must be a web address starting with http:// or https://',
  datetime: 'must be a date and time like 2025-01-31T09:30:00Z',
  date: 'must be a date like 2025-01-31',
};

/**
 * Sentences for zod issues whose schema gave no message of its own (the shared schemas' own messages
 * win, because zod prefers schema-level messages over this per-parse map). Written to follow the field
 * name, e.g. "title must be at most 300 characters".
 */
export function humanIssueMessage(issue: Issue): string | undefined {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return 'is required';
      return `must be ${KIND[issue.expected] ?? issue.expected}`;
    case 'too_small':
      if (issue.origin === 'string') return issue.minimum === 1 ? 'must not be empty' : `must be at least ${issue.minimum} characters`;
      if (issue.origin === 'array') return `must have at least ${issue.minimum} items`;
      return `must be at least ${issue.minimum}`;
    case 'too_big':
      if (issue.origin === 'string') return `must be at most ${issue.maximum} characters`;
      if (issue.origin === 'array') return `must have at most ${issue.maximum} items`;
      return `must be at most ${issue.maximum}`;
    case 'invalid_value':
      return issue.values.length === 1 ? `must be ${JSON.stringify(issue.values[0])}` : `must be one of ${issue.values.map((value) => JSON.stringify(value)).join(', ')}`;
    case 'invalid_format':
      return FORMAT[issue.format] ?? `is not in the expected format (${issue.format})`;
    case 'unrecognized_keys':
      return 'is not a field this endpoint accepts';
    default:
      return 'is not valid';
  }
}

/** One `{ path, message }` per problem; an unknown key is reported at its own path, not its parent's. */
export function fieldErrors(error: z.ZodError, prefix: (string | number)[] = []): FieldError[] {
  const fields: FieldError[] = [];
  for (const issue of error.issues) {
    const path = [...prefix, ...issue.path.map((part) => (typeof part === 'symbol' ? String(part) : part))];
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) fields.push({ path: [...path, key].join('.'), message: 'is not a field this endpoint accepts' });
    } else {
      fields.push({ path: path.join('.'), message: issue.message });
    }
  }
  return fields;
}

/** A readable one-line summary of field errors, e.g. "email must be an email address …; password is required." */
export function summarize(fields: FieldError[]): string {
  const parts = fields.slice(0, 3).map((field) => (field.path ? `${field.path} ${field.message}` : capitalize(field.message)));
  const more = fields.length > 3 ? ` (and ${fields.length - 3} more)` : '';
  return `${capitalize(parts.join('; '))}${more}.`;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
