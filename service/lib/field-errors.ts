import type { z } from 'zod';
import { type Bilingual, bilingual, fromZodMessage, type Language, untranslated, zodMessage } from '#shared/i18n.js';
import type { FieldProblem } from '../errors.js';

type Issue = z.core.$ZodRawIssue;

const KIND: Record<string, Bilingual> = {
  string: { en: 'text', de: 'Text' },
  number: { en: 'a number', de: 'eine Zahl' },
  int: { en: 'a whole number', de: 'eine ganze Zahl' },
  boolean: { en: 'true or false', de: 'true oder false' },
  object: { en: 'an object', de: 'ein Objekt' },
  array: { en: 'a list', de: 'eine Liste' },
  null: untranslated('null'),
};

const FORMAT: Record<string, Bilingual> = {
  uuid: { en: 'must be an id (a UUID)', de: 'muss eine ID (eine UUID) sein' },
  email: { en: 'must be an email address like name@example.com', de: 'muss eine E-Mail-Adresse wie name@example.com sein' },
  url: { en: 'must be a web address starting with http:// or https://', de: 'muss eine Webadresse sein, die mit http:// oder https:// beginnt' },
  datetime: { en: 'must be a date and time like 2025-01-31T09:30:00Z', de: 'muss ein Datum mit Uhrzeit wie 2025-01-31T09:30:00Z sein' },
  date: { en: 'must be a date like 2025-01-31', de: 'muss ein Datum wie 2025-01-31 sein' },
};

const UNKNOWN_KEY: Bilingual = { en: 'is not a field this endpoint accepts', de: 'ist kein Feld, das dieser Endpunkt annimmt' };

/**
 * Sentences for zod issues whose schema gave no message of its own (the shared schemas' own messages
 * win, because zod prefers schema-level messages over this per-parse map). Written to follow the field
 * name, e.g. "title must be at most 300 characters". zod takes a string: the English, with the German
 * registered beside it (`zodMessage`) for `fieldErrors` to find.
 */
export function humanIssueMessage(issue: Issue): string | undefined {
  return zodMessage(issueText(issue));
}

function issueText(issue: Issue): Bilingual {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return { en: 'is required', de: 'ist erforderlich' };
      return bilingual({ en: 'must be {kind}', de: 'muss {kind} sein' }, { kind: KIND[issue.expected] ?? untranslated(issue.expected) });
    case 'too_small': {
      const minimum = Number(issue.minimum);
      if (issue.origin === 'string') {
        return minimum === 1
          ? { en: 'must not be empty', de: 'darf nicht leer sein' }
          : bilingual({ en: 'must be at least {minimum} characters', de: 'muss mindestens {minimum} Zeichen lang sein' }, { minimum });
      }
      if (issue.origin === 'array') return bilingual({ en: 'must have at least {minimum} items', de: 'muss mindestens {minimum} Einträge haben' }, { minimum });
      return bilingual({ en: 'must be at least {minimum}', de: 'muss mindestens {minimum} sein' }, { minimum: String(issue.minimum) });
    }
    case 'too_big': {
      const maximum = Number(issue.maximum);
      if (issue.origin === 'string') return bilingual({ en: 'must be at most {maximum} characters', de: 'darf höchstens {maximum} Zeichen lang sein' }, { maximum });
      if (issue.origin === 'array') return bilingual({ en: 'must have at most {maximum} items', de: 'darf höchstens {maximum} Einträge haben' }, { maximum });
      return bilingual({ en: 'must be at most {maximum}', de: 'darf höchstens {maximum} sein' }, { maximum: String(issue.maximum) });
    }
    case 'invalid_value':
      return issue.values.length === 1
        ? bilingual({ en: 'must be {value}', de: 'muss {value} sein' }, { value: JSON.stringify(issue.values[0]) })
        : bilingual({ en: 'must be one of {values}', de: 'muss einer dieser Werte sein: {values}' }, { values: issue.values.map((value) => JSON.stringify(value)).join(', ') });
    case 'invalid_format':
      return FORMAT[issue.format] ?? bilingual({ en: 'is not in the expected format ({format})', de: 'hat nicht das erwartete Format ({format})' }, { format: issue.format });
    case 'unrecognized_keys':
      return UNKNOWN_KEY;
    default:
      return { en: 'is not valid', de: 'ist ungültig' };
  }
}

/**
 * One `{ path, message }` per problem, the message in every language (the schema's own, registered with
 * `zodMessage`, or `humanIssueMessage`'s); an unknown key is reported at its own path, not its parent's.
 */
export function fieldErrors(error: z.ZodError, prefix: (string | number)[] = []): FieldProblem[] {
  const fields: FieldProblem[] = [];
  for (const issue of error.issues) {
    const path = [...prefix, ...issue.path.map((part) => (typeof part === 'symbol' ? String(part) : part))];
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) fields.push({ path: [...path, key].join('.'), message: UNKNOWN_KEY });
    } else {
      fields.push({ path: path.join('.'), message: fromZodMessage(issue.message) });
    }
  }
  return fields;
}

/** A readable one-line summary of field errors, e.g. "email must be an email address …; password is required." */
export function summarize(fields: FieldProblem[]): Bilingual {
  const line = (language: Language) => {
    const parts = fields.slice(0, 3).map((field) => (field.path ? `${field.path} ${field.message[language]}` : capitalize(field.message[language])));
    const more = fields.length > 3 ? bilingual({ en: ' (and {count} more)', de: ' (und {count} weitere)' }, { count: fields.length - 3 })[language] : '';
    return `${capitalize(parts.join('; '))}${more}.`;
  };
  return { en: line('en'), de: line('de') };
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
