import { isPlatformError } from '../lib/errors.js';
import { retryRead } from '../lib/poll.js';
import type { AccountHandle, Checkpoint, PlatformContext, PublishContent, Reconciliation } from '../types.js';
import { boardOf, pinResult } from './publish.js';

/** How many of the board's newest Pins are compared: more than anyone schedules in the hours a reconcile waits. */
const RECENT_PINS = 50;

/**
 * Did the Pin of an attempt with an unknown outcome go out? Read-only: the board's newest Pins, looking
 * for one with this description and title created since the attempt began. Pinterest's `created_at`
 * carries no zone; it is UTC.
 */
export async function reconcilePin(context: PlatformContext, account: AccountHandle, content: PublishContent, checkpoint: Checkpoint, since: Date): Promise<Reconciliation> {
  if (typeof checkpoint.state.pinId === 'string') return { found: true, result: pinResult(context.settings, checkpoint.state.pinId) };
  let boardId: string;
  try {
    boardId = boardOf(content);
  } catch {
    return { found: 'unknown' };
  }
  let items: Array<{ id: string; description?: string | null; title?: string | null; created_at?: string }>;
  try {
    const response = await retryRead(
      () => context.http.request({ method: 'GET', url: `${context.settings.apiUrl}/boards/${boardId}/pins`, bearer: account.tokens.accessToken, query: { page_size: RECENT_PINS } }),
      { signal: context.signal },
    );
    items = (response.json as { items: typeof items }).items;
  } catch (error) {
    if (isPlatformError(error) && error.kind !== 'auth') return { found: 'unknown' };
    throw error;
  }
  const sinceMs = since.getTime() - 60_000; // the network's clock may run a little behind ours
  const match = items.find(
    (pin) => (pin.description ?? '') === content.text && (pin.title ?? null) === (content.title ?? null) && createdAt(pin.created_at) >= sinceMs,
  );
  return match ? { found: true, result: pinResult(context.settings, match.id) } : { found: false };
}

function createdAt(value: string | undefined): number {
  if (!value) return Number.POSITIVE_INFINITY;
  return Date.parse(/Z|[+-]\d\d:?\d\d$/.test(value) ? value : `${value}Z`);
}
