import { useCallback, useEffect, useState } from 'react';
import type { BillingState } from '#shared/api/billing.js';
import { LIMIT_NAMES, PAID_PLAN_IDS, PLANS, type LimitName, type PaidPlanId } from '#shared/billing/plans.js';
import { Button } from '../../../components/Button.js';
import { FormError } from '../../../components/FormError.js';
import { useAction } from '../../../hooks/useAction.js';
import { toUiError, type UiError } from '../../../lib/errors.js';
import { useLocale } from '../../../lib/i18n/react.js';
import { sendMessage, type ExtensionState } from '../../../lib/messaging/protocol.js';
import { t } from './messages.js';

const RUNNING = new Set(['active', 'trialing', 'past_due', 'unpaid']);

/**
 * The default workspace's plan: what each limit allows and what is used, the subscription's state, and
 * for owners Upgrade (Stripe Checkout) or Manage billing (Stripe's portal), each opened in a tab. The
 * panel reloads when the person comes back; when the service runs without Stripe it says billing is off.
 */
export function BillingPanel({ state }: { state: ExtensionState }) {
  const locale = useLocale();
  const workspaceId = state.defaultWorkspaceId;
  const workspace = state.workspaces.find((candidate) => candidate.id === workspaceId);
  const owner = workspace?.role === 'owner';
  const [billing, setBilling] = useState<BillingState | null>(null);
  const [loadError, setLoadError] = useState<UiError | null>(null);
  const [opened, setOpened] = useState(false);

  const load = useCallback(async () => {
    if (!workspaceId) return;
    try {
      setBilling(await sendMessage('getBilling', { workspaceId }));
      setLoadError(null);
    } catch (error) {
      setLoadError(toUiError(error));
    }
  }, [workspaceId]);
  useEffect(() => {
    setBilling(null);
    void load();
    const onFocus = () => void load();
    window.addEventListener('focus', onFocus);
    return () => window.removeEventListener('focus', onFocus);
  }, [load]);

  const upgrade = useAction(async (plan: PaidPlanId) => {
    await sendMessage('startBillingCheckout', { workspaceId: workspaceId!, plan });
    setOpened(true);
  });
  const manage = useAction(async () => {
    await sendMessage('openBillingPortal', { workspaceId: workspaceId! });
    setOpened(true);
  });

  if (!state.user || !workspaceId) return null;
  const date = (iso: string | null) => (iso ? new Intl.DateTimeFormat(locale, { dateStyle: 'long' }).format(new Date(iso)) : '');
  const amount = (limit: LimitName, value: number) =>
    limit === 'mediaStorageBytes' ? `${new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(value / 1024 ** 3)} GB` : new Intl.NumberFormat(locale).format(value);
  const subscription = billing?.subscription ?? null;
  const running = subscription !== null && RUNNING.has(subscription.status);
  const error = loadError ?? upgrade.error ?? manage.error;

  return (
    <section className="card" id="billing" aria-labelledby="billing-title" data-testid="billing-panel">
      <h2 id="billing-title">{workspace ? t('titleOf', { workspace: workspace.name }) : t('title')}</h2>
      <FormError message={error?.message ?? null} testId="billing-error" />
      {!billing && !loadError && <p className="muted">{t('loading')}</p>}
      {billing && (
        <>
          {!billing.enabled && <p className="hint" data-testid="billing-off">{t('off')}</p>}
          <p data-testid="billing-plan">
            <strong>{t('plan', { plan: PLANS[billing.plan].name })}</strong>
          </p>
          <table>
            <tbody>
              {LIMIT_NAMES.map((limit) => (
                <tr key={limit}>
                  <th scope="row">{t(limit)}</th>
                  <td>{t('usage', { used: amount(limit, billing.usage[limit]), limit: amount(limit, billing.limits[limit]) })}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {subscription && (
            <p className="hint" data-testid="billing-status">
              {subscription.limitedToFree
                ? t('limited')
                : subscription.graceEndsAt
                  ? t('pastDue', { plan: PLANS[subscription.plan].name, date: date(subscription.graceEndsAt) })
                  : !running
                    ? t('ended')
                    : subscription.cancelAtPeriodEnd
                      ? t('ends', { date: date(subscription.currentPeriodEnd) })
                      : t('renews', { date: date(subscription.currentPeriodEnd) })}
            </p>
          )}
          {billing.enabled && owner && (
            <p>
              {!running &&
                PAID_PLAN_IDS.map((plan) => (
                  <Button key={plan} pending={upgrade.pending} onClick={() => void upgrade.run(plan)} data-testid={`billing-upgrade-${plan}`}>
                    {t('upgradeTo', { plan: PLANS[plan].name })}
                  </Button>
                ))}{' '}
              {subscription && (
                <Button pending={manage.pending} onClick={() => void manage.run()} data-testid="billing-manage">
                  {t('manage')}
                </Button>
              )}
            </p>
          )}
          {billing.enabled && !owner && <p className="muted">{t('ownersOnly')}</p>}
          {opened && <p className="success" role="status">{t('opened')}</p>}
        </>
      )}
    </section>
  );
}
