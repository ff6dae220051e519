import { startStripeSandbox } from './server.js';

/**
 * Runs the Stripe sandbox on its own for trying billing locally, hosted pages included:
 *   node --import tsx service/sandbox/stripe/run.ts [webhook URL]
 * then start the service with the printed variables. Upgrade in the options opens the sandbox's
 * Checkout page; Pay there sends the webhooks to the service, as Stripe would.
 */
const port = Number(process.env.STRIPE_SANDBOX_PORT ?? 12111);
const webhookUrl = process.argv[2] ?? 'http://localhost:8787/api/v1/billing/webhooks/stripe';
const sandbox = await startStripeSandbox({
  port,
  prices: [
    { id: 'price_pro_local', unitAmount: 1200, currency: 'eur' },
    { id: 'price_team_local', unitAmount: 4900, currency: 'eur' },
  ],
});
sandbox.webhookUrl = webhookUrl;
process.stdout.write(
  `Stripe sandbox on http://127.0.0.1:${port}, delivering webhooks to ${webhookUrl}. Start the service with:\n` +
    `STRIPE_SECRET_KEY=${sandbox.secretKey} STRIPE_WEBHOOK_SECRET=${sandbox.webhookSecret} STRIPE_PRICE_PRO=price_pro_local STRIPE_PRICE_TEAM=price_team_local ` +
    `STRIPE_API_HOST=127.0.0.1 STRIPE_API_PORT=${port} STRIPE_API_PROTOCOL=http npm run serve\n`,
);
process.on('SIGINT', () => void sandbox.close().then(() => process.exit(0)));
