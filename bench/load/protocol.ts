/** What bench/load/run.ts and its vendor process (bench/load/vendor.ts) say to each other. */

/** The OAuth client the X simulator knows; every service instance is configured with it. */
export const X_CLIENT = { clientId: 'minopa-load-x', clientSecret: 'load-x-secret-0123456789abcdef' };

/** The Pro and Team prices the Stripe sandbox sells. */
export const STRIPE_PRICES = ['price_load_pro', 'price_load_team'] as const;

export type VendorRequest = { kind: 'outage'; ms: number } | { kind: 'posts' };

export interface VendorReady {
  kind: 'ready';
  xUrl: string;
  s3: { endpoint: string; bucket: string; accessKeyId: string; secretAccessKey: string };
  stripe: { host: string; port: number; protocol: 'http'; secretKey: string; webhookSecret: string };
}
export type VendorReply = VendorReady | { kind: 'outage'; startedAt: string } | { kind: 'posts'; posts: { id: string; text: string }[] };
