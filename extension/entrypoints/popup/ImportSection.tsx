import { useEffect, useId, useState, type FormEvent } from 'react';
import type { CanvaExportType, DriveExportType, Import } from '#shared/api/imports.js';
import type { ImportProvider } from '#shared/imports/source-url.js';
import { Button } from '../../components/Button.js';
import { Field } from '../../components/Field.js';
import { FormError } from '../../components/FormError.js';
import { useAction } from '../../hooks/useAction.js';
import { dashboardUrl } from '../../lib/dashboard-links.js';
import { toUiError, type UiError } from '../../lib/errors.js';
import { formatBytes, importFinished, importPercent, importStatusText } from '../../lib/import-status.js';
import { useLocale } from '../../lib/i18n/react.js';
import { sendMessage, type ImportPreview, type WorkspaceChoice } from '../../lib/messaging/protocol.js';
import { importText as t } from './import-messages.js';
import { parsePages } from './import-pages.js';

/** How often the popup asks where a running import stands. */
const POLL_MS = 1000;

// The schema module carries zod, which the popup must not: its list of formats, as types allow.
const FORMATS: readonly CanvaExportType[] = ['png', 'jpg', 'pdf', 'mp4', 'gif'];
const VENDOR: Record<ImportProvider, string> = { canva: 'Canva', google_drive: 'Google Drive' };
const NOT_CONNECTED = ['integration_not_connected', 'integration_reconnect_needed', 'integration_unavailable'];

function exportLabel(type: DriveExportType): string {
  return type === 'application/pdf' ? t('pdf') : type === 'image/png' ? t('png') : t('jpeg');
}

/**
 * "Import design" (a Canva design page) / "Import file" (a Drive or Google Docs page), at the top of the
 * popup: what it is, the format, the pages, and an Import button; then the import's progress, asked of
 * the background every second while the popup is open. The import runs on the service, so closing the
 * popup stops nothing (the background notifies its end). Loaded only on such pages (see App.tsx).
 */
export function ImportSection({ url, provider, workspace }: { url: string; provider: ImportProvider; workspace: WorkspaceChoice | null }) {
  useLocale();
  const headingId = useId();
  const pagesId = useId();
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [previewError, setPreviewError] = useState<UiError | null>(null);
  const [format, setFormat] = useState<CanvaExportType>('png');
  const [exportAs, setExportAs] = useState<DriveExportType>('application/pdf');
  const [pagesText, setPagesText] = useState('');
  const [started, setStarted] = useState<Import | null>(null);
  const workspaceId = workspace && workspace.role !== 'viewer' ? workspace.id : null;
  const vendor = VENDOR[provider];

  useEffect(() => {
    if (!workspaceId) return;
    let live = true;
    setPreview(null);
    setPreviewError(null);
    sendMessage('previewImport', { workspaceId, url })
      .then((next) => live && setPreview(next))
      .catch((error: unknown) => live && setPreviewError(toUiError(error)));
    return () => {
      live = false;
    };
  }, [workspaceId, url]);

  // Polls while the import runs; a failed poll just waits for the next one.
  const runningId = started && !importFinished(started) ? started.id : null;
  useEffect(() => {
    if (!runningId || !workspaceId) return;
    const timer = setInterval(() => {
      void sendMessage('getImport', { workspaceId, importId: runningId }).then(setStarted, () => undefined);
    }, POLL_MS);
    return () => clearInterval(timer);
  }, [runningId, workspaceId]);

  const pageCount = preview?.provider === 'canva' ? (preview.pageCount ?? 1) : 1;
  const pages = parsePages(pagesText, pageCount);
  const start = useAction(async () => {
    if (!workspaceId || pages === null) return;
    const choices = provider === 'canva' ? { format, ...(pages.length > 0 ? { pages } : {}) } : preview?.provider === 'google_drive' && preview.exportAs.length > 0 ? { exportAs } : {};
    setStarted(await sendMessage('startImport', { workspaceId, url, clientId: crypto.randomUUID(), ...choices }));
  });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void start.run();
  };

  const notConnected = previewError && NOT_CONNECTED.includes(previewError.code);
  return (
    <section className="import-section" aria-labelledby={headingId} data-testid="import-section" data-provider={provider}>
      <h2 id={headingId}>{provider === 'canva' ? t('headingDesign') : t('headingFile')}</h2>
      {!workspaceId && <p className="hint">{t('chooseWorkspace')}</p>}
      {workspaceId && !preview && !previewError && <p className="muted" role="status">{t('reading', { vendor })}</p>}
      {notConnected && (
        <div className="notice" data-testid="import-not-connected">
          <p>{t('notConnected', { vendor })}</p>
          <a className="button button-secondary" href="/options.html#connections" target="_blank" rel="noreferrer" data-testid="open-connections">
            {t('openConnections')}
          </a>
        </div>
      )}
      {previewError && !notConnected && <FormError message={previewError.message} testId="import-error" />}
      {provider === 'google_drive' && (previewError?.code === 'import_no_access' || started?.failure?.code === 'no_access') && <DrivePickOffer url={url} />}
      {preview && workspace && !started && (
        <form onSubmit={onSubmit} noValidate data-testid="import-form">
          <ImportSummary preview={preview} />
          {preview.provider === 'canva' && (
            <div className="field">
              <label htmlFor={`${pagesId}-format`}>{t('format')}</label>
              <select id={`${pagesId}-format`} value={format} onChange={(event) => setFormat(event.target.value as CanvaExportType)} data-testid="import-format">
                {FORMATS.map((type) => <option key={type} value={type}>{type.toUpperCase()}</option>)}
              </select>
            </div>
          )}
          {preview.provider === 'canva' && pageCount > 1 && (
            <Field
              label={t('pagesField')}
              value={pagesText}
              inputMode="numeric"
              hint={t('pagesHint', { count: pageCount })}
              error={pages === null ? t('pagesInvalid', { count: pageCount }) : undefined}
              onChange={(event) => setPagesText(event.target.value)}
              data-testid="import-pages"
            />
          )}
          {preview.provider === 'google_drive' && preview.exportAs.length > 0 && (
            <div className="field">
              <label htmlFor={`${pagesId}-export`}>{t('exportAs')}</label>
              <select id={`${pagesId}-export`} value={exportAs} onChange={(event) => setExportAs(event.target.value as DriveExportType)} data-testid="import-export-as">
                {preview.exportAs.map((type) => <option key={type} value={type}>{exportLabel(type)}</option>)}
              </select>
            </div>
          )}
          {preview.provider === 'google_drive' && preview.exportAs.length === 0 && <p className="hint">{t('asIs')}</p>}
          <p className="hint">{t('into', { workspace: workspace.name })}</p>
          <FormError message={start.error?.message ?? null} testId="import-start-error" />
          <Button type="submit" pending={start.pending} pendingLabel={t('importing')} disabled={pages === null} data-testid="import-submit">
            {t('import')}
          </Button>
        </form>
      )}
      {started && <ImportProgress found={started} onAgain={() => setStarted(null)} />}
    </section>
  );
}

