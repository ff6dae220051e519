import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { defineMessages } from '../../lib/i18n/index.js';
import { useLocale } from '../../lib/i18n/react.js';
import { sendMessage } from '../../lib/messaging/protocol.js';

const t = defineMessages({
  en: { ask: 'Choose what Minopa may do beyond what it needs to work.', again: 'Your privacy choices expired after 12 months. Please choose again.', open: 'Privacy choices' },
  de: { ask: 'Wählen Sie, was Minopa über das Nötige hinaus tun darf.', again: 'Ihre Datenschutz-Einstellungen sind nach 12 Monaten abgelaufen. Bitte wählen Sie erneut.', open: 'Datenschutz-Einstellungen' },
});

/**
 * Asks for the privacy choices (P20) when none was made in this browser or the last one expired, with a
 * link to them; until then nothing optional happens. Also counts the popup's opening — only while usage
 * statistics are allowed (the background decides, P7). Both after the first frame: the composer comes first.
 */
export function ConsentReminder() {
  useLocale();
  const [missing, setMissing] = useState<'missing' | 'expired' | null>(null);
  useEffect(() => {
    const timer = setTimeout(() => {
      // Asked of the background: storage's library stays out of the popup's first load.
      void sendMessage('getConsentReminder').then(setMissing, () => undefined);
      void sendMessage('recordUsage', { name: 'popup.opened', client: 'popup', sessionId: crypto.randomUUID(), viewport: { width: innerWidth, height: innerHeight } }).catch(() => undefined);
    }, 0);
    return () => clearTimeout(timer);
  }, []);
  if (!missing) return null;
  return (
    <p className="notice small" role="status" data-testid="consent-reminder">
      {t(missing === 'missing' ? 'ask' : 'again')}{' '}
      <a
        href={browser.runtime.getURL('/options.html#consent')}
        target="_blank"
        rel="noreferrer"
        onClick={() => setTimeout(() => window.close(), 0)}
        data-testid="consent-reminder-open"
      >
        {t('open')}
      </a>
    </p>
  );
}
