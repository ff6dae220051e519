/**
 * The operator's list of privacy requests (P30):
 *   npm run privacy-requests -- list [--all]                      open requests, oldest deadline first (--all: answered ones too)
 *   npm run privacy-requests -- resolve <id> --resolution "…"     records the answer given
 * Open requests past their 30 days are also reported by the service (log error; PRIVACY_CONTACT_EMAIL).
 */
import { parseArgs } from 'node:util';
import { withDatabase } from './lib/with-database.js';

const USAGE = 'Usage: npm run privacy-requests -- list [--all] | npm run privacy-requests -- resolve <id> --resolution "…"';
const { values, positionals } = parseArgs({ allowPositionals: true, options: { all: { type: 'boolean' }, resolution: { type: 'string' } } });
const [command, id] = positionals;
if (command !== 'list' && !(command === 'resolve' && id && values.resolution?.trim())) {
  console.error(USAGE);
  process.exit(2);
}

await withDatabase(async (db) => {
  if (command === 'list') {
    const query = db.knex('privacyRequests').orderBy('dueAt');
    if (!values.all) query.whereNull('resolvedAt');
    const rows: Array<{ id: string; kind: string; email: string; details: string; dueAt: Date; resolvedAt: Date | null }> = await query;
    const now = Date.now();
    for (const row of rows) {
      const state = row.resolvedAt ? `answered ${row.resolvedAt.toISOString()}` : row.dueAt.getTime() < now ? `OVERDUE since ${row.dueAt.toISOString()}` : `due ${row.dueAt.toISOString()}`;
      console.log(`${row.id}  ${row.kind.padEnd(13)} ${row.email}  ${state}\n    ${row.details.replace(/\s+/g, ' ').slice(0, 200)}`);
    }
    if (rows.length === 0) console.log(values.all ? 'No privacy requests.' : 'No open privacy requests.');
  } else {
    const updated = await db.knex('privacyRequests').where({ id }).whereNull('resolvedAt').update({ resolvedAt: db.knex.fn.now(), resolution: values.resolution!.trim() });
    if (updated === 0) {
      console.error(`No open request ${id}.`);
      process.exitCode = 1;
    } else console.log(`Request ${id} recorded as answered.`);
  }
});
