import { useCallback, useEffect, useState } from 'react';
import type { DataExport } from '#shared/api/rights.js';
import { Button } from '../../components/Button.js';
import { FormError } from '../../components/FormError.js';
import { useAction } from '../../hooks/useAction.js';
import { defineMessages, formatDate, formatNumber } from '../../lib/i18n/index.js';
import { useLocale } from '../../lib/i18n/react.js';
import { sendMessage } from '../../lib/messaging/protocol.js';

const t = defineMessages({
  en: {
    title: 'Download your data',
    intro: 'A ZIP file with everything Minopa holds about you — your account, posts, schedules, media files, connected accounts (without their keys), choices and sessions — as JSON, with a README that explains each file.',
    request: 'Prepare my download',
    requesting: 'Asking…',
    queued: 'Waiting to start…',
    building: 'Preparing: {done} of {total} files',
    ready: 'Ready ({size} MB). The link works until {date}.',
    download: 'Download',
    failed: 'The download could not be prepared: {reason}',
    expired: 'Your last download expired on {date}. Prepare a new one any time.',
  },
  de: {
    title: 'Ihre Daten herunterladen',
    intro: 'Eine ZIP-Datei mit allem, was Minopa über Sie speichert – Ihr Konto, Beiträge, Planungen, Mediendateien, verbundene Konten (ohne ihre Schlüssel), Einstellungen und Sitzungen – als JSON, mit einer README, die jede Datei erklärt.',
    request: 'Download vorbereiten',
    requesting: 'Wird angefragt…',
    queued: 'Wartet auf den Start…',
    building: 'Wird vorbereitet: {done} von {total} Dateien',
    ready: 'Fertig ({size} MB). Der Link funktioniert bis zum {date}.',
    download: 'Herunterladen',
    failed: 'Der Download konnte nicht vorbereitet werden: {reason}',
    expired: 'Ihr letzter Download ist am {date} abgelaufen. Bereiten Sie jederzeit einen neuen vor.',
  },
});

/** How often the page asks while a download is being prepared. */
const POLL_MS = 1_000;

/** The right of access and portability (P27): prepare a ZIP of all one's data, watch it build, download it for 7 days. */
export function ExportPanel({ userId }: { userId: string }) {
  useLocale();
  const [latest, setLatest] = useState<DataExport | null>(null);
  const load = useAction(useCallback(async () => setLatest((await sendMessage('listDataExports'))[0] ?? null), []));
  const request = useAction(async () => setLatest(await sendMessage('requestDataExport')));
  const { run } = load;
  useEffect(() => void run(), [run, userId]);
  const running = latest?.status === 'queued' || latest?.status === 'building';
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => void run(), POLL_MS);
    return () => clearInterval(timer);
  }, [running, run]);

  return (
    <section className="card" id="export" aria-labelledby="export-title" data-testid="export-panel">
      <h2 id="export-title">{t('title')}</h2>
      <p className="muted">{t('intro')}</p>
      <FormError message={(load.error ?? request.error)?.message ?? null} />
      {latest?.status === 'queued' && <p role="status" data-testid="export-status">{t('queued')}</p>}
      {latest?.status === 'building' && (
        <p role="status" data-testid="export-status">
          {t('building', { done: latest.progress.done, total: latest.progress.total ?? 0 })}{' '}
          <progress max={latest.progress.total ?? 1} value={latest.progress.done} />
        </p>
      )}
      {latest?.status === 'ready' && latest.downloadUrl && (
        <p className="notice-success" role="status" data-testid="export-status">
          {t('ready', { size: formatNumber(Math.max(0.01, (latest.sizeBytes ?? 0) / 1_048_576), { maximumFractionDigits: 2 }), date: formatDate(latest.expiresAt!, { dateStyle: 'long' }) })}{' '}
          <a href={latest.downloadUrl} data-testid="export-download">
            {t('download')}
          </a>
        </p>
      )}
      {latest?.status === 'failed' && <FormError message={t('failed', { reason: latest.failureMessage ?? '' })} />}
      {latest?.status === 'expired' && latest.expiresAt && <p className="small muted">{t('expired', { date: formatDate(latest.expiresAt, { dateStyle: 'long' }) })}</p>}
      {!running && (
        <div className="actions">
          <Button variant="secondary" pending={request.pending} pendingLabel={t('requesting')} onClick={() => void request.run()} data-testid="export-request">
            {t('request')}
          </Button>
        </div>
      )}
    </section>
  );
}
