import { lazy, Suspense, useId, useRef, useState, type ChangeEvent } from 'react';
import { flushSync } from 'react-dom';
import { MEDIA_TYPES } from '#shared/media-types.js';
import { Button } from '../../components/Button.js';
import { FormError } from '../../components/FormError.js';
import { useAction } from '../../hooks/useAction.js';
import { defineMessages } from '../../lib/i18n/index.js';
import { useLocale } from '../../lib/i18n/react.js';
import { sendMessage } from '../../lib/messaging/protocol.js';
import { uploadFromDisk, type UploadProgress } from '../../lib/media-upload-client.js';
import type { PopupMedia } from '../../lib/popup-types.js';

// The library picker loads when first opened: it stays out of the JavaScript the popup needs to start.
const LibraryPicker = lazy(() => import('./LibraryPicker.js').then((module) => ({ default: module.LibraryPicker })));

const t = defineMessages({
  en: {
    legend: 'Media',
    pageImageAlt: 'The page’s image',
    attachPageImage: 'Attach page image',
    attachingPageImage: 'Attaching…',
    dismiss: 'Dismiss',
    dismissLabel: 'Dismiss the page’s image',
    upload: 'Upload file',
    screenshot: 'Screenshot',
    screenshotting: 'Capturing…',
    library: 'Library',
    openingLibrary: 'Opening the media library…',
    remove: 'Remove {name}',
    unnamed: '{kind} {number}',
    uploading: 'Uploading {name}: {percent}%',
    cancel: 'Cancel upload',
    image: 'Image',
    video: 'Video',
    document: 'PDF',
  },
  de: {
    legend: 'Medien',
    pageImageAlt: 'Das Bild der Seite',
    attachPageImage: 'Bild der Seite anhängen',
    attachingPageImage: 'Wird angehängt…',
    dismiss: 'Ausblenden',
    dismissLabel: 'Das Bild der Seite ausblenden',
    upload: 'Datei hochladen',
    screenshot: 'Bildschirmfoto',
    screenshotting: 'Wird aufgenommen…',
    library: 'Mediathek',
    openingLibrary: 'Die Mediathek wird geöffnet…',
    remove: '{name} entfernen',
    unnamed: '{kind} {number}',
    uploading: '{name} wird hochgeladen: {percent} %',
    cancel: 'Hochladen abbrechen',
    image: 'Bild',
    video: 'Video',
    document: 'PDF',
  },
});

/** "Image" / „Bild“ for a medium's kind. */
function kindText(kind: string): string {
  return kind === 'image' || kind === 'video' || kind === 'document' ? t(kind) : kind;
}

const percentOf = (state: UploadProgress) => Math.floor((state.sent / state.total) * 100);

const ACCEPT = Object.keys(MEDIA_TYPES).join(',');

interface MediaTrayProps {
  workspaceId: string;
  /** The tab the popup was opened on; null when the popup was given a page by address only. */
  tabId: number | null;
  /** The page's og:image, offered until attached or dismissed. */
  pageImage: string | null;
  media: PopupMedia[];
  onChange: (media: PopupMedia[]) => void;
}

/**
 * The post's media: the page's image (attach or dismiss), a file from disk with progress, a screenshot of
 * the tab, or files already in the workspace's library (the "Library" picker).
 */
