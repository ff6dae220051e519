import type { Knex } from 'knex';
import { enqueueEmail } from '../email/outbox.js';

/** What the operator records about a breach (P32). */
export interface NewIncident {
  title: string;
  whatHappened: string;
  measuresTaken: string;
  detectedAt: Date;
  /** Who is affected: every account, or these addresses / user ids. */
  affected: 'everyone' | string[];
}

/** The 72 hours the policy promises between detecting a breach and telling those affected. */
export const NOTIFY_WITHIN_MS = 72 * 3_600_000;

const BATCH = 1_000;

/** Why an incident cannot be recorded, in a sentence for the operator. */
export class IncidentRefused extends Error {}

/**
 * Records a breach and the people it affects (one notice each, by account; an address without an account
 * is kept as given). Returns the incident id and how many people are affected.
 */
export async function recordIncident(knex: Knex, incident: NewIncident): Promise<{ id: string; affected: number; unknown: string[] }> {
  if (incident.detectedAt.getTime() > Date.now() + 5 * 60_000) throw new IncidentRefused('The detection time is in the future.');
  return knex.transaction(async (trx) => {
    const [row] = await trx('securityIncidents')
      .insert({ title: incident.title, whatHappened: incident.whatHappened, measuresTaken: incident.measuresTaken, detectedAt: incident.detectedAt })
      .returning('id');
    const id = (row as { id: string }).id;
    const unknown: string[] = [];
    if (incident.affected === 'everyone') {
      await trx.raw(`insert into security_incident_notices (incident_id, user_id, email) select ?, id, email from users on conflict do nothing`, [id]);
    } else {
      const wanted = [...new Set(incident.affected.map((entry) => entry.trim()).filter(Boolean))];
      const ids = wanted.filter((entry) => /^[0-9a-f-]{36}$/i.test(entry));
      const emails = wanted.filter((entry) => entry.includes('@')).map((email) => email.toLowerCase());
      const users: Array<{ id: string; email: string }> = await trx('users')
        .whereIn('id', ids)
        .orWhereRaw('lower(email) = any(?)', [emails])
        .select('id', 'email');
      const found = new Set(users.flatMap((user) => [user.id, user.email.toLowerCase()]));
      for (const entry of wanted) if (!found.has(entry.toLowerCase())) unknown.push(entry);
      const strangers = unknown.filter((entry) => entry.includes('@')).map((email) => ({ incidentId: id, userId: null, email }));
      const notices = [...users.map((user) => ({ incidentId: id, userId: user.id, email: user.email })), ...strangers];
      if (notices.length === 0) throw new IncidentRefused('None of the affected entries is an account id or an email address.');
      await trx('securityIncidentNotices').insert(notices).onConflict(['incidentId', 'email']).ignore();
    }
    const counted = (await trx('securityIncidentNotices').where({ incidentId: id }).count('* as count').first()) as { count: string };
    return { id, affected: Number(counted.count), unknown: unknown.filter((entry) => !entry.includes('@')) };
  });
}

/**
 * Emails every affected person not emailed yet about `incidentId`, through the outbox (the running
 * service's send-email-outbox job sends them within seconds), a batch per transaction. Safe to run again:
 * each notice is queued once. Returns how many were queued now.
 */
export async function notifyIncident(knex: Knex, incidentId: string): Promise<number> {
  const incident = await knex('securityIncidents').where({ id: incidentId }).first();
  if (!incident) throw new IncidentRefused(`There is no incident ${incidentId}.`);
  const detectedAt = (incident.detectedAt as Date).toLocaleString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'UTC', timeZoneName: 'short' });
  let queued = 0;
  for (;;) {
    const done = await knex.transaction(async (trx) => {
      const notices: Array<{ id: string; email: string; userId: string | null; firstName: string | null }> = await trx('securityIncidentNotices as n')
        .leftJoin('users as u', 'u.id', 'n.userId')
        .where('n.incidentId', incidentId)
        .whereNull('n.queuedAt')
        .orderBy('n.id')
        .limit(BATCH)
        .forUpdate('n')
        .skipLocked()
        .select('n.id', 'n.email', 'n.userId', 'u.firstName');
      for (const notice of notices) {
        await enqueueEmail(trx, {
          template: 'security-incident',
          to: notice.email,
          userId: notice.userId,
          dedupeKey: `security-incident:${incidentId}:${notice.id}`,
          data: { firstName: notice.firstName ?? 'there', title: incident.title, detectedAt, whatHappened: incident.whatHappened, measuresTaken: incident.measuresTaken },
        });
      }
      if (notices.length > 0) await trx('securityIncidentNotices').whereIn('id', notices.map((notice) => notice.id)).update({ queuedAt: trx.fn.now() });
      return notices.length;
    });
    queued += done;
    if (done < BATCH) return queued;
  }
}

/** Whether the people affected were told in time, from the outbox's own record of each email. */
export interface IncidentReport {
  id: string;
  title: string;
  detectedAt: Date;
  deadline: Date;
  affected: number;
  notQueued: number;
  sent: number;
  sentLate: number;
  waiting: number;
  failed: number;
  firstSentAt: Date | null;
  lastSentAt: Date | null;
  /** Every affected person's email was handed to the provider before the deadline. */
  allNotifiedInTime: boolean;
}

export async function incidentReport(knex: Knex, incidentId: string): Promise<IncidentReport> {
  const incident = await knex('securityIncidents').where({ id: incidentId }).first();
  if (!incident) throw new IncidentRefused(`There is no incident ${incidentId}.`);
  const deadline = new Date((incident.detectedAt as Date).getTime() + NOTIFY_WITHIN_MS);
  const { rows } = await knex.raw<{ rows: Array<Record<string, string | Date | null>> }>(
    `select count(*) as affected,
            count(*) filter (where n.queued_at is null) as not_queued,
            count(*) filter (where o.status = 'sent') as sent,
            count(*) filter (where o.status = 'sent' and o.sent_at > :deadline) as sent_late,
            count(*) filter (where o.status in ('pending', 'sending')) as waiting,
            count(*) filter (where o.status in ('failed', 'suppressed')) as failed,
            min(o.sent_at) as first_sent_at, max(o.sent_at) as last_sent_at
       from security_incident_notices n
       left join email_outbox o on o.dedupe_key = 'security-incident:' || n.incident_id || ':' || n.id
      where n.incident_id = :id`,
    { id: incidentId, deadline },
  );
  const row = rows[0]!;
  const count = (key: string) => Number(row[key]);
  return {
    id: incidentId,
    title: incident.title,
    detectedAt: incident.detectedAt,
    deadline,
    affected: count('affected'),
    notQueued: count('not_queued'),
    sent: count('sent'),
    sentLate: count('sent_late'),
    waiting: count('waiting'),
    failed: count('failed'),
    firstSentAt: (row.first_sent_at as Date | null) ?? null,
    lastSentAt: (row.last_sent_at as Date | null) ?? null,
    allNotifiedInTime: count('affected') > 0 && count('sent') === count('affected') && count('sent_late') === 0,
  };
}
