import { z } from 'zod';
import { zodMessage } from '../i18n.js';
import { Timestamp } from './common.js';

const allowed = (description: string) => z.boolean({ message: zodMessage({ en: 'must be true or false', de: 'muss true oder false sein' }) }).meta({ description });

/** A person's consent choice (P20): each optional category allowed or not. Essential needs no consent. */
export const ConsentChoices = z
  .strictObject({
    functional: allowed('Remembering settings such as theme and language across devices.'),
    analytics: allowed('Usage events: features used, session length, device, browser, viewport, referrer, anonymised IP.'),
    marketing: allowed('Marketing measurement (unused today).'),
    errorReports: allowed('Error reports and performance data sent to Sentry (P8).'),
  })
  .meta({ id: 'ConsentChoices' });
export type ConsentChoices = z.output<typeof ConsentChoices>;

export const SaveConsentInput = z
  .strictObject({
    choices: ConsentChoices,
    source: z.enum(['extension', 'web']).default('extension'),
  })
  .meta({ id: 'SaveConsentInput' });

const Signal = z.enum(['granted', 'denied']);

/**
 * The choice in force: `missing` (never chosen: ask), `current`, or `expired` (a year passed: ask again;
 * meanwhile every optional category counts as denied). `consentMode` is the same choice as Consent Mode v2
 * signals (P21) for any page of ours that loads analytics.
 */
export const ConsentState = z
  .object({
    status: z.enum(['missing', 'current', 'expired']),
    choices: ConsentChoices.meta({ description: 'What applies now: the choice when current, all denied otherwise.' }),
    decidedAt: Timestamp.nullable(),
    expiresAt: Timestamp.nullable(),
    policyVersion: z.string().nullable().meta({ description: 'The Privacy Policy version in force when the choice was made.' }),
    consentMode: z.object({
      analytics_storage: Signal,
      ad_storage: Signal,
      ad_user_data: Signal,
      ad_personalization: Signal,
      functionality_storage: Signal,
      personalization_storage: Signal,
      security_storage: Signal,
    }),
  })
  .meta({ id: 'ConsentState' });
export type ConsentState = z.output<typeof ConsentState>;
