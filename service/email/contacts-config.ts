import { z } from 'zod';
import type { ConfigVariable } from '../config.js';

/** The kinds that are Resend topics (broadcasts), each with the topic id configured for it. */
export const TOPIC_KINDS = ['product-updates', 'newsletter', 'marketing'] as const;
export type TopicKind = (typeof TOPIC_KINDS)[number];

/** Resend topic ids per subscription kind; a kind without one is carried only in `unsubscribed`. */
export type EmailTopicsConfig = Partial<Record<TopicKind, string>>;

const blankIsUnset = <T extends z.ZodType>(schema: T) => z.preprocess((value) => (value === '' ? undefined : value), schema.optional());
const topicId = blankIsUnset(z.string().trim().regex(/^[\w-]{1,100}$/, { message: 'must be a Resend topic id' }));

/** The zod fields of the topic variables, spread into config.ts's Env. */
export const EMAIL_TOPICS_ENV = {
  RESEND_TOPIC_PRODUCT_UPDATES: topicId,
  RESEND_TOPIC_NEWSLETTER: topicId,
  RESEND_TOPIC_MARKETING: topicId,
};

/** The README rows of the topic variables, spread into config.ts's CONFIG_VARIABLES. */
export const EMAIL_TOPICS_CONFIG_VARIABLES: ConfigVariable[] = [
  { name: 'RESEND_TOPIC_PRODUCT_UPDATES', default: 'none', secret: false, description: 'Resend topic id for product updates; the sync-email-contacts job opts each contact in or out of it from their email preferences (P13).' },
  { name: 'RESEND_TOPIC_NEWSLETTER', default: 'none', secret: false, description: 'Resend topic id for the newsletter (as above).' },
  { name: 'RESEND_TOPIC_MARKETING', default: 'none', secret: false, description: 'Resend topic id for marketing emails (as above).' },
];

const VARIABLE_OF: Record<TopicKind, keyof typeof EMAIL_TOPICS_ENV> = {
  'product-updates': 'RESEND_TOPIC_PRODUCT_UPDATES',
  newsletter: 'RESEND_TOPIC_NEWSLETTER',
  marketing: 'RESEND_TOPIC_MARKETING',
};

/** Reads the topic ids out of the parsed environment. */
export function emailTopicsConfigFrom(vars: Record<string, unknown>): EmailTopicsConfig {
  return Object.fromEntries(TOPIC_KINDS.flatMap((kind) => (vars[VARIABLE_OF[kind]] ? [[kind, vars[VARIABLE_OF[kind]] as string]] : [])));
}
