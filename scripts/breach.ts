/**
 * The operator's breach procedure (P32):
 *   npm run breach -- record --title "…" --what "…" --measures "…" --detected 2026-11-28T10:00Z (--everyone | --affected list.txt)
 *   npm run breach -- notify <incident id>   emails every affected person not emailed yet (the running service sends them)
 *   npm run breach -- report <incident id>   who was told when, and whether all within 72 hours of detection
 * `list.txt` holds one account email or id per line.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { incidentReport, IncidentRefused, notifyIncident, recordIncident } from '../service/security/incidents.js';
import { withDatabase } from './lib/with-database.js';

const USAGE = `Usage:
  npm run breach -- record --title "…" --what "…" --measures "…" --detected <ISO time> (--everyone | --affected <file>)
  npm run breach -- notify <incident id>
  npm run breach -- report <incident id>`;

function fail(message: string, code = 2): never {
  console.error(message);
  process.exit(code);
}

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    title: { type: 'string' },
    what: { type: 'string' },
    measures: { type: 'string' },
    detected: { type: 'string' },
    everyone: { type: 'boolean' },
    affected: { type: 'string' },
  },
});
const [command, incidentId] = positionals;
if (!command || !['record', 'notify', 'report'].includes(command)) fail(USAGE);
if (command !== 'record' && !incidentId) fail(USAGE);

await withDatabase(
  async (db) => {
    if (command === 'record') {
      const { title, what, measures, detected, everyone, affected } = values;
      if (!title || !what || !measures || !detected || (!everyone && !affected)) fail(USAGE);
      const detectedAt = new Date(detected);
      if (Number.isNaN(detectedAt.getTime())) fail(`--detected must be a date and time, e.g. 2026-11-28T10:00Z (got "${detected}").`);
      const list = everyone ? 'everyone' : readFileSync(affected!, 'utf8').split(/\r?\n/);
      const recorded = await recordIncident(db.knex, { title, whatHappened: what, measuresTaken: measures, detectedAt, affected: list });
      console.log(`Recorded incident ${recorded.id}: ${recorded.affected} people affected.`);
      if (recorded.unknown.length > 0) console.log(`Not accounts (left out): ${recorded.unknown.join(', ')}`);
      console.log(`Deadline to notify them: ${new Date(detectedAt.getTime() + 72 * 3_600_000).toISOString()}. Next: npm run breach -- notify ${recorded.id}`);
    } else if (command === 'notify') {
      const queued = await notifyIncident(db.knex, incidentId!);
      console.log(`${queued} email(s) queued; the running service sends them within seconds. Check with: npm run breach -- report ${incidentId}`);
    } else {
      const report = await incidentReport(db.knex, incidentId!);
      console.log(`Incident ${report.id}: ${report.title}`);
      console.log(`Detected ${report.detectedAt.toISOString()}; deadline ${report.deadline.toISOString()}`);
      console.log(`Affected ${report.affected}; sent ${report.sent} (${report.sentLate} after the deadline); waiting ${report.waiting}; not queued ${report.notQueued}; failed ${report.failed}`);
      if (report.firstSentAt) console.log(`First sent ${report.firstSentAt.toISOString()}, last sent ${report.lastSentAt!.toISOString()}`);
      console.log(report.allNotifiedInTime ? 'Everyone affected was notified within 72 hours of detection.' : 'NOT everyone affected was notified within 72 hours of detection (yet).');
      process.exitCode = report.allNotifiedInTime ? 0 : 3;
    }
  },
  { refusals: [IncidentRefused] },
);
