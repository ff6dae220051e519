import { defineMessages } from '../lib/i18n/index.js';

const t = defineMessages({
  en: { upgrade: 'See the plans and upgrade' },
  de: { upgrade: 'Tarife ansehen und upgraden' },
});

/**
 * The overall error of a form, announced when it appears. A plan limit (plan_limit_reached) brings the
 * service's page of plans: it is shown as a link after the sentence, opening in a new tab.
 */
export function FormError({ message, upgradeUrl, testId = 'form-error' }: { message: string | null; upgradeUrl?: string | undefined; testId?: string }) {
  if (!message) return null;
  return (
    <p className="form-error" role="alert" data-testid={testId}>
      {message}
      {upgradeUrl && (
        <>
          {' '}
          <a href={upgradeUrl} target="_blank" rel="noreferrer" data-testid={`${testId}-upgrade`}>
            {t('upgrade')}
          </a>
        </>
      )}
    </p>
  );
}
