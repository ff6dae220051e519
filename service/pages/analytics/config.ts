import { z } from 'zod';
import type { ConfigVariable } from '../../config.js';

/**
 * Google Analytics 4 and Microsoft Clarity on the service's own pages. Absent from Config (neither id
 * set): the pages carry no analytics code, no consent banner, and keep their script-free CSP.
 */
export interface AnalyticsConfig {
  /** GA4 measurement id (`G-…`); absent: no Google Analytics. */
  googleId?: string;
  /** Clarity project id; absent: no Clarity. */
  clarityId?: string;
  /** gtag.js, loaded as `…?id=<googleId>` (tests point it at a local server). */
  googleScriptUrl: string;
  /** Clarity's tag, loaded as `…<clarityId>` (tests point it at a local server). */
  clarityScriptUrl: string;
}

export const ANALYTICS_DEFAULTS = {
  googleScriptUrl: 'https://www.googletagmanager.com/gtag/js',
  clarityScriptUrl: 'https://www.clarity.ms/tag/',
} as const;

const blankIsUnset = <T extends z.ZodType>(schema: T) => z.preprocess((value) => (value === '' ? undefined : value), schema.optional());
const address = () => z.url({ protocol: /^https?$/, message: 'must be an http:// or https:// address' });

/** The zod fields of the analytics variables, spread into config.ts's Env. */
export const ANALYTICS_ENV = {
  GOOGLE_ANALYTICS_ID: blankIsUnset(z.string().trim().regex(/^G-[A-Z0-9]{4,16}$/, { message: 'must be a GA4 measurement id (G- followed by 4–16 capital letters or digits)' })),
  CLARITY_PROJECT_ID: blankIsUnset(z.string().trim().regex(/^[a-z0-9]{6,16}$/, { message: 'must be a Clarity project id (6–16 lowercase letters or digits)' })),
  ANALYTICS_GOOGLE_SCRIPT_URL: blankIsUnset(address()),
  CLARITY_SCRIPT_URL: blankIsUnset(address()),
};

/** The README rows of the analytics variables, spread into config.ts's CONFIG_VARIABLES. */
export const ANALYTICS_CONFIG_VARIABLES: ConfigVariable[] = [
  {
    name: 'GOOGLE_ANALYTICS_ID',
    default: 'none: no Google Analytics',
    secret: false,
    description: "GA4 measurement id (`G-…`) for the service's own pages (legal pages, email links). Loaded only after the visitor accepts in the consent banner, with Consent Mode v2 defaults all denied (P21).",
  },
  {
    name: 'CLARITY_PROJECT_ID',
    default: 'none: no Microsoft Clarity',
    secret: false,
    description: "Microsoft Clarity project id for the service's own pages; loaded only after the visitor accepts, told the choice with `consentv2` (P21).",
  },
  { name: 'ANALYTICS_GOOGLE_SCRIPT_URL', default: ANALYTICS_DEFAULTS.googleScriptUrl, secret: false, description: 'Where gtag.js is loaded from (`?id=` is appended); tests point it at a local server.' },
  { name: 'CLARITY_SCRIPT_URL', default: ANALYTICS_DEFAULTS.clarityScriptUrl, secret: false, description: "Where Clarity's tag is loaded from (the project id is appended); tests point it at a local server." },
];

/** The parsed variables as an AnalyticsConfig; undefined when neither id is set. */
export function analyticsConfigFrom(vars: Record<string, unknown>): AnalyticsConfig | undefined {
  const googleId = vars.GOOGLE_ANALYTICS_ID as string | undefined;
  const clarityId = vars.CLARITY_PROJECT_ID as string | undefined;
  if (!googleId && !clarityId) return undefined;
  return {
    googleId,
    clarityId,
    googleScriptUrl: (vars.ANALYTICS_GOOGLE_SCRIPT_URL as string | undefined) ?? ANALYTICS_DEFAULTS.googleScriptUrl,
    clarityScriptUrl: (vars.CLARITY_SCRIPT_URL as string | undefined) ?? ANALYTICS_DEFAULTS.clarityScriptUrl,
  };
}
