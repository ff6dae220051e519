import { useCallback, useEffect, useState, type FormEvent } from 'react';
import type { AccountDeletion } from '#shared/api/deletion.js';
import { Button } from '../../components/Button.js';
import { Field } from '../../components/Field.js';
import { formErrors } from '../../components/field-errors.js';
import { FormError } from '../../components/FormError.js';
import { useAction } from '../../hooks/useAction.js';
import { defineMessages, formatDate } from '../../lib/i18n/index.js';
import { useLocale } from '../../lib/i18n/react.js';
import { sendMessage, type SignedInUser } from '../../lib/messaging/protocol.js';

const t = defineMessages({
  en: {
    title: 'Delete my account',
    explain:
      'Your account is deleted after a cooling-off period of 30 days — longer if a workspace you own has a paid plan, until its period ends. Until then you can still sign in, read and download your data, and change your mind; publishing and inviting pause, and your scheduled posts go back to drafts.',
    whatGoes:
      'Then we revoke Minopa’s access to your connected accounts, Canva and Google Drive, and delete your account, the workspaces only you belong to with their posts and files, your connections, sessions and usage records. Workspaces you share keep the team’s content; an admin takes over those you own. Invoices are kept for tax law, and records of your acceptance of our terms are kept 5 years without your name.',
    password: 'Your password',
    confirmEmail: 'Type your email address ({email}) to confirm',
    request: 'Delete my account',
    requesting: 'Scheduling…',
    scheduled: 'Your account will be deleted on {date}.',
    unscheduled: { one: '{count} scheduled post went back to drafts.', other: '{count} scheduled posts went back to drafts.' },
    paused: 'Publishing and inviting are paused until then.',
    cancel: 'Keep my account',
    cancelling: 'Cancelling…',
    cancelled: 'Deletion cancelled. Everything works as before.',
    blocked: 'Before you can delete your account, make someone an owner or admin of: {names}.',
  },
  de: {
    title: 'Mein Konto löschen',
    explain:
      'Ihr Konto wird nach einer Bedenkzeit von 30 Tagen gelöscht – später, wenn ein Arbeitsbereich, dessen Inhaber Sie sind, einen bezahlten Tarif hat, erst wenn dessen Zeitraum endet. Bis dahin können Sie sich anmelden, Ihre Daten lesen und herunterladen und es sich anders überlegen; Veröffentlichen und Einladen sind pausiert, und Ihre geplanten Beiträge werden wieder Entwürfe.',
    whatGoes:
      'Dann widerrufen wir Minopas Zugriff auf Ihre verbundenen Konten, Canva und Google Drive, und löschen Ihr Konto, die Arbeitsbereiche, zu denen nur Sie gehören, mit ihren Beiträgen und Dateien, Ihre Verbindungen, Sitzungen und Nutzungsdaten. Gemeinsame Arbeitsbereiche behalten die Inhalte des Teams; die, deren Inhaber Sie sind, übernimmt ein Administrator. Rechnungen bleiben wegen des Steuerrechts erhalten, Nachweise Ihrer Zustimmung zu unseren Bedingungen 5 Jahre lang ohne Ihren Namen.',
    password: 'Ihr Passwort',
    confirmEmail: 'Geben Sie zur Bestätigung Ihre E-Mail-Adresse ({email}) ein',
    request: 'Mein Konto löschen',
    requesting: 'Wird geplant…',
    scheduled: 'Ihr Konto wird am {date} gelöscht.',
    unscheduled: { one: '{count} geplanter Beitrag ist wieder ein Entwurf.', other: '{count} geplante Beiträge sind wieder Entwürfe.' },
    paused: 'Veröffentlichen und Einladen sind bis dahin pausiert.',
    cancel: 'Mein Konto behalten',
    cancelling: 'Wird abgebrochen…',
    cancelled: 'Löschung abgebrochen. Alles funktioniert wie zuvor.',
    blocked: 'Bevor Sie Ihr Konto löschen können, machen Sie jemanden zum Inhaber oder Administrator von: {names}.',
  },
});

/**
 * "Delete my account" (P17): explains the cooling-off period and what goes, asks for the password (or
 * the email address, for accounts without one), then shows the date with a button to keep the account.
 */
export function DeleteAccountPanel({ user }: { user: SignedInUser }) {
  useLocale();
  const [deletion, setDeletion] = useState<AccountDeletion | null>(null);
  const [confirmation, setConfirmation] = useState('');
  const [cancelled, setCancelled] = useState(false);
  const load = useAction(useCallback(async () => setDeletion(await sendMessage('getAccountDeletion')), []));
  const request = useAction(async () => {
    setCancelled(false);
    setDeletion(await sendMessage('requestAccountDeletion', user.hasPassword ? { password: confirmation } : { confirmEmail: confirmation }));
    setConfirmation('');
  });
  const cancel = useAction(async () => {
    setDeletion(await sendMessage('cancelAccountDeletion'));
    setCancelled(true);
  });
  const { run } = load;
  useEffect(() => void run(), [run, user.id]);
  const field = user.hasPassword ? 'password' : 'confirmEmail';
  const errors = formErrors(request.error, (path) => (path === field ? field : path.startsWith('workspaces.') ? 'workspaces' : null));
  const blocked = deletion?.workspaces.filter((workspace) => workspace.outcome === 'blocked') ?? [];
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void request.run();
  };

  return (
    <section className="card" id="delete-account" aria-labelledby="delete-account-title" data-testid="delete-account-panel">
      <h2 id="delete-account-title">{t('title')}</h2>
      <FormError message={(load.error ?? cancel.error)?.message ?? null} />
      {deletion?.status === 'scheduled' && deletion.dueAt ? (
        <>
          <p className="notice" role="status" data-testid="deletion-date">
            {t('scheduled', { date: formatDate(deletion.dueAt, { dateStyle: 'long' }) })} {t('paused')}
            {deletion.unscheduledPosts ? ` ${t('unscheduled', { count: deletion.unscheduledPosts })}` : ''}
          </p>
          <p className="small muted">{t('whatGoes')}</p>
          <div className="actions">
            <Button pending={cancel.pending} pendingLabel={t('cancelling')} onClick={() => void cancel.run()} data-testid="deletion-cancel">
              {t('cancel')}
            </Button>
          </div>
        </>
      ) : (
        deletion && (
          <form onSubmit={submit} noValidate data-testid="deletion-form">
            {cancelled && <p className="notice-success" role="status" data-testid="deletion-cancelled">{t('cancelled')}</p>}
            <p className="muted">{t('explain')}</p>
            <p className="small muted">{t('whatGoes')}</p>
            {blocked.length > 0 && <p className="small" data-testid="deletion-blocked">{t('blocked', { names: blocked.map((workspace) => workspace.name).join(', ') })}</p>}
            <FormError message={errors.summary} />
            <Field
              label={user.hasPassword ? t('password') : t('confirmEmail', { email: user.email })}
              name={field}
              type={user.hasPassword ? 'password' : 'email'}
              autoComplete={user.hasPassword ? 'current-password' : 'off'}
              value={confirmation}
              error={errors.byField[field]}
              onChange={(event) => setConfirmation(event.target.value)}
            />
            <div className="actions">
              <Button type="submit" variant="secondary" pending={request.pending} pendingLabel={t('requesting')} data-testid="deletion-request">
                {t('request')}
              </Button>
            </div>
          </form>
        )
      )}
    </section>
  );
}
