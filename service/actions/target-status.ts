import { PLATFORM_NAMES } from '#shared/platforms.js';
import { HttpError } from '../errors.js';
import type { TargetRow } from './load-post-targets.js';

/** “X account “Ada”” — how messages name a target. */
export function targetName(target: Pick<TargetRow, 'platform' | 'accountName'>): string {
  return `${PLATFORM_NAMES[target.platform]} account “${target.accountName}”`;
}

/**
 * Throws unless a person may change (or, with `removing`, remove) the target: one being published is
 * locked (409 target_locked); a published or cancelled one is history; an unconfirmed one cannot be
 * removed until someone says whether it went out.
 */
export function assertChangeable(target: TargetRow, options: { removing?: boolean } = {}): void {
  const name = targetName(target);
  switch (target.status) {
    case 'publishing':
      throw new HttpError('target_locked', `The post is being published to ${name} right now, so it cannot be changed. Try again in a minute.`);
    case 'published':
      throw new HttpError('target_status_conflict', `The post is already published to ${name}; that cannot be changed.`);
    case 'cancelled':
      throw new HttpError('target_status_conflict', `The post to ${name} was cancelled. Add the account to the post again to publish there.`);
    case 'unconfirmed':
      if (options.removing) {
        throw new HttpError('target_status_conflict', `We do not know yet whether the post reached ${name}. Retry or cancel it before removing the account.`);
      }
      return;
    default:
      return;
  }
}