/**
 * Under `drive.file` Minopa reaches only the Drive files the person chose: offers to choose this one
 * (the background asks the service for a single-use picker link and opens it in a tab). Shown only when
 * the Drive connection's access is `file`; with `readonly` choosing would not help.
 */
function DrivePickOffer({ url }: { url: string }) {
  const [offered, setOffered] = useState(false);
  useEffect(() => {
    let live = true;
    sendMessage('getIntegrations')
      .then((items) => live && setOffered(items.some((item) => item.provider === 'google_drive' && item.connection?.access === 'file')))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, []);
  const open = useAction(() => sendMessage('openDrivePicker', { url }));
  if (!offered) return null;
  return (
    <div className="notice" data-testid="import-pick">
      <p>{t('pickNeeded')}</p>
      <Button variant="secondary" pending={open.pending} onClick={() => void open.run()} data-testid="import-pick-open">
        {t('pick')}
      </Button>
      <p className="hint">{t('pickThenImport')}</p>
      <FormError message={open.error?.message ?? null} testId="import-pick-error" />
    </div>
  );
}

function ImportSummary({ preview }: { preview: ImportPreview }) {
  if (preview.provider === 'canva') {
    return (
      <div className="import-summary" data-testid="import-summary">
        {preview.thumbnailUrl && <img className="library-thumb" src={preview.thumbnailUrl} alt="" />}
        <p>
          <strong>{preview.title ?? 'Canva'}</strong>
          {preview.pageCount !== null && <span className="muted"> · {t('pages', { count: preview.pageCount })}</span>}
        </p>
      </div>
    );
  }
  const size = preview.sizeBytes !== null ? formatBytes(preview.sizeBytes) : null;
  return (
    <div className="import-summary" data-testid="import-summary">
      <p>
        <strong>{preview.name}</strong>
        <span className="muted"> · {size ? t('size', { type: preview.mimeType, size }) : preview.mimeType}</span>
      </p>
    </div>
  );
}

/** Where the started import stands; a link to its draft when done, the reason and a retry when failed. */
function ImportProgress({ found, onAgain }: { found: Import; onAgain: () => void }) {
  const percent = found.status === 'downloading' ? importPercent(found) : null;
  const failed = found.status === 'failed';
  return (
    <div className="import-progress" data-testid="import-progress" data-status={found.status}>
      <p role={failed ? 'alert' : 'status'} className={failed ? 'form-error' : undefined} data-testid="import-status">{importStatusText(found)}</p>
      {!importFinished(found) && (
        <>
          <progress max={100} value={percent ?? undefined} aria-label={importStatusText(found)} />
          <p className="hint">{t('keepsRunning')}</p>
        </>
      )}
      {found.status === 'done' && found.postId && (
        <a className="button button-primary" href={dashboardUrl(found.postId)} target="_blank" rel="noreferrer" data-testid="import-open-draft">
          {t('openDraft')}
        </a>
      )}
      {failed && <Button variant="secondary" onClick={onAgain} data-testid="import-again">{t('again')}</Button>}
    </div>
  );
}
