import type { Knex } from 'knex';
import { INTEGRATION_NAMES } from '#shared/api/integrations.js';
import type { ImportProvider } from '#shared/imports/source-url.js';
import { enqueueEmail } from '../email/outbox.js';

/**
 * Marks a person's Canva or Drive connection "reconnect needed" with a reason they can act on and —
 * the first time since it was last connected — emails them (once: `reconnect_notified_at` is set in the
 * same transaction, and connecting again clears it). Safe to call from several workers at once.
 */
export async function markIntegrationReconnectNeeded(knex: Knex | Knex.Transaction, connectionId: string, reason: string): Promise<void> {
  await knex.transaction(async (trx) => {
    const [connection] = (await trx('integration_connections')
      .where('id', connectionId)
      .update({ status: 'reconnect_needed', statusReason: reason, refreshLeaseOwner: null, refreshLeaseExpiresAt: null, updatedAt: trx.fn.now() })
      .returning(['id', 'userId', 'provider', 'reconnectNotifiedAt'])) as Array<{ id: string; userId: string; provider: ImportProvider; reconnectNotifiedAt: Date | null }>;
    if (!connection || connection.reconnectNotifiedAt) return;
    await trx('integration_connections').where('id', connection.id).update({ reconnectNotifiedAt: trx.fn.now() });
    const person = (await trx('users').where('id', connection.userId).first('id', 'email', 'firstName')) as { id: string; email: string; firstName: string };
    await enqueueEmail(trx, {
      template: 'integration-reconnect',
      to: person.email,
      userId: person.id,
      data: { firstName: person.firstName, provider: INTEGRATION_NAMES[connection.provider], reason },
      dedupeKey: `integration-reconnect:${connection.id}:${Date.now()}`,
    });
  });
}
