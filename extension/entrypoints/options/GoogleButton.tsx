import { Button } from '../../components/Button.js';
import { useAuthProviders } from '../../hooks/useAuthProviders.js';
import { defineMessages } from '../../lib/i18n/index.js';
import { useLocale } from '../../lib/i18n/react.js';

const t = defineMessages({
  en: { continue: 'Continue with Google', waiting: 'Waiting for Google…', sandbox: 'Sandbox: a local stand-in for Google answers, with made-up accounts.' },
  de: { continue: 'Weiter mit Google', waiting: 'Warten auf Google…', sandbox: 'Sandbox: Statt Google antwortet ein lokaler Ersatz mit erfundenen Konten.' },
});

interface GoogleButtonProps {
  pending: boolean;
  onClick: () => void;
  testId: string;
}

/**
 * "Continue with Google", shown only when the service offers it; in sandbox mode it says that a local
 * stand-in answers instead of Google. The action itself belongs to the form, which shows its errors.
 */
export function GoogleButton({ pending, onClick, testId }: GoogleButtonProps) {
  useLocale();
  const providers = useAuthProviders();
  if (!providers?.google.enabled) return null;
  return (
    <div className="google-sign-in">
      <Button variant="secondary" pending={pending} pendingLabel={t('waiting')} onClick={onClick} data-testid={testId}>
        {t('continue')}
      </Button>
      {providers.google.sandbox && (
        <p className="hint" data-testid="google-sandbox-hint">
          {t('sandbox')}
        </p>
      )}
    </div>
  );
}
