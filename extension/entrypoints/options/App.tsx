import { useEffect, useState } from 'react';
import { FormError } from '../../components/FormError.js';
import { useExtensionState } from '../../hooks/useExtensionState.js';
import { defineMessages } from '../../lib/i18n/index.js';
import { useLocale } from '../../lib/i18n/react.js';
import { sendMessage, type ConsentView } from '../../lib/messaging/protocol.js';
import { AccountPanel } from './AccountPanel.js';
import { AppearancePanel } from './AppearancePanel.js';
import { ChannelsPanel } from './channels/ChannelsPanel.js';
import { ConnectionsPanel } from './connections/ConnectionsPanel.js';
import { ConsentPanel } from './ConsentPanel.js';
import { LegalUpdateBanner } from './LegalUpdateBanner.js';
import { PrivacyPanel } from './PrivacyPanel.js';
import { RightsPanel } from './RightsPanel.js';
import { ExportPanel } from './ExportPanel.js';
import { DeleteAccountPanel } from './DeleteAccountPanel.js';
import { ProfilePanel } from './ProfilePanel.js';
import { MembersPanel } from './members/MembersPanel.js';
import { QueuePanel } from './QueuePanel.js';
import { SchedulePanel } from './schedule/SchedulePanel.js';
import { BillingPanel } from './billing/BillingPanel.js';
import { ServicePanel } from './ServicePanel.js';
import { SessionsPanel } from './SessionsPanel.js';
import { SignInForm } from './SignInForm.js';
import { SignUpForm } from './SignUpForm.js';
import { VerifyEmailBanner } from './VerifyEmailBanner.js';

/**
 * The options page: who is signed in (or sign up / sign in), the default workspace's channels, members
 * and posting schedule, appearance, email and privacy, what waits to be sent, the service address.
 */
const t = defineMessages({
  en: {
    loading: 'Loading…',
    settings: 'Settings',
    account: 'Account',
    workspace: 'Workspace',
    appearance: 'Appearance',
    privacy: 'Email and privacy',
    offline: 'The Minopa service at {url} cannot be reached right now. What you see may be out of date.',
    welcome: 'Welcome, {name}! Right-click any page and choose “Save page to Minopa”.',
  },
  de: {
    loading: 'Wird geladen…',
    settings: 'Einstellungen',
    account: 'Konto',
    workspace: 'Arbeitsbereich',
    appearance: 'Darstellung',
    privacy: 'E-Mail und Datenschutz',
    offline: 'Der Minopa-Dienst unter {url} ist gerade nicht erreichbar. Was Sie sehen, ist vielleicht nicht aktuell.',
    welcome: 'Willkommen, {name}! Klicken Sie auf einer Seite mit der rechten Maustaste und wählen Sie „Seite in Minopa speichern“.',
  },
});

export function App() {
  useLocale();
  const { state, error, setState, reload } = useExtensionState();
  const [mode, setMode] = useState<'sign-up' | 'sign-in'>('sign-up');
  const [welcome, setWelcome] = useState<string | null>(null);
  // Consent is asked first when nobody chose yet or the choice expired (P20); where the panel stands is
  // decided once per visit, so saving does not move it under the person's pointer.
  const [consent, setConsent] = useState<{ view: ConsentView; first: boolean } | null>(null);
  useEffect(() => {
    sendMessage('getConsent').then(
      (view) => setConsent({ view, first: view.status !== 'current' }),
      () => setConsent({ view: { status: 'missing', choices: { functional: false, analytics: false, marketing: false, errorReports: false }, decidedAt: null, expiresAt: null, savedOnService: false }, first: true }),
    );
  }, []);
  const consentPanel = consent && <ConsentPanel initial={consent.view} />;

  return (
    <main className="options">
      <header className="brand">
        <img src="/icon/128.png" alt="" />
        <h1>Minopa</h1>
      </header>
      {!state && !error && <p className="muted">{t('loading')}</p>}
      <FormError message={error?.message ?? null} testId="state-error" />
      {state?.user && (
        <nav className="options-nav" aria-label={t('settings')}>
          <a href="#account">{t('account')}</a>
          <a href="#workspace">{t('workspace')}</a>
          <a href="#appearance">{t('appearance')}</a>
          <a href="#privacy">{t('privacy')}</a>
        </nav>
      )}
      {state && (
        <>
          {consent?.first && consentPanel}
          {state.serviceReachable === false && (
            <p className="notice" role="status" data-testid="offline-notice">
              {t('offline', { url: state.serviceUrl })}
            </p>
          )}
          {state.user ? (
            <div id="account">
              <LegalUpdateBanner userId={state.user.id} />
              <VerifyEmailBanner state={state} />
              <AccountPanel state={state} onState={setState} welcome={welcome} />
              <ProfilePanel state={state} onState={setState} />
              <SessionsPanel userId={state.user.id} />
              <ConnectionsPanel />
            </div>
          ) : mode === 'sign-up' ? (
            <SignUpForm
              onSignedUp={(next) => {
                setState(next);
                setWelcome(t('welcome', { name: next.user?.firstName ?? '' }));
              }}
              onSwitch={() => setMode('sign-in')}
            />
          ) : (
            <SignInForm
              onSignedIn={(next) => {
                setState(next);
                setWelcome(null);
              }}
              onSwitch={() => setMode('sign-up')}
            />
          )}
          {state.user && (
            <div id="workspace">
              <ChannelsPanel state={state} />
              <MembersPanel state={state} onState={setState} />
              <SchedulePanel state={state} />
              <BillingPanel state={state} />
            </div>
          )}
          <AppearancePanel />
          {consent && !consent.first && consentPanel}
          {state.user && <PrivacyPanel />}
          {state.user && <ExportPanel userId={state.user.id} />}
          {state.user && <RightsPanel userId={state.user.id} />}
          {state.user && <DeleteAccountPanel user={state.user} />}
          <QueuePanel state={state} onState={setState} onFlushed={() => reload(false)} />
          <ServicePanel state={state} onState={setState} />
        </>
      )}
    </main>
  );
}
