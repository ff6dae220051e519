import type { ImportFailure } from '#shared/api/imports.js';
import { INTEGRATION_NAMES } from '#shared/api/integrations.js';
import { bilingual, type Bilingual } from '#shared/i18n.js';
import type { ImportProvider } from '#shared/imports/source-url.js';
import { HttpError } from '../errors.js';
import { isPlatformError } from '../platforms/lib/errors.js';

/** Why an import stopped, with the sentence for the person in both languages. */
export class ImportFailed extends Error {
  constructor(
    readonly code: ImportFailure,
    readonly text: Bilingual,
  ) {
    super(text.en);
    this.name = 'ImportFailed';
  }
}

/** What Canva says when an export fails (its ExportErrorCode), in words a person can act on. */
const CANVA_EXPORT_REASONS: Record<string, Bilingual> = {
  license_required: {
    en: 'The design contains premium elements that have not been purchased. Buy or remove them in Canva, then import again.',
    de: 'Das Design enthält Premium-Elemente, die nicht gekauft wurden. Kaufen oder entfernen Sie sie in Canva und importieren Sie dann erneut.',
  },
  approval_required: {
    en: 'The design needs a reviewer’s approval in Canva before it can be exported.',
    de: 'Das Design muss in Canva erst von einer prüfenden Person freigegeben werden, bevor es exportiert werden kann.',
  },
  internal_failure: { en: 'Canva had a problem exporting the design. Please try again later.', de: 'Canva hatte ein Problem beim Exportieren des Designs. Bitte versuchen Sie es später noch einmal.' },
};

/** The failure of a Canva export job, naming Canva's reason. */
export function canvaExportFailed(code: string | null): ImportFailed {
  const reason = (code && CANVA_EXPORT_REASONS[code]) || { en: 'Canva did not say why.', de: 'Canva hat keinen Grund genannt.' };
  return new ImportFailed('export_failed', bilingual({ en: 'The export failed at Canva: {reason}', de: 'Der Export ist bei Canva fehlgeschlagen: {reason}' }, { reason }));
}

/** The export job did not finish in the time an import waits for it. */
export function canvaExportTimedOut(): ImportFailed {
  return new ImportFailed('export_failed', {
    en: 'The export failed at Canva: it was still not finished after several minutes. Please try again.',
    de: 'Der Export ist bei Canva fehlgeschlagen: Er war nach mehreren Minuten noch nicht fertig. Bitte versuchen Sie es noch einmal.',
  });
}

/** Nothing usable came back (e.g. a download link on a host that is not Canva's). */
export function vendorAnsweredOddly(provider: ImportProvider): ImportFailed {
  return new ImportFailed('network_failed', bilingual({ en: '{name} answered in a way Minopa did not expect. Please try again.', de: '{name} hat unerwartet geantwortet. Bitte versuchen Sie es noch einmal.' }, { name: INTEGRATION_NAMES[provider] }));
}

function noAccess(provider: ImportProvider, driveFileOnly: boolean): ImportFailed {
  if (provider === 'canva') {
    return new ImportFailed('no_access', {
      en: 'Your Canva account cannot open this design. Ask its owner to share it with you, or connect the Canva account that owns it.',
      de: 'Ihr Canva-Konto kann dieses Design nicht öffnen. Bitten Sie die Eigentümerin oder den Eigentümer, es mit Ihnen zu teilen, oder verbinden Sie das Canva-Konto, dem es gehört.',
    });
  }
  return new ImportFailed('no_access', driveFileOnly
    ? {
        en: 'Minopa may only open the Drive files you picked for it. Pick this file in the Drive file picker, or reconnect Google Drive with access to all your files.',
        de: 'Minopa darf nur die Drive-Dateien öffnen, die Sie dafür ausgewählt haben. Wählen Sie diese Datei in der Drive-Dateiauswahl aus oder verbinden Sie Google Drive neu mit Zugriff auf alle Ihre Dateien.',
      }
    : {
        en: 'Your Google account cannot download this file (its owner may have turned downloading off, or not shared it with you).',
        de: 'Ihr Google-Konto kann diese Datei nicht herunterladen (die Eigentümerin oder der Eigentümer hat das Herunterladen vielleicht abgeschaltet oder sie nicht mit Ihnen geteilt).',
      });
}

