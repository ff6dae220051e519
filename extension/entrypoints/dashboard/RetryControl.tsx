import { useId, useState } from 'react';
import type { TargetStatus } from '#shared/platforms.js';
import { Button } from '../../components/Button.js';
import { FormError } from '../../components/FormError.js';
import { useAction } from '../../hooks/useAction.js';
import { defineMessages } from '../../lib/i18n/index.js';
import { useLocale } from '../../lib/i18n/react.js';
import { sendMessage } from '../../lib/messaging/protocol.js';

const t = defineMessages({
  en: {
    confirm: 'I checked {channel}: the post is not there',
    confirmWhy: 'Check the network first and tick the box, so the post is not published twice.',
    retry: 'Retry',
    retrying: 'Retrying…',
  },
  de: {
    confirm: 'Ich habe {channel} geprüft: Der Beitrag ist dort nicht erschienen',
    confirmWhy: 'Prüfen Sie zuerst das Netzwerk und setzen Sie das Häkchen, damit der Beitrag nicht doppelt veröffentlicht wird.',
    retry: 'Erneut versuchen',
    retrying: 'Wird erneut versucht…',
  },
});

interface RetryControlProps {
  workspaceId: string;
  postId: string;
  target: { id: string; status: TargetStatus };
  channel: string;
  onRetried: () => Promise<void>;
}

/**
 * Retry for a failed channel. When the outcome is unknown ("not confirmed") the post may be on the
 * network already, so the person first confirms they checked it is not: the service requires that too.
 */
export function RetryControl({ workspaceId, postId, target, channel, onRetried }: RetryControlProps) {
  useLocale();
  const id = useId();
  const [confirmed, setConfirmed] = useState(false);
  const unconfirmed = target.status === 'unconfirmed';
  const retry = useAction(async () => {
    await sendMessage('retryTarget', { workspaceId, postId, targetId: target.id, ...(unconfirmed ? { confirmNotPublished: true } : {}) });
    await onRetried();
  });
  return (
    <div className="retry">
      <FormError message={retry.error?.message ?? null} testId="retry-error" />
      {unconfirmed && (
        <div className="checkbox-row">
          <input id={`${id}-confirm`} type="checkbox" checked={confirmed} onChange={(event) => setConfirmed(event.target.checked)} aria-describedby={`${id}-why`} />
          <label htmlFor={`${id}-confirm`}>{t('confirm', { channel })}</label>
          <span id={`${id}-why`} className="visually-hidden">{t('confirmWhy')}</span>
        </div>
      )}
      <Button onClick={() => void retry.run()} pending={retry.pending} pendingLabel={t('retrying')} disabled={unconfirmed && !confirmed}>
        {t('retry')}
      </Button>
    </div>
  );
}
