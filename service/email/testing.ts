import type { Knex } from 'knex';
import type { TemplateData, TemplateName } from './templates/index.js';

/** An outbox row as tests read it. */
export interface OutboxRow<T extends TemplateName = TemplateName> {
  id: string;
  template: T;
  kind: string;
  toEmail: string;
  userId: string | null;
  data: TemplateData<T>;
  dedupeKey: string | null;
  status: 'pending' | 'sending' | 'sent' | 'failed' | 'suppressed';
  attempts: number;
  nextAttemptAt: Date;
  lastError: string | null;
  providerMessageId: string | null;
  createdAt: Date;
  sentAt: Date | null;
}

/**
 * The outbox rows to `to` (optionally of one template), oldest first: how a test reads the emails an
 * action enqueued, e.g. `(await outboxEmails(app.db.knex, email, 'verify-email'))[0].data.verifyUrl`.
 */
export async function outboxEmails<T extends TemplateName>(knex: Knex, to: string, template?: T): Promise<OutboxRow<T>[]> {
  const query = knex('emailOutbox').where({ toEmail: to }).orderBy('createdAt', 'asc');
  if (template) query.where({ template });
  return (await query) as OutboxRow<T>[];
}
