import type { Knex } from 'knex';
import type { PrivacyRequest, PrivacyRights } from '#shared/api/rights.js';
import type { Logger } from '../logger.js';

/** Requests that need the operator are answered within this (P30). */
export const REQUEST_DEADLINE_DAYS = 30;

interface RequestRow {
  id: string;
  kind: PrivacyRequest['kind'];
  details: string;
  receivedAt: Date;
  dueAt: Date;
  resolvedAt: Date | null;
  resolution: string | null;
}

const present = (row: RequestRow): PrivacyRequest => ({
  id: row.id,
  kind: row.kind,
  details: row.details,
  receivedAt: row.receivedAt.toISOString(),
  dueAt: row.dueAt.toISOString(),
  resolvedAt: row.resolvedAt?.toISOString() ?? null,
  resolution: row.resolution,
});

/** The person's objections, restriction and requests (newest first). */
export async function privacyRights(knex: Knex, userId: string): Promise<PrivacyRights> {
  const user = await knex('users').where({ id: userId }).first('objectsToUsageStatistics', 'objectsToMarketing', 'processingRestrictedAt');
  const requests: RequestRow[] = await knex('privacyRequests').where({ userId }).orderBy('receivedAt', 'desc');
  return {
    objectsToUsageStatistics: user.objectsToUsageStatistics,
    objectsToMarketing: user.objectsToMarketing,
    restrictedAt: user.processingRestrictedAt?.toISOString() ?? null,
    requests: requests.map(present),
  };
}

/** Records a request for the operator, due in 30 days. */
export async function createPrivacyRequest(knex: Knex | Knex.Transaction, userId: string, request: { kind: PrivacyRequest['kind']; details: string }): Promise<PrivacyRequest> {
  const user = await knex('users').where({ id: userId }).first('email');
  const [row] = (await knex('privacyRequests')
    .insert({ userId, email: user.email, kind: request.kind, details: request.details, dueAt: knex.raw(`now() + interval '${REQUEST_DEADLINE_DAYS} days'`) })
    .returning(['id', 'kind', 'details', 'receivedAt', 'dueAt', 'resolvedAt', 'resolution'])) as RequestRow[];
  return present(row!);
}

/**
 * Objection and restriction (P29), in force with this write: objecting to usage statistics stops them
 * being stored (whatever the consent says), objecting to marketing stops newsletter, marketing and
 * product-update emails, and restricting does both and asks the operator to review the rest (a request
 * due in 30 days). Lifting a restriction is the person's to do; the request stays on record.
 */
export async function updatePrivacyRights(
  knex: Knex,
  userId: string,
  change: { objectToUsageStatistics?: boolean; objectToMarketing?: boolean; restrictProcessing?: boolean },
): Promise<PrivacyRights> {
  await knex.transaction(async (trx) => {
    const user = await trx('users').where({ id: userId }).forUpdate().first('processingRestrictedAt');
    const update: Record<string, unknown> = {};
    if (change.objectToUsageStatistics !== undefined) update.objectsToUsageStatistics = change.objectToUsageStatistics;
    if (change.objectToMarketing !== undefined) update.objectsToMarketing = change.objectToMarketing;
    if (change.restrictProcessing === true && !user.processingRestrictedAt) {
      update.processingRestrictedAt = trx.fn.now();
      await createPrivacyRequest(trx, userId, { kind: 'restriction', details: 'The person restricted the processing of their data from the extension’s settings. Review what else must be held.' });
    }
    if (change.restrictProcessing === false) update.processingRestrictedAt = null;
    if (Object.keys(update).length > 0) await trx('users').where({ id: userId }).update(update);
  });
  return privacyRights(knex, userId);
}

/** Whether usage statistics may be stored for the person at all (objection and restriction win over consent). */
export async function usageStatisticsAllowed(knex: Knex, userId: string): Promise<boolean> {
  const user = await knex('users').where({ id: userId }).first('objectsToUsageStatistics', 'processingRestrictedAt');
  return Boolean(user) && !user.objectsToUsageStatistics && !user.processingRestrictedAt;
}

/**
 * Alerts once about each request past its 30 days without an answer (P30): an error line in the log
 * (where the operator's alerting looks) and, when PRIVACY_CONTACT_EMAIL is configured, an email there.
 * Returns how many requests it alerted about.
 */
export async function alertOverduePrivacyRequests(knex: Knex, logger: Logger, notify?: (request: { id: string; kind: string; email: string; dueAt: Date }) => Promise<void>): Promise<number> {
  const overdue: Array<{ id: string; kind: string; email: string; dueAt: Date }> = await knex('privacyRequests')
    .whereNull('resolvedAt')
    .whereNull('overdueAlertedAt')
    .where('dueAt', '<=', knex.fn.now())
    .orderBy('dueAt')
    .limit(100)
    .select('id', 'kind', 'email', 'dueAt');
  for (const request of overdue) {
    const claimed = await knex('privacyRequests').where({ id: request.id }).whereNull('overdueAlertedAt').update({ overdueAlertedAt: knex.fn.now() });
    if (claimed === 0) continue;
    logger.error('privacy request overdue', { requestId: request.id, kind: request.kind, dueAt: request.dueAt.toISOString() });
    await notify?.(request);
  }
  return overdue.length;
}
