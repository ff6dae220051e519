import { defineMessages } from '../i18n/index.js';

/**
 * Every sentence a capture shows — notifications of the context menu, the keyboard commands, the
 * screenshot and the offline queue, and the refusals the extension writes itself (refusals of the
 * service stay as it sent them). The background reads the chosen language (`backgroundLocale()`)
 * before it builds any of them.
 *
 * `{workspace}` is a workspace's name. The German sentences put it after "in" or "von", where the
 * fallback `yourWorkspace` ("Ihrem Arbeitsbereich", dative) reads right too.
 */
export const captureText = defineMessages({
  en: {
    yourWorkspace: 'your workspace',

    savedTitle: 'Saved to Minopa',
    saved: 'Saved to {workspace} as a draft',
    signInTitle: 'Sign in to Minopa',
    signInQueued: 'Your session has ended. Sign in again and your capture will be saved to {workspace}.',
    notSignedIn: 'Sign in to save pages to your workspace. Click here to open Minopa.',
    offlineTitle: 'Minopa is offline',
    offlineQueued: 'The service cannot be reached. Your capture will be saved to {workspace} when it is back.',
    notSavedTitle: 'Not saved to Minopa',
    imageNotAddedTitle: 'Image not added',
    imageNotAdded: 'The draft was saved, but its image could not be read from the page. Add the image to the draft from the media library.',
    videoNotAddedTitle: 'Video not added',
    videoNotAdded:
      'The draft was saved, but its video could not be read from the page. Download the video and add it to the draft from the media library.',
    // SupplyOutcome 'too_large': a video over PAGE_VIDEO_MAX_BYTES is not read from the page.
    videoTooLarge:
      'The draft was saved, but its video is larger than {max} MB, the most Minopa reads from a page. Download the video and add it to the draft from the media library.',
    noTab: 'There is no open tab to save.',

    notOurs: 'This menu item does not save anything.',
    notWeb: 'Minopa can save only web pages (addresses starting with http:// or https://).',
    noSelection: 'Select some text on the page first.',
    notWebLink: 'Minopa can save only links to web pages (http:// or https://).',
    embeddedImage: 'This image is embedded in the page and has no web address, so Minopa cannot save it.',
    noWorkspace: 'Choose a default workspace in Minopa’s options first.',
    invalidFields: 'Some fields are missing or not valid.',
    draftKeptSignIn: 'Your session has ended. Sign in again; your draft is kept and will be saved then.',
    signInToSave: 'Sign in to Minopa to save drafts.',

    screenshotSavedTitle: 'Screenshot saved to Minopa',
    screenshotSaved: 'Saved to {workspace} as a draft with the screenshot.',
    screenshotNotSavedTitle: 'Screenshot not saved',
    screenshotSignIn: 'Sign in to save screenshots to your workspace. Click here to open Minopa.',
    invalidPage: 'This page’s details are not valid for a draft.',
    cannotTake: 'The browser did not allow a screenshot of this tab. Screenshots work on web pages in the active tab.',
    screenshotOffline: '{reason} Screenshots are not kept for later: try again when the service is back.',
    inLibraryOnly: 'The screenshot is in the media library of {workspace}, but no draft was made: {reason}',
    notAttachedTitle: 'Screenshot not added to the draft',
    notAttached:
      'The draft was saved to {workspace} and the screenshot is in its media library, but it could not be added to the draft. Add it from the media library.',
    screenshotFile: 'Screenshot {host} {stamp}.png',

    queueDelivered: {
      one: 'A capture that was waiting was saved to {workspace} as a draft.',
      other: '{count} captures that were waiting were saved to {workspace} as drafts.',
    },
    queueSignIn: {
      one: 'Your session has ended. Sign in again to send the waiting capture.',
      other: 'Your session has ended. Sign in again to send the {count} waiting captures.',
    },
  },
  de: {
    yourWorkspace: 'Ihrem Arbeitsbereich',

    savedTitle: 'In Minopa gespeichert',
    saved: 'Als Entwurf in {workspace} gespeichert',
    signInTitle: 'Bei Minopa anmelden',
    signInQueued: 'Ihre Sitzung ist abgelaufen. Melden Sie sich erneut an, dann wird Ihre Erfassung in {workspace} gespeichert.',
    notSignedIn: 'Melden Sie sich an, um Seiten in Ihrem Arbeitsbereich zu speichern. Klicken Sie hier, um Minopa zu öffnen.',
    offlineTitle: 'Minopa ist offline',
    offlineQueued: 'Der Dienst ist nicht erreichbar. Ihre Erfassung wird in {workspace} gespeichert, sobald er wieder erreichbar ist.',
    notSavedTitle: 'Nicht in Minopa gespeichert',
    imageNotAddedTitle: 'Bild nicht hinzugefügt',
    imageNotAdded:
      'Der Entwurf wurde gespeichert, aber sein Bild konnte nicht von der Seite gelesen werden. Fügen Sie das Bild aus der Mediathek zum Entwurf hinzu.',
    videoNotAddedTitle: 'Video nicht hinzugefügt',
    videoNotAdded:
      'Der Entwurf wurde gespeichert, aber sein Video konnte nicht von der Seite gelesen werden. Laden Sie das Video herunter und fügen Sie es aus der Mediathek zum Entwurf hinzu.',
    videoTooLarge:
      'Der Entwurf wurde gespeichert, aber sein Video ist größer als {max} MB – mehr liest Minopa nicht von einer Seite. Laden Sie das Video herunter und fügen Sie es aus der Mediathek zum Entwurf hinzu.',
    noTab: 'Es ist kein Tab geöffnet, der gespeichert werden könnte.',

    notOurs: 'Dieser Menüeintrag speichert nichts.',
    notWeb: 'Minopa kann nur Webseiten speichern (Adressen, die mit http:// oder https:// beginnen).',
    noSelection: 'Markieren Sie zuerst Text auf der Seite.',
    notWebLink: 'Minopa kann nur Links zu Webseiten speichern (http:// oder https://).',
    embeddedImage: 'Dieses Bild ist in die Seite eingebettet und hat keine Webadresse, daher kann Minopa es nicht speichern.',
    noWorkspace: 'Wählen Sie zuerst in den Einstellungen von Minopa einen Standard-Arbeitsbereich.',
    invalidFields: 'Einige Felder fehlen oder sind ungültig.',
    draftKeptSignIn: 'Ihre Sitzung ist abgelaufen. Melden Sie sich erneut an; Ihr Entwurf bleibt erhalten und wird dann gespeichert.',
    signInToSave: 'Melden Sie sich bei Minopa an, um Entwürfe zu speichern.',

    screenshotSavedTitle: 'Bildschirmfoto in Minopa gespeichert',
    screenshotSaved: 'Als Entwurf mit dem Bildschirmfoto in {workspace} gespeichert.',
    screenshotNotSavedTitle: 'Bildschirmfoto nicht gespeichert',
    screenshotSignIn: 'Melden Sie sich an, um Bildschirmfotos in Ihrem Arbeitsbereich zu speichern. Klicken Sie hier, um Minopa zu öffnen.',
    invalidPage: 'Die Angaben dieser Seite sind für einen Entwurf nicht gültig.',
    cannotTake: 'Der Browser hat kein Bildschirmfoto dieses Tabs zugelassen. Bildschirmfotos sind auf Webseiten im aktiven Tab möglich.',
    screenshotOffline: '{reason} Bildschirmfotos werden nicht für später aufbewahrt: Versuchen Sie es erneut, sobald der Dienst wieder erreichbar ist.',
    inLibraryOnly: 'Das Bildschirmfoto liegt in der Mediathek von {workspace}, aber es wurde kein Entwurf erstellt: {reason}',
    notAttachedTitle: 'Bildschirmfoto nicht zum Entwurf hinzugefügt',
    notAttached:
      'Der Entwurf wurde in {workspace} gespeichert und das Bildschirmfoto liegt in der Mediathek, konnte aber nicht zum Entwurf hinzugefügt werden. Fügen Sie es aus der Mediathek hinzu.',
    screenshotFile: 'Bildschirmfoto {host} {stamp}.png',

    queueDelivered: {
      one: 'Eine wartende Erfassung wurde als Entwurf in {workspace} gespeichert.',
      other: '{count} wartende Erfassungen wurden als Entwürfe in {workspace} gespeichert.',
    },
    queueSignIn: {
      one: 'Ihre Sitzung ist abgelaufen. Melden Sie sich erneut an, um die wartende Erfassung zu senden.',
      other: 'Ihre Sitzung ist abgelaufen. Melden Sie sich erneut an, um die {count} wartenden Erfassungen zu senden.',
    },
  },
});