export function MediaTray({ workspaceId, tabId, pageImage, media, onChange }: MediaTrayProps) {
  useLocale();
  const [dismissed, setDismissed] = useState(false);
  const [pageImageAttached, setPageImageAttached] = useState(false);
  const [progress, setProgress] = useState<{ name: string; state: UploadProgress } | null>(null);
  const cancelled = useRef(false);
  const inputId = useId();
  // Each action adds to the list as it stands when it finishes, not when it started.
  const latest = useRef(media);
  latest.current = media;
  const add = (medium: PopupMedia) => onChange([...latest.current, medium]);
  const [libraryOpen, setLibraryOpen] = useState(false);
  const libraryButton = useRef<HTMLButtonElement>(null);
  const libraryId = useId();
  const closeLibrary = () => {
    setLibraryOpen(false);
    // Back where the person opened it, so keyboard users carry on from there.
    libraryButton.current?.focus();
  };

  const attach = useAction(async () => {
    if (tabId === null || !pageImage) return;
    add(await sendMessage('attachPageImage', { workspaceId, tabId, imageUrl: pageImage }));
    setPageImageAttached(true);
  });
  const screenshot = useAction(async () => add(await sendMessage('captureScreenshot', { workspaceId, tabId })));
  const upload = useAction(async (file: File) => {
    cancelled.current = false;
    setProgress({ name: file.name, state: { sent: 0, total: file.size } });
    try {
      // Painted at once: the last piece's 100 % would otherwise be batched away with the bar's removal.
      const medium = await uploadFromDisk(workspaceId, file, (state) => flushSync(() => setProgress({ name: file.name, state })), () => cancelled.current);
      if (medium) add(medium);
    } finally {
      setProgress(null);
    }
  });
  const onFile = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    // Cleared so choosing the same file again (after removing it) is noticed.
    event.target.value = '';
    if (file) void upload.run(file);
  };
  const error = attach.error ?? screenshot.error ?? upload.error;
  const offerPageImage = pageImage && !dismissed && !pageImageAttached && tabId !== null;
  const busy = attach.pending || screenshot.pending || upload.pending;
  // Bytes the service holds, not bytes read: the bar reaches 100 % when the file is in the library.
  const percent = progress ? percentOf(progress.state) : 0;
  const progressText = progress ? t('uploading', { name: progress.name, percent }) : '';

  return (
    <fieldset className="media" data-testid="media">
      <legend>{t('legend')}</legend>
      {media.length > 0 && (
        <ul className="media-list">
          {media.map((medium, index) => {
            const name = medium.name ?? t('unnamed', { kind: kindText(medium.kind), number: index + 1 });
            return (
              <li key={medium.id} className="media-item" data-testid="attached-media">
                {medium.thumbnailUrl ? <img src={medium.thumbnailUrl} alt="" /> : <span className="media-kind">{kindText(medium.kind)}</span>}
                <span className="media-name" title={name}>{name}</span>
                <button type="button" className="media-remove" aria-label={t('remove', { name })} onClick={() => onChange(media.filter((other) => other.id !== medium.id))}>
                  ×
                </button>
              </li>
            );
          })}
        </ul>
      )}
      {offerPageImage && (
        <div className="page-image" data-testid="page-image">
          <img src={pageImage} alt={t('pageImageAlt')} />
          <div className="page-image-actions">
            <Button variant="secondary" onClick={() => void attach.run()} pending={attach.pending} pendingLabel={t('attachingPageImage')} data-testid="attach-page-image">
              {t('attachPageImage')}
            </Button>
            <Button variant="link" aria-label={t('dismissLabel')} onClick={() => setDismissed(true)} disabled={attach.pending}>
              {t('dismiss')}
            </Button>
          </div>
        </div>
      )}
      <div className="media-actions">
        <label htmlFor={inputId} className={`button button-secondary file-button${busy ? ' is-disabled' : ''}`}>
          {t('upload')}
        </label>
        <input id={inputId} type="file" accept={ACCEPT} className="visually-hidden" onChange={onFile} disabled={busy} data-testid="upload-file" />
        <Button variant="secondary" onClick={() => void screenshot.run()} pending={screenshot.pending} pendingLabel={t('screenshotting')} disabled={busy} data-testid="screenshot">
          {t('screenshot')}
        </Button>
        <button
          ref={libraryButton}
          type="button"
          className="button button-secondary"
          aria-expanded={libraryOpen}
          aria-controls={libraryOpen ? libraryId : undefined}
          onClick={() => (libraryOpen ? closeLibrary() : setLibraryOpen(true))}
          data-testid="open-library"
        >
          {t('library')}
        </button>
      </div>
      {libraryOpen && (
        <div id={libraryId}>
          <Suspense fallback={<p className="hint" role="status">{t('openingLibrary')}</p>}>
            <LibraryPicker
              key={workspaceId}
              workspaceId={workspaceId}
              attachedIds={media.map((medium) => medium.id)}
              onAttach={(chosen) => {
                onChange([...latest.current, ...chosen.filter((medium) => !latest.current.some((other) => other.id === medium.id))]);
                closeLibrary();
              }}
              onClose={closeLibrary}
            />
          </Suspense>
        </div>
      )}
      {progress && (
        <div className="upload-progress" data-testid="upload-progress">
          <span role="status">{progressText}</span>
          <progress value={percent} max={100} aria-valuenow={percent} aria-label={progressText} />
          <Button variant="link" onClick={() => { cancelled.current = true; }}>{t('cancel')}</Button>
        </div>
      )}
      <FormError message={error?.message ?? null} upgradeUrl={error?.upgradeUrl} testId="media-error" />
    </fieldset>
  );
}
