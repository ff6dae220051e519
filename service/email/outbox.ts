import type { Knex } from 'knex';
import { TEMPLATES, type TemplateData, type TemplateName } from './templates/index.js';

export type { TemplateData, TemplateName } from './templates/index.js';

/** What to send: a template, its props, and to whom. */
export interface OutboxEmail<T extends TemplateName> {
  /** Which template (its kind and subject come with it). */
  template: T;
  /** The recipient's address. */
  to: string;
  /** The recipient's account, when they have one (kept for export/deletion; set null when it is deleted). */
  userId?: string | null;
  /** The template's props; stored as JSON, so plain values only. */
  data: TemplateData<T>;
  /** The same key is enqueued only once, e.g. `verify:${tokenId}`; later calls with it do nothing. */
  dedupeKey?: string;
}

/**
 * Puts an email in the outbox; the `send-email-outbox` job sends it shortly after (never inline, never
 * twice). Pass the caller's transaction so the email exists only if what it announces was committed.
 * Throws on an unknown template or an empty address (programming errors, not user input).
 */
export async function enqueueEmail<T extends TemplateName>(knex: Knex | Knex.Transaction, email: OutboxEmail<T>): Promise<void> {
  const template = TEMPLATES[email.template];
  if (!template) throw new Error(`enqueueEmail: unknown template '${String(email.template)}'`);
  const to = email.to.trim();
  if (!to.includes('@')) throw new Error(`enqueueEmail: '${email.template}' needs a recipient address`);
  await knex
    .insert({
      template: email.template,
      kind: template.kind,
      toEmail: to,
      userId: email.userId ?? null,
      // Stringified so knex sends jsonb, not a Postgres array literal, whatever the props hold.
      data: JSON.stringify(email.data),
      dedupeKey: email.dedupeKey ?? null,
    })
    .into('emailOutbox')
    .onConflict('dedupeKey')
    .ignore();
}
