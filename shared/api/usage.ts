import { z } from 'zod';
import { USAGE_BATCH_MAX, USAGE_CLIENTS, USAGE_EVENT_NAMES } from '../privacy/usage.js';
import { zodMessage } from '../i18n.js';
import { Id, Timestamp } from './common.js';

const dimension = z.number().int().min(0).max(20_000);

export const UsageEvent = z
  .strictObject({
    name: z.enum(USAGE_EVENT_NAMES),
    sessionId: Id.meta({ description: 'A random id per page visit (popup, options, dashboard), so session length can be counted.' }),
    occurredAt: Timestamp,
    client: z.enum(USAGE_CLIENTS),
    viewport: z.strictObject({ width: dimension, height: dimension }).optional(),
    referrer: z.string().max(300).optional().meta({ description: 'The referring origin only (no path or query).' }),
  })
  .meta({ id: 'UsageEvent' });
export type UsageEvent = z.output<typeof UsageEvent>;

export const UsageBatchInput = z
  .strictObject({
    events: z
      .array(UsageEvent)
      .min(1)
      .max(USAGE_BATCH_MAX, { message: zodMessage({ en: `must hold at most ${USAGE_BATCH_MAX} events`, de: `darf höchstens ${USAGE_BATCH_MAX} Ereignisse enthalten` }) }),
  })
  .meta({ id: 'UsageBatchInput' });

export const UsageBatchResult = z
  .object({
    recorded: z.number().int().meta({ description: 'How many events were stored: 0 when the person does not allow usage statistics.' }),
  })
  .meta({ id: 'UsageBatchResult' });
