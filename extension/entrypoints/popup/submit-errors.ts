import type { UiError } from '../../lib/errors.js';

/** Service paths → inputs of the composer. */
const FIELD_FOR: Record<string, string> = { url: 'url', 'draft.title': 'title', 'draft.body': 'body', title: 'title', body: 'body' };

export interface SubmitErrors {
  /** The overall message plus problems no input or channel shows. */
  summary: string | null;
  byField: Record<string, string>;
  /** Problems of one channel (`targets.<accountId>.<field>`), by account id. */
  byChannel: Record<string, string[]>;
  /** A plan limit (plan_limit_reached): where to see the plans and upgrade. */
  upgradeUrl?: string;
}

/** A refusal split into what goes next to the inputs, under each channel, and on top. */
export function splitErrors(error: UiError | null): SubmitErrors {
  if (!error) return { summary: null, byField: {}, byChannel: {} };
  const byField: Record<string, string> = {};
  const byChannel: Record<string, string[]> = {};
  const unplaced: string[] = [];
  for (const field of error.fields ?? []) {
    const target = /^targets\.([^.]+)(?:\.|$)/.exec(field.path);
    const input = FIELD_FOR[field.path];
    if (target) (byChannel[target[1]!] ??= []).push(field.message);
    else if (input && !byField[input]) byField[input] = field.message;
    else unplaced.push(`${field.path}: ${field.message}`);
  }
  return { summary: [error.message, ...unplaced].join(' '), byField, byChannel, ...(error.upgradeUrl ? { upgradeUrl: error.upgradeUrl } : {}) };
}
