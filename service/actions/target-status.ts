import { type Bilingual, bilingual } from '#shared/i18n.js';
import { PLATFORM_NAMES } from '#shared/platforms.js';
import { HttpError } from '../errors.js';
import type { TargetRow } from './load-post-targets.js';

/** “X account “Ada”” — how messages name a target, in every language. */
export function targetName(target: Pick<TargetRow, 'platform' | 'accountName'>): Bilingual {
  return bilingual({ en: '{network} account “{name}”', de: '{network}-Konto „{name}“' }, { network: PLATFORM_NAMES[target.platform], name: target.accountName });
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
      throw new HttpError('target_locked', bilingual({ en: 'The post is being published to {name} right now, so it cannot be changed. Try again in a minute.', de: 'Der Beitrag wird gerade an {name} veröffentlicht und kann deshalb nicht geändert werden. Versuchen Sie es in einer Minute noch einmal.' }, { name }));
    case 'published':
      throw new HttpError('target_status_conflict', bilingual({ en: 'The post is already published to {name}; that cannot be changed.', de: 'Der Beitrag ist bereits an {name} veröffentlicht; das lässt sich nicht mehr ändern.' }, { name }));
    case 'cancelled':
      throw new HttpError('target_status_conflict', bilingual({ en: 'The post to {name} was cancelled. Add the account to the post again to publish there.', de: 'Der Beitrag an {name} wurde abgebrochen. Fügen Sie das Konto dem Beitrag wieder hinzu, um dort zu veröffentlichen.' }, { name }));
    case 'unconfirmed':
      if (options.removing) {
        throw new HttpError('target_status_conflict', bilingual({ en: 'We do not know yet whether the post reached {name}. Retry or cancel it before removing the account.', de: 'Wir wissen noch nicht, ob der Beitrag {name} erreicht hat. Wiederholen oder stornieren Sie ihn, bevor Sie das Konto entfernen.' }, { name }));
      }
      return;
    default:
      return;
  }
}
