import type { ErrorCode } from './error-codes.js';
import type { Bilingual } from './i18n.js';

/**
 * The default sentence of every error code (error-codes.ts: the codes and their HTTP statuses), in English
 * (`message`, also the wire default) and German (`de`); a route may give a more specific sentence. The
 * service answers in the request's language.
 */
export const ERRORS = {
  malformed_request: {
    message: 'The request could not be read as HTTP.',
    de: 'Die Anfrage konnte nicht als HTTP gelesen werden.',
  },
  request_timeout: {
    message: 'The request took too long to arrive. Check the connection and send it again.',
    de: 'Die Anfrage kam zu langsam an. Prüfen Sie die Verbindung und senden Sie sie erneut.',
  },
  request_headers_too_large: {
    message: 'The address and headers of the request are larger than 16 KB. Shorten the address (a long query string) or send fewer cookies.',
    de: 'Adresse und Kopfzeilen der Anfrage sind größer als 16 KB. Kürzen Sie die Adresse (eine lange Abfragezeichenkette) oder senden Sie weniger Cookies.',
  },
  malformed_json: {
    message: 'The request body is not valid JSON.',
    de: 'Der Inhalt der Anfrage ist kein gültiges JSON.',
  },
  validation_failed: {
    message: 'Some fields are missing or not valid.',
    de: 'Einige Angaben fehlen oder sind ungültig.',
  },
  unauthenticated: {
    message: 'Please sign in to continue.',
    de: 'Bitte melden Sie sich an, um fortzufahren.',
  },
  session_expired: {
    message: 'Your session has ended. Please sign in again.',
    de: 'Ihre Sitzung ist abgelaufen. Bitte melden Sie sich erneut an.',
  },
  invalid_credentials: {
    message: 'That email and password do not match an account.',
    de: 'Zu dieser E-Mail-Adresse und diesem Passwort gibt es kein Konto.',
  },
  forbidden: {
    message: 'Your role in this workspace does not allow that.',
    de: 'Ihre Rolle in diesem Arbeitsbereich erlaubt das nicht.',
  },
  not_found: {
    message: 'We could not find that.',
    de: 'Das haben wir nicht gefunden.',
  },
  route_not_found: {
    message: 'There is no such endpoint.',
    de: 'Diesen Endpunkt gibt es nicht.',
  },
  method_not_allowed: {
    message: 'This endpoint does not accept that method.',
    de: 'Dieser Endpunkt nimmt diese Methode nicht an.',
  },
  email_taken: {
    message: 'An account with this email already exists. Sign in instead.',
    de: 'Es gibt bereits ein Konto mit dieser E-Mail-Adresse. Melden Sie sich stattdessen an.',
  },
  legal_version_outdated: {
    message: 'The Terms or Privacy Policy changed while you were signing up. Please review and accept the current versions.',
    de: 'Die Nutzungsbedingungen oder die Datenschutzerklärung wurden während Ihrer Registrierung geändert. Bitte lesen und akzeptieren Sie die aktuellen Fassungen.',
  },
  legal_acceptance_required: {
    message: 'The Terms or the Privacy Policy changed. Please read what changed and accept the current versions in Minopa’s settings to continue publishing.',
    de: 'Die Nutzungsbedingungen oder die Datenschutzerklärung haben sich geändert. Bitte lesen Sie die Änderungen und akzeptieren Sie die aktuellen Fassungen in den Einstellungen von Minopa, um weiter zu veröffentlichen.',
  },
  email_not_verified: {
    message: 'Verify your email address first: we sent you a link.',
    de: 'Bestätigen Sie zuerst Ihre E-Mail-Adresse: Wir haben Ihnen einen Link geschickt.',
  },
  password_not_set: {
    message: 'This account signs in with Google and has no password. Use “Continue with Google”, or reset your password to set one.',
    de: 'Dieses Konto meldet sich mit Google an und hat kein Passwort. Verwenden Sie „Weiter mit Google“ oder setzen Sie Ihr Passwort zurück, um eines festzulegen.',
  },
  link_invalid: {
    message: 'This link is not valid or has already been used. Ask for a new one.',
    de: 'Dieser Link ist ungültig oder wurde bereits verwendet. Fordern Sie einen neuen an.',
  },
  link_expired: {
    message: 'This link has expired. Ask for a new one.',
    de: 'Dieser Link ist abgelaufen. Fordern Sie einen neuen an.',
  },
  csrf_failed: {
    message: 'This form is out of date. Reload the page and try again.',
    de: 'Dieses Formular ist veraltet. Laden Sie die Seite neu und versuchen Sie es noch einmal.',
  },
  google_sign_in_disabled: {
    message: 'Sign-in with Google is not available on this Minopa service.',
    de: 'Die Anmeldung mit Google ist bei diesem Minopa-Dienst nicht verfügbar.',
  },
  google_sign_in_failed: {
    message: 'Google sign-in could not be completed. Please try again.',
    de: 'Die Anmeldung mit Google konnte nicht abgeschlossen werden. Bitte versuchen Sie es noch einmal.',
  },
  google_access_denied: {
    message: 'Google sign-in was cancelled, so you are not signed in.',
    de: 'Die Anmeldung mit Google wurde abgebrochen, Sie sind also nicht angemeldet.',
  },
  google_email_unverified: {
    message: 'Google has not verified the email address of this Google account, so it cannot be used to sign in.',
    de: 'Google hat die E-Mail-Adresse dieses Google-Kontos nicht bestätigt, daher kann es nicht zur Anmeldung verwendet werden.',
  },
  account_not_found: {
    message: 'There is no Minopa account for this Google account yet. Create one with “Continue with Google” on the sign-up form.',
    de: 'Zu diesem Google-Konto gibt es noch kein Minopa-Konto. Legen Sie eines mit „Weiter mit Google“ im Registrierungsformular an.',
  },
  sign_in_expired: {
    message: 'The sign-in took too long or was started in another window. Please try again.',
    de: 'Die Anmeldung hat zu lange gedauert oder wurde in einem anderen Fenster begonnen. Bitte versuchen Sie es noch einmal.',
  },
  invalid_redirect_uri: {
    message: 'The sign-in was started with a return address that is not a browser extension’s.',
    de: 'Die Anmeldung wurde mit einer Rücksprungadresse begonnen, die nicht zu einer Browsererweiterung gehört.',
  },
  // Teams: members, invitations, ownership.
  already_member: {
    message: 'That person is already a member of this workspace.',
    de: 'Diese Person ist bereits Mitglied dieses Arbeitsbereichs.',
  },
  last_owner: {
    message: 'A workspace always needs at least one owner. Make another member an owner (or transfer ownership) first.',
    de: 'Ein Arbeitsbereich braucht immer mindestens einen Inhaber. Machen Sie zuerst ein anderes Mitglied zum Inhaber (oder übertragen Sie die Inhaberschaft).',
  },
  workspace_name_mismatch: {
    message: "To delete the workspace, type its name exactly as it is shown.",
    de: 'Um den Arbeitsbereich zu löschen, geben Sie seinen Namen genau so ein, wie er angezeigt wird.',
  },
  invitation_not_found: {
    message: 'This invitation link is not valid. Check that you used the whole link from the email, or ask for a new invitation.',
    de: 'Dieser Einladungslink ist ungültig. Prüfen Sie, ob Sie den ganzen Link aus der E-Mail verwendet haben, oder bitten Sie um eine neue Einladung.',
  },
  invitation_expired: {
    message: 'This invitation has expired. Ask the person who invited you to send a new one.',
    de: 'Diese Einladung ist abgelaufen. Bitten Sie die Person, die Sie eingeladen hat, eine neue zu senden.',
  },
  invitation_revoked: {
    message: 'This invitation was withdrawn or replaced by a newer one. Use the link in the most recent invitation email, or ask for a new one.',
    de: 'Diese Einladung wurde zurückgezogen oder durch eine neuere ersetzt. Verwenden Sie den Link aus der neuesten Einladungs-E-Mail oder bitten Sie um eine neue.',
  },
  invitation_used: {
    message: 'This invitation has already been used. Sign in to open the workspace.',
    de: 'Diese Einladung wurde bereits verwendet. Melden Sie sich an, um den Arbeitsbereich zu öffnen.',
  },
  invitation_email_mismatch: {
    message: 'This invitation was sent to a different email address. Sign in with the account of the invited address to accept it.',
    de: 'Diese Einladung wurde an eine andere E-Mail-Adresse geschickt. Melden Sie sich mit dem Konto der eingeladenen Adresse an, um sie anzunehmen.',
  },
  unsubscribe_link_invalid: {
    message: 'This unsubscribe link is not valid: it may have been cut off or changed. Open the link from the email again, or change your email preferences in Settings.',
    de: 'Dieser Abmeldelink ist ungültig: Er wurde vielleicht abgeschnitten oder verändert. Öffnen Sie den Link aus der E-Mail noch einmal oder ändern Sie Ihre E-Mail-Einstellungen in den Einstellungen.',
  },
  payload_too_large: {
    message: 'The request is too large.',
    de: 'Die Anfrage ist zu groß.',
  },
  unsupported_media_type: {
    message: 'Send the request body as JSON (Content-Type: application/json).',
    de: 'Senden Sie den Inhalt der Anfrage als JSON (Content-Type: application/json).',
  },
  media_too_large: {
    message: 'This file is larger than the library accepts for its kind.',
    de: 'Diese Datei ist größer, als die Mediathek für ihre Art annimmt.',
  },
  media_type_not_allowed: {
    message: 'This kind of file cannot be added to the library. Images (JPEG, PNG, GIF, WebP), videos (MP4, MOV, WebM) and PDF documents can.',
    de: 'Diese Art von Datei kann nicht in die Mediathek aufgenommen werden. Bilder (JPEG, PNG, GIF, WebP), Videos (MP4, MOV, WebM) und PDF-Dokumente schon.',
  },
  media_empty: {
    message: 'The upload is empty: send the file’s bytes as the request body.',
    de: 'Der Upload ist leer: Senden Sie die Bytes der Datei als Inhalt der Anfrage.',
  },
  media_unreadable: {
    message: 'The file could not be read. It may be damaged or cut short.',
    de: 'Die Datei konnte nicht gelesen werden. Sie ist vielleicht beschädigt oder unvollständig.',
  },
  media_in_use: {
    message: 'This file is used by a scheduled post. Unschedule the post or remove the file from it first.',
    de: 'Diese Datei wird von einem geplanten Beitrag verwendet. Heben Sie zuerst die Planung des Beitrags auf oder entfernen Sie die Datei daraus.',
  },
  media_link_invalid: {
    message: 'This file link is not valid.',
    de: 'Dieser Dateilink ist ungültig.',
  },
  media_link_expired: {
    message: 'This file link has expired. Reload the page to get a new one.',
    de: 'Dieser Dateilink ist abgelaufen. Laden Sie die Seite neu, um einen neuen zu erhalten.',
  },
  upload_offset_mismatch: {
    message: 'This piece does not start where the upload stands. Ask for the upload’s status and continue from its receivedBytes.',
    de: 'Dieses Stück beginnt nicht dort, wo der Upload steht. Fragen Sie den Stand des Uploads ab und machen Sie bei dessen receivedBytes weiter.',
  },
  upload_chunk_invalid: {
    message: 'This piece is not as long as the upload expects: every piece but the last is chunkBytes long, the last is what remains.',
    de: 'Dieses Stück hat nicht die Länge, die der Upload erwartet: Jedes Stück außer dem letzten ist chunkBytes lang, das letzte ist der Rest.',
  },
  capture_media_not_needed: {
    message: 'This draft does not wait for an image or video from the browser.',
    de: 'Dieser Entwurf wartet weder auf ein Bild noch auf ein Video aus dem Browser.',
  },
  // Connected network accounts.
  network_unavailable: {
    message: 'This Minopa service is not set up to connect that network. Ask its operator to configure it.',
    de: 'Dieser Minopa-Dienst ist nicht dafür eingerichtet, dieses Netzwerk zu verbinden. Bitten Sie den Betreiber, es einzurichten.',
  },
  connect_expired: {
    message: 'This connection attempt took too long or was already finished. Start connecting again from Minopa.',
    de: 'Dieser Verbindungsversuch hat zu lange gedauert oder ist bereits abgeschlossen. Beginnen Sie die Verbindung in Minopa noch einmal.',
  },
  connect_denied: {
    message: 'The connection was cancelled at the network, so nothing was connected.',
    de: 'Die Verbindung wurde beim Netzwerk abgebrochen, es wurde also nichts verbunden.',
  },
  connect_failed: {
    message: 'The network did not complete the connection. Please try again in a moment.',
    de: 'Das Netzwerk hat die Verbindung nicht abgeschlossen. Bitte versuchen Sie es gleich noch einmal.',
  },
  network_failed: {
    message: 'The network did not answer as expected. Please try again in a moment.',
    de: 'Das Netzwerk hat nicht wie erwartet geantwortet. Bitte versuchen Sie es gleich noch einmal.',
  },
  connect_no_accounts: {
    message: 'The network returned no account Minopa can publish to with this login.',
    de: 'Das Netzwerk hat kein Konto geliefert, in dem Minopa mit dieser Anmeldung veröffentlichen kann.',
  },
  // A person's Canva and Google Drive connections.
  integration_unavailable: {
    message: 'This Minopa service is not set up to connect that service. Ask its operator to configure it.',
    de: 'Dieser Minopa-Dienst ist nicht dafür eingerichtet, diesen Dienst zu verbinden. Bitten Sie den Betreiber, ihn einzurichten.',
  },
  integration_not_connected: {
    message: 'Connect this service first, in Options → Connections.',
    de: 'Verbinden Sie diesen Dienst zuerst unter Optionen → Verbindungen.',
  },
  integration_reconnect_needed: {
    message: 'The connection no longer works. Reconnect it in Options → Connections.',
    de: 'Die Verbindung funktioniert nicht mehr. Verbinden Sie sie unter Optionen → Verbindungen neu.',
  },
  // Imports from Canva and Google Drive.
  import_no_access: {
    message: 'Your connected account cannot open this design or file. Ask its owner to share it with you.',
    de: 'Ihr verbundenes Konto kann dieses Design bzw. diese Datei nicht öffnen. Bitten Sie die Eigentümerin oder den Eigentümer, es mit Ihnen zu teilen.',
  },
  // Publishing: targets and schedules.
  content_invalid: {
    message: 'Some of the content does not fit the rules of the networks it goes to.',
    de: 'Ein Teil des Inhalts passt nicht zu den Regeln der Netzwerke, in denen er erscheinen soll.',
  },
  account_unavailable: {
    message: 'One of the chosen accounts is not connected anymore. Reconnect it or choose another.',
    de: 'Eines der gewählten Konten ist nicht mehr verbunden. Verbinden Sie es neu oder wählen Sie ein anderes.',
  },
  no_targets: {
    message: 'Choose at least one connected account to publish to before scheduling.',
    de: 'Wählen Sie vor dem Planen mindestens ein verbundenes Konto, in dem veröffentlicht werden soll.',
  },
  post_archived: {
    message: 'Archived posts cannot be scheduled. Unarchive the post first.',
    de: 'Archivierte Beiträge können nicht geplant werden. Holen Sie den Beitrag zuerst aus dem Archiv.',
  },
  target_locked: {
    message: 'This post is being published right now, so it cannot be changed. Try again in a minute.',
    de: 'Dieser Beitrag wird gerade veröffentlicht und kann deshalb nicht geändert werden. Versuchen Sie es in einer Minute noch einmal.',
  },
  target_status_conflict: {
    message: 'This channel’s post cannot be changed in its current state.',
    de: 'Der Beitrag für diesen Kanal kann in seinem jetzigen Zustand nicht geändert werden.',
  },
  schedule_time_invalid: {
    message: 'That time cannot be used for scheduling.',
    de: 'Diese Zeit kann nicht zum Planen verwendet werden.',
  },
  no_posting_slots: {
    message: 'This workspace has no posting slots yet. Add some in the schedule settings, or pick a time.',
    de: 'Dieser Arbeitsbereich hat noch keine Veröffentlichungszeiten. Legen Sie welche in den Zeitplan-Einstellungen an oder wählen Sie eine Zeit.',
  },
  duplicate_post: {
    message: 'The same text goes to the same account within 24 hours. Send the request again with allowDuplicate to publish it anyway.',
    de: 'Derselbe Text geht innerhalb von 24 Stunden an dasselbe Konto. Senden Sie die Anfrage mit allowDuplicate noch einmal, um ihn trotzdem zu veröffentlichen.',
  },
  confirmation_required: {
    message: 'We could not tell whether this post went out. Check the network first, then confirm that it was not published.',
    de: 'Wir konnten nicht feststellen, ob dieser Beitrag veröffentlicht wurde. Prüfen Sie es zuerst beim Netzwerk und bestätigen Sie dann, dass er nicht veröffentlicht wurde.',
  },
  rate_limited: {
    message: 'Too many attempts. Please wait a moment and try again.',
    de: 'Zu viele Versuche. Bitte warten Sie einen Moment und versuchen Sie es dann noch einmal.',
  },
  internal_error: {
    message: 'Something went wrong on our side. Please try again.',
    de: 'Bei uns ist etwas schiefgelaufen. Bitte versuchen Sie es noch einmal.',
  },
  service_unavailable: {
    message: 'The service is not ready. Please try again shortly.',
    de: 'Der Dienst ist noch nicht bereit. Bitte versuchen Sie es gleich noch einmal.',
  },
  plan_limit_reached: {
    message: 'This workspace has reached a limit of its plan. An owner can upgrade in Minopa’s options under Billing.',
    de: 'Dieser Arbeitsbereich hat ein Limit seines Tarifs erreicht. Eine Inhaberin oder ein Inhaber kann in den Minopa-Optionen unter Abrechnung upgraden.',
  },
  billing_disabled: {
    message: 'Billing is off on this Minopa service: every workspace has the Free plan.',
    de: 'Die Abrechnung ist auf diesem Minopa-Dienst ausgeschaltet: Jeder Arbeitsbereich hat den Tarif Free.',
  },
  already_subscribed: {
    message: 'This workspace already has a paid plan. Change or cancel it under Manage billing.',
    de: 'Dieser Arbeitsbereich hat schon einen bezahlten Tarif. Ändern oder kündigen Sie ihn unter Abrechnung verwalten.',
  },
  billing_unavailable: {
    message: 'Our payment provider could not be reached. Please try again in a minute.',
    de: 'Unser Zahlungsanbieter war nicht erreichbar. Bitte versuchen Sie es in einer Minute noch einmal.',
  },
  webhook_signature_invalid: {
    message: 'The webhook signature is missing, wrong or too old.',
    de: 'Die Signatur des Webhooks fehlt, ist falsch oder zu alt.',
  },
  email_kind_unknown: {
    message: 'There is no such kind of email.',
    de: 'Diese Art von E-Mail gibt es nicht.',
  },
  email_kind_required: {
    message: 'Emails about your account, its security and invitations are always sent; they cannot be turned off.',
    de: 'E-Mails zu Ihrem Konto, seiner Sicherheit und zu Einladungen werden immer gesendet; sie lassen sich nicht abschalten.',
  },
  account_deletion_pending: {
    message: 'Your account is about to be deleted, so publishing and inviting are paused. Cancel the deletion in Minopa’s settings to continue.',
    de: 'Ihr Konto wird demnächst gelöscht, daher sind Veröffentlichen und Einladen pausiert. Brechen Sie die Löschung in den Einstellungen von Minopa ab, um fortzufahren.',
  },
  ownership_transfer_required: {
    message: 'Transfer ownership first: a workspace you own has other members but no other owner or admin to take it over.',
    de: 'Übertragen Sie zuerst die Inhaberschaft: Ein Arbeitsbereich, dessen Inhaber Sie sind, hat weitere Mitglieder, aber keinen anderen Inhaber und keinen Administrator, der ihn übernehmen kann.',
  },
  deletion_not_requested: {
    message: 'Your account is not scheduled for deletion.',
    de: 'Für Ihr Konto ist keine Löschung vorgesehen.',
  },
} as const satisfies Record<ErrorCode, { message: string; de: string }>;

/** The default sentence of `code` in every language. */
export function errorText(code: ErrorCode): Bilingual {
  return { en: ERRORS[code].message, de: ERRORS[code].de };
}
