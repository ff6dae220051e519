import { consentExpiry, DENIED_CHOICES, type ConsentChoices } from '#shared/privacy/consent.js';
import { call } from './api-client.js';
import { ApiError, ServiceUnreachableError } from './errors.js';
import type { ConsentView } from './messaging/protocol.js';
import { consentItem, sessionItem, usageQueueItem, type StoredConsent } from './storage.js';

/**
 * Consent by category (P20) on the extension's side. The choice lives in this browser (so it applies
 * before sign-in and offline) and, for a signed-in person, on the service (the record of consent). When
 * both have one, the later decision wins and is copied to the other side.
 */

/** What applies now, from this browser's copy alone: the choice if it has not expired, all denied otherwise. */
export async function consentInForce(now = new Date()): Promise<ConsentChoices> {
  const stored = await consentItem.getValue();
  return stored && new Date(stored.expiresAt) > now ? stored.choices : DENIED_CHOICES;
}

/** Whether the person should be asked (no choice in this browser, or it expired): this browser's copy only, no request. */
export async function consentReminder(): Promise<'missing' | 'expired' | null> {
  const stored = await consentItem.getValue();
  if (!stored) return 'missing';
  return new Date(stored.expiresAt) <= new Date() ? 'expired' : null;
}

/** The choice in force, reconciled with the service when signed in and reachable. */
export async function getConsent(): Promise<ConsentView> {
  await reconcileWithService();
  return viewOf(await consentItem.getValue());
}

/** Records a new choice here and, when signed in, on the service; withdrawing takes effect at once (P29). */
export async function saveConsent(data: { choices: ConsentChoices }): Promise<ConsentView> {
  const decidedAt = new Date();
  await consentItem.setValue({ choices: { ...data.choices }, decidedAt: decidedAt.toISOString(), expiresAt: consentExpiry(decidedAt).toISOString(), savedOnService: false });
  // Withdrawn: statistics gathered but not sent yet are dropped, not sent later (P29).
  if (!data.choices.analytics) await usageQueueItem.setValue([]);
  await reconcileWithService();
  return viewOf(await consentItem.getValue());
}

/**
 * Brings this browser and the service into step: an unsent local choice that is newer goes up; a newer
 * service choice (made in another browser) comes down. Offline or signed out, the local choice stands.
 */
export async function reconcileWithService(): Promise<void> {
  if (!(await sessionItem.getValue())) return;
  try {
    const local = await consentItem.getValue();
    const remote = await call('getConsent', undefined, { timeoutMs: 5_000 });
    const remoteDecidedAt = remote.decidedAt ? Date.parse(remote.decidedAt) : -Infinity;
    if (local && !local.savedOnService && Date.parse(local.decidedAt) >= remoteDecidedAt) {
      const saved = await call('saveConsent', { body: { choices: local.choices, source: 'extension' } }, { timeoutMs: 5_000 });
      await consentItem.setValue({ choices: local.choices, decidedAt: saved.decidedAt ?? local.decidedAt, expiresAt: saved.expiresAt ?? local.expiresAt, savedOnService: true });
    } else if (remote.status !== 'missing' && remote.decidedAt && remote.expiresAt && (!local || remoteDecidedAt >= Date.parse(local.decidedAt))) {
      // An expired service choice comes down as it was; viewOf reports it expired.
      const choices = remote.status === 'current' ? remote.choices : local?.choices ?? DENIED_CHOICES;
      await consentItem.setValue({ choices, decidedAt: remote.decidedAt, expiresAt: remote.expiresAt, savedOnService: true });
    }
  } catch (error) {
    // The local choice stays in force and is sent next time.
    if (error instanceof ServiceUnreachableError || error instanceof ApiError) return;
    throw error;
  }
}

function viewOf(stored: StoredConsent | null, now = new Date()): ConsentView {
  if (!stored) return { status: 'missing', choices: DENIED_CHOICES, decidedAt: null, expiresAt: null, savedOnService: false };
  const expired = new Date(stored.expiresAt) <= now;
  return {
    status: expired ? 'expired' : 'current',
    choices: expired ? DENIED_CHOICES : stored.choices,
    decidedAt: stored.decidedAt,
    expiresAt: stored.expiresAt,
    savedOnService: stored.savedOnService,
  };
}
