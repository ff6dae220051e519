import type { TestApp } from './test-app.js';

/** One email in the outbox, as the account tests read it. */
export interface OutboxRow {
  template: string;
  toEmail: string;
  userId: string | null;
  data: Record<string, unknown>;
}

/** The emails enqueued for `to` with `template`, oldest first. */
export async function emailsTo(app: TestApp, to: string, template?: string): Promise<OutboxRow[]> {
  const query = app.db.knex('emailOutbox').where('toEmail', to).orderBy('createdAt').orderBy('id');
  if (template) query.where('template', template);
  return (await query.select('template', 'toEmail', 'userId', 'data')) as OutboxRow[];
}

/** The `token` of the link in the latest `template` email to `to` (under the prop `linkProp`). */
export async function linkToken(app: TestApp, to: string, template: string, linkProp: string): Promise<{ token: string; url: URL }> {
  const rows = await emailsTo(app, to, template);
  const row = rows.at(-1);
  if (!row) throw new Error(`no ${template} email to ${to}`);
  const url = new URL(String(row.data[linkProp]));
  return { token: url.searchParams.get('token')!, url };
}
