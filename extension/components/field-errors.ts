import type { UiError } from '../lib/errors.js';
import { defineMessages } from '../lib/i18n/index.js';

// The service's field messages stay in English (they are its words); only how the extension joins
// them to a label changes: English reads "Email must not be empty", German puts a colon between.
const t = defineMessages({
  en: { labelled: '{label} {message}' },
  de: { labelled: '{label}: {message}' },
});

/** A form's error split into sentences for its fields and the rest, which the form shows on top. */
export interface FormErrors {
  byField: Record<string, string>;
  /** The overall message, plus field problems no input of the form shows. */
  summary: string | null;
  /** On plan_limit_reached: the page of plans, shown as a link after the summary. */
  upgradeUrl?: string;
}

/**
 * Places the `fields` of an error next to the form's inputs. `fieldFor` maps a path from the service
 * (e.g. `acceptedLegalVersions.terms`) to an input name; unknown paths end up in the summary.
 */
export function formErrors(error: UiError | null, fieldFor: (path: string) => string | null): FormErrors {
  if (!error) return { byField: {}, summary: null };
  const byField: Record<string, string> = {};
  const unplaced: string[] = [];
  for (const field of error.fields ?? []) {
    const name = fieldFor(field.path);
    if (name && !byField[name]) byField[name] = field.message;
    else if (!name) unplaced.push(`${field.path}: ${field.message}`);
  }
  const summary = [error.message, ...unplaced].join(' ');
  return { byField, summary, ...(error.upgradeUrl ? { upgradeUrl: error.upgradeUrl } : {}) };
}

/** A field message as a sentence: "must not be empty" after "Email" reads "Email must not be empty." */
export function fieldSentence(label: string, message: string): string {
  return sentence(/^[a-z]/.test(message) && label ? t('labelled', { label, message }) : message);
}

/** Capital first letter, closing full stop. */
export function sentence(text: string): string {
  const capitalized = text.charAt(0).toUpperCase() + text.slice(1);
  return /[.!?]$/.test(capitalized) ? capitalized : `${capitalized}.`;
}
