import type Router from '@koa/router';
import type { AppContext, AppDeps, AppState } from '../context.js';
import { renderEmail } from '../email/render.js';
import { isTemplateName } from '../email/templates/index.js';
import { unsubscribeUrl } from '../email/unsubscribe-token.js';
import { isEmailKind } from '../email/kinds.js';
import { escapeHtml } from '../legal/render.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface OutboxRow {
  id: string;
  template: string;
  kind: string;
  toEmail: string;
  data: Record<string, unknown>;
  status: string;
  attempts: number;
  lastError: string | null;
  createdAt: Date;
}

/**
 * Development only (never mounted in production: emails hold reset and verification links): the
 * outbox as a developer's inbox. `/dev/emails` lists the latest emails, `/dev/emails/:id` shows one as
 * its recipient would see it, `/dev/emails/:id/text` its plain-text version.
 */
export function registerDevEmails(router: Router<AppState>, deps: AppDeps): void {
  if (deps.config.env === 'production') return;
  const knex = deps.db.knex;
  router.get('/dev/emails', async (ctx) => {
    const rows: OutboxRow[] = await knex('emailOutbox').orderBy('createdAt', 'desc').limit(200);
    const items = await Promise.all(rows.map(async (row) => ({ row, subject: (await render(row))?.subject ?? '(cannot render)' })));
    ctx.type = 'html';
    ctx.set('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'");
    ctx.body = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Emails · Minopa (development)</title>
<style>body{font-family:system-ui,sans-serif;margin:24px}td,th{padding:4px 10px;text-align:left;border-bottom:1px solid #ddd}</style></head>
<body><h1>Emails (development only)</h1><p>The latest ${rows.length} emails of the outbox, newest first.</p>
<table><tr><th>Created</th><th>To</th><th>Subject</th><th>Template</th><th>Status</th></tr>
${items
  .map(
    ({ row, subject }) =>
      `<tr><td>${escapeHtml(new Date(row.createdAt).toISOString())}</td><td>${escapeHtml(row.toEmail)}</td><td><a href="/dev/emails/${row.id}">${escapeHtml(subject)}</a> (<a href="/dev/emails/${row.id}/text">text</a>)</td><td>${escapeHtml(row.template)}</td><td>${escapeHtml(row.status)}${row.lastError ? `: ${escapeHtml(row.lastError)}` : ''}</td></tr>`,
  )
  .join('\n')}
</table></body></html>\n`;
  });
  const show = (format: 'html' | 'text') => async (ctx: AppContext) => {
    const row: OutboxRow | undefined = UUID.test(ctx.params.id ?? '') ? await knex('emailOutbox').where({ id: ctx.params.id }).first() : undefined;
    const rendered = row ? await render(row) : undefined;
    if (!rendered) {
      ctx.status = 404;
      ctx.type = 'text';
      ctx.body = 'No such email in the outbox.\n';
      return;
    }
    // The email's own HTML: inline styles and images only, no script.
    ctx.set('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'; img-src * data:");
    ctx.type = format === 'html' ? 'html' : 'text';
    ctx.body = format === 'html' ? rendered.html : `Subject: ${rendered.subject}\n\n${rendered.text}\n`;
  };
  router.get('/dev/emails/:id', show('html'));
  router.get('/dev/emails/:id/text', show('text'));

  async function render(row: OutboxRow) {
    if (!isTemplateName(row.template) || !isEmailKind(row.kind)) return undefined;
    const link = unsubscribeUrl(deps.config.publicUrl, deps.config.appSecret, { email: row.toEmail, kind: row.kind });
    return renderEmail(row.template, row.data as never, link).catch(() => undefined);
  }
}