function notFound(provider: ImportProvider): ImportFailed {
  return new ImportFailed('not_found', provider === 'canva'
    ? { en: 'There is no such Canva design (it may have been deleted).', de: 'Dieses Canva-Design gibt es nicht (es wurde vielleicht gelöscht).' }
    : { en: 'There is no such Google Drive file (it may have been deleted).', de: 'Diese Google-Drive-Datei gibt es nicht (sie wurde vielleicht gelöscht).' });
}

/** The file is larger than Drive exports or the library takes. */
export function tooLargeFailure(text: Bilingual): ImportFailed {
  return new ImportFailed('too_large', text);
}

/**
 * Any error of an import's steps as an ImportFailed, or null when it is worth trying again (a vendor's
 * temporary trouble or a lost connection). `driveFileOnly`: the Drive grant is drive.file, where Drive
 * answers 404 for a file that was never picked.
 */
export function importFailureOf(error: unknown, provider: ImportProvider, driveFileOnly: boolean): ImportFailed | null {
  if (error instanceof ImportFailed) return error;
  if (error instanceof HttpError) {
    switch (error.code) {
      case 'integration_not_connected':
      case 'integration_reconnect_needed':
      case 'integration_unavailable':
        return new ImportFailed('not_connected', error.code === 'integration_reconnect_needed' ? error.text : notConnectedText(provider));
      case 'media_too_large':
        return new ImportFailed('too_large', error.text);
      case 'media_type_not_allowed':
      case 'media_unreadable':
      case 'media_empty':
        return new ImportFailed('type_not_allowed', error.text);
      case 'plan_limit_reached':
        return new ImportFailed('plan_limit_reached', error.text);
      case 'network_failed':
        return null;
      default:
        return new ImportFailed('network_failed', error.text);
    }
  }
  if (isPlatformError(error)) {
    const status = error.details.httpStatus;
    const code = error.details.vendorCode ?? '';
    if (code === 'exportSizeLimitExceeded') {
      return tooLargeFailure({ en: 'Google Drive exports files of up to 10 MB only, and this one is larger.', de: 'Google Drive exportiert nur Dateien bis 10 MB, und diese ist größer.' });
    }
    if (status === 404) return provider === 'google_drive' && driveFileOnly ? noAccess(provider, true) : notFound(provider);
    if (status === 403 && error.kind !== 'rate_limited') return noAccess(provider, false);
    if (status === 400) return vendorAnsweredOddly(provider);
    return null;
  }
  return null;
}

/** 409 integration_not_connected, naming the provider and where to connect it. */
export function notConnectedText(provider: ImportProvider): Bilingual {
  return bilingual(
    { en: 'Connect {name} first, in Options → Connections.', de: 'Verbinden Sie {name} zuerst unter Optionen → Verbindungen.' },
    { name: INTEGRATION_NAMES[provider] },
  );
}

/** The same failures as the preview endpoints answer them: 409, 403 import_no_access, 404 not_found. */
export function previewError(error: unknown, provider: ImportProvider, driveFileOnly: boolean): unknown {
  const failure = importFailureOf(error, provider, driveFileOnly);
  if (!failure) return error instanceof HttpError ? error : new HttpError('network_failed');
  switch (failure.code) {
    case 'not_connected':
      return error instanceof HttpError ? error : new HttpError('integration_not_connected', failure.text);
    case 'no_access':
      return new HttpError('import_no_access', failure.text);
    case 'not_found':
      return new HttpError('not_found', failure.text);
    default:
      return new HttpError('network_failed', failure.text);
  }
}
