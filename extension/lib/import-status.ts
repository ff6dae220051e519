import type { Import } from '#shared/api/imports.js';
import { defineMessages, formatNumber } from './i18n/index.js';

/**
 * How an import's progress reads, the same in the popup and on the Queue & calendar page. Types only
 * from the API schemas: UI bundles import this file. A failure's reason is the service's sentence.
 */
const t = defineMessages({
  en: {
    queued: 'Waiting to start…',
    exporting: 'Canva is exporting the design…',
    downloading: 'Downloading…',
    downloadingPercent: 'Downloading… {percent}%',
    downloadingBytes: 'Downloading… {size}',
    done: 'Imported: the draft is ready.',
    failed: 'Import failed: {reason}',
    untitledDesign: 'Canva design',
    untitledFile: 'Drive file',
  },
  de: {
    queued: 'Wartet auf den Start…',
    exporting: 'Canva exportiert das Design…',
    downloading: 'Wird heruntergeladen…',
    downloadingPercent: 'Wird heruntergeladen… {percent} %',
    downloadingBytes: 'Wird heruntergeladen… {size}',
    done: 'Importiert: Der Entwurf ist bereit.',
    failed: 'Import fehlgeschlagen: {reason}',
    untitledDesign: 'Canva-Design',
    untitledFile: 'Drive-Datei',
  },
});

/** Whether the import has ended (nothing more will change). */
export function importFinished(found: Pick<Import, 'status'>): boolean {
  return found.status === 'done' || found.status === 'failed';
}

/** Bytes received of the total, 0–100, when the vendor said how many to expect. */
export function importPercent(found: Pick<Import, 'receivedBytes' | 'totalBytes'>): number | null {
  if (!found.totalBytes || found.totalBytes <= 0) return null;
  return Math.min(100, Math.floor((found.receivedBytes / found.totalBytes) * 100));
}

/** A size in bytes as a person reads it: 340 KB, 12.5 MB. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024 * 1024) return `${formatNumber(Math.max(1, Math.round(bytes / 1024)))} KB`;
  return `${formatNumber(bytes / (1024 * 1024), { maximumFractionDigits: 1 })} MB`;
}

/** The sentence for where an import stands. */
export function importStatusText(found: Pick<Import, 'status' | 'receivedBytes' | 'totalBytes' | 'failure'>): string {
  switch (found.status) {
    case 'queued':
      return t('queued');
    case 'exporting':
      return t('exporting');
    case 'downloading': {
      const percent = importPercent(found);
      if (percent !== null) return t('downloadingPercent', { percent });
      return found.receivedBytes > 0 ? t('downloadingBytes', { size: formatBytes(found.receivedBytes) }) : t('downloading');
    }
    case 'done':
      return t('done');
    case 'failed':
      return t('failed', { reason: found.failure?.message ?? '' });
  }
}

/** What an import is called: its title once known, else what kind of thing it is. */
export function importName(found: Pick<Import, 'title' | 'provider'>): string {
  return found.title ?? (found.provider === 'canva' ? t('untitledDesign') : t('untitledFile'));
}
