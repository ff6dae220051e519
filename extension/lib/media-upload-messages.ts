import { defineMessages } from './i18n/index.js';

/**
 * The refusals the quick post's media handling writes itself (media-upload.ts, in the background; it reads
 * the chosen language with `backgroundLocale()` first). `{file}` is the file's name.
 */
export const mediaText = defineMessages({
  en: {
    noImageAddress: 'The page’s image has no web address Minopa can read.',
    imageUnreadable: 'This site does not let Minopa read its image. Save the image and choose it with “Upload file”, or take a screenshot.',
    cannotCapture: 'This page cannot be captured (browser pages and the extension store are off limits). Open the page you want and try again.',
    empty: '“{file}” is empty.',
    wrongType: '“{file}” is not a file Minopa can publish: choose a JPEG, PNG, GIF or WebP image, an MP4, MOV or WebM video, or a PDF.',
    pieceMissing: 'Part of the file went missing on its way. Choose the file again.',
    connectionLost: 'The connection to Minopa dropped during the upload and did not come back after {tries} tries. Check your connection and choose the file again.',
    unreadable: 'The file could not be read. Choose it again.',
    screenshotUnreadable: 'The screenshot could not be read. Try again.',
  },
  de: {
    noImageAddress: 'Das Bild der Seite hat keine Webadresse, die Minopa lesen kann.',
    imageUnreadable: 'Diese Website lässt Minopa ihr Bild nicht lesen. Speichern Sie das Bild und wählen Sie es mit „Datei hochladen“ aus, oder nehmen Sie ein Bildschirmfoto auf.',
    cannotCapture: 'Diese Seite kann nicht aufgenommen werden (Browserseiten und der Erweiterungs-Store sind ausgenommen). Öffnen Sie die gewünschte Seite und versuchen Sie es erneut.',
    empty: '„{file}“ ist leer.',
    wrongType: '„{file}“ ist keine Datei, die Minopa veröffentlichen kann: Wählen Sie ein JPEG-, PNG-, GIF- oder WebP-Bild, ein MP4-, MOV- oder WebM-Video oder ein PDF.',
    pieceMissing: 'Ein Teil der Datei ist unterwegs verloren gegangen. Wählen Sie die Datei erneut.',
    connectionLost: 'Die Verbindung zu Minopa ist beim Hochladen abgebrochen und kam auch nach {tries} Versuchen nicht zurück. Prüfen Sie Ihre Verbindung und wählen Sie die Datei erneut.',
    unreadable: 'Die Datei konnte nicht gelesen werden. Wählen Sie sie erneut.',
    screenshotUnreadable: 'Das Bildschirmfoto konnte nicht gelesen werden. Versuchen Sie es erneut.',
  },
});
