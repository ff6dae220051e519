/**
 * The load run's stand-ins for other companies, in one process of their own so they outlive any service
 * instance (`node --import tsx bench/load/vendor.ts`, forked by bench/load/run.ts): the X simulator
 * (posts kept in memory, as X keeps them), the local S3 server (the one bucket every instance shares) and
 * the Stripe sandbox (which webhooks are signed for). Spoken to over IPC: `ready` with the addresses,
 * then `outage` (X answers 503 to everything for a while) and `posts` (what X holds, to count duplicates).
 */
import { startStandalone } from '../../service/sandbox/networks/kit/standalone.js';
import { SIMULATORS } from '../../service/sandbox/networks/registry.js';
import { startLocalS3 } from '../../service/sandbox/s3/server.js';
import { startStripeSandbox } from '../../service/sandbox/stripe/server.js';
import { STRIPE_PRICES, X_CLIENT, type VendorReady, type VendorRequest } from './protocol.js';

let simulator: ReturnType<typeof SIMULATORS.x> | undefined;
const x = await startStandalone((url) => {
  simulator = SIMULATORS.x({ baseUrl: url, basePath: '', clients: [X_CLIENT] });
  return simulator.router;
});
const sim = simulator!;
// A network answers in about 100 ms.
const NORMAL = { latencyMs: [60, 140] as [number, number], seed: 7 };
sim.faults.random(NORMAL);
const s3 = await startLocalS3({ bucket: 'minopa-load' });
const stripe = await startStripeSandbox({ prices: STRIPE_PRICES.map((id) => ({ id, unitAmount: 1200, currency: 'eur' })) });
// Checkout's Pay button delivers its events here (the first instance's webhook endpoint).
stripe.webhookUrl = process.env.WEBHOOK_URL ?? '';

process.on('message', (request: VendorRequest) => {
  if (request.kind === 'outage') {
    sim.faults.random({ ...NORMAL, serverError: 1 });
    setTimeout(() => sim.faults.random(NORMAL), request.ms).unref();
    process.send!({ kind: 'outage', startedAt: new Date().toISOString() });
  } else if (request.kind === 'posts') {
    process.send!({ kind: 'posts', posts: sim.posts.map((post) => ({ id: post.id, text: post.text })) });
  }
});
process.on('SIGTERM', () => void Promise.all([x.close(), s3.close(), stripe.close()]).then(() => process.exit(0)));
const ready: VendorReady = {
  kind: 'ready',
  xUrl: x.url,
  s3: { endpoint: s3.endpoint, bucket: s3.bucket, ...s3.credentials },
  stripe: { ...stripe.api, secretKey: stripe.secretKey, webhookSecret: stripe.webhookSecret },
};
process.send!(ready);
