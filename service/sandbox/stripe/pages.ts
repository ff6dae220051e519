import { escapeHtml } from '../../legal/render.js';
import type { SandboxEvent, StripeObject, StripeWorld } from './world.js';

/** What a hosted page answers: HTML, or a redirect (303 after a form). */
export type PageReply = { status: number; html?: string; location?: string };

const page = (title: string, body: string): PageReply => ({
  status: 200,
  html: `<!doctype html><html lang="en"><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:34rem;margin:3rem auto;padding:0 1rem}.sandbox{border:3px dashed #c47a00;padding:.5rem 1rem 1rem;border-radius:8px}button{margin:.3rem .3rem 0 0}</style>
<main class="sandbox"><p><strong>Stripe sandbox</strong> — a local stand-in for Stripe's hosted pages; no card, no money.</p>${body}</main></html>`,
});

const form = (action: string, label: string, fields: Record<string, string> = {}) =>
  `<form method="post" action="${escapeHtml(action)}">${Object.entries(fields).map(([name, value]) => `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">`).join('')}<button>${escapeHtml(label)}</button></form>`;

/**
 * The pages Stripe hosts, played by the sandbox so the whole flow runs locally (service/sandbox/stripe/
 * run.ts): Checkout (`/c/pay/:session`: Pay or go back) and the Billing Portal (`/p/session/:id`: change
 * plan, cancel at period end, end now, a declined renewal, paying an open invoice). Each action makes
 * the billing engine's move and hands its events to `deliver` (the app's webhook), as Stripe would.
 */
export async function hostedPage(
  world: StripeWorld,
  method: string,
  path: string,
  posted: URLSearchParams,
  deliver: (events: SandboxEvent[]) => Promise<unknown>,
): Promise<PageReply | null> {
  const checkout = /^\/c\/pay\/(cs_test_\w+)(\/pay)?$/.exec(path);
  if (checkout) {
    const session = world.checkoutSessions.get(checkout[1]!);
    if (!session) return { status: 404, html: 'No such checkout session.' };
    if (method === 'POST' && checkout[2]) {
      if (session.status === 'open') await deliver(world.completeCheckout(session.id));
      return { status: 303, location: String(session.success_url) };
    }
    const [item] = session._line_items as { price: string }[];
    const price = world.price(item!.price);
    return page('Checkout', `<h1>Subscribe</h1><p>${escapeHtml(price ? `${(price.unitAmount / 100).toFixed(2)} ${price.currency.toUpperCase()} a month (${price.id})` : item!.price)}</p>
${session.status === 'open' ? form(`${path}/pay`, 'Pay (sandbox)') : '<p>Already paid.</p>'}<p><a href="${escapeHtml(String(session.cancel_url ?? ''))}">Back</a></p>`);
  }
  const portal = /^\/p\/session\/(bps_\w+)(?:\/(change|cancel|end|fail|pay))?$/.exec(path);
  if (!portal) return null;
  const session = world.portalSessions.get(portal[1]!);
  if (!session) return { status: 404, html: 'No such portal session.' };
  if (method === 'POST' && portal[2]) {
    const subscription = posted.get('subscription') ?? '';
    const moves: Record<string, () => SandboxEvent[]> = {
      change: () => world.changePrice(subscription, posted.get('price') ?? ''),
      cancel: () => world.cancelAtPeriodEnd(subscription),
      end: () => world.endSubscription(subscription),
      fail: () => world.failRenewal(subscription),
      pay: () => world.payInvoice(posted.get('invoice') ?? ''),
    };
    await deliver(moves[portal[2]]!());
    return { status: 303, location: `/p/session/${session.id}` };
  }
  const base = `/p/session/${session.id}`;
  const subscriptions = [...world.subscriptions.values()].filter((subscription) => subscription.customer === session.customer);
  const rows = subscriptions.map((subscription) => describe(world, base, subscription)).join('');
  return page('Billing portal', `<h1>Your subscription</h1>${rows || '<p>No subscription.</p>'}<p><a href="${escapeHtml(String(session.return_url ?? ''))}">Return to Minopa</a></p>`);
}

function describe(world: StripeWorld, base: string, subscription: StripeObject): string {
  const item = (subscription.items as { data: { price: { id: string } }[] }).data[0]!;
  const id = subscription.id;
  const open = [...world.invoices.values()].find((invoice) => invoice.status === 'open' && (invoice.parent as { subscription_details: { subscription: string } }).subscription_details.subscription === id);
  const running = subscription.status !== 'canceled';
  return `<section><h2>${escapeHtml(id)}: ${escapeHtml(String(subscription.status))}, ${escapeHtml(item.price.id)}${subscription.cancel_at_period_end ? ', ends at period end' : ''}</h2>
${running ? world.prices.filter((price) => price.id !== item.price.id).map((price) => form(`${base}/change`, `Switch to ${price.id}`, { subscription: id, price: price.id })).join('') : ''}
${running && !subscription.cancel_at_period_end ? form(`${base}/cancel`, 'Cancel at period end', { subscription: id }) : ''}
${running ? form(`${base}/end`, 'End now', { subscription: id }) + form(`${base}/fail`, 'Simulate a declined renewal', { subscription: id }) : ''}
${open ? form(`${base}/pay`, `Pay open invoice ${open.id}`, { invoice: open.id }) : ''}</section>`;
}
