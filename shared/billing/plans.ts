import { type Bilingual, bilingual, formatNumber, type Language } from '../i18n.js';

/**
 * THE plans of Minopa, in one place: the service enforces these limits and the extension shows them.
 * Prices are not here: each paid plan is a Stripe price whose id is configuration (STRIPE_PRICE_PRO,
 * STRIPE_PRICE_TEAM), so amounts and currencies are changed in Stripe, never in code.
 */
export const PLAN_IDS = ['free', 'pro', 'team'] as const;
export type PlanId = (typeof PLAN_IDS)[number];

/** The plans one can pay for (each has a Stripe price). */
export const PAID_PLAN_IDS = ['pro', 'team'] as const satisfies readonly PlanId[];
export type PaidPlanId = (typeof PAID_PLAN_IDS)[number];

/** What a plan limits. */
export const LIMIT_NAMES = ['connectedAccounts', 'members', 'scheduledPostsPerMonth', 'mediaStorageBytes'] as const;
export type LimitName = (typeof LIMIT_NAMES)[number];

/** One plan: its name as people read it and its limits (each the most a workspace may have). */
export interface Plan {
  id: PlanId;
  name: string;
  limits: Readonly<Record<LimitName, number>>;
}

const MB = 1024 * 1024;
const GB = 1024 * MB;

/** Every plan, cheapest first: the order in which a plan "lifts" a limit of the one before. */
export const PLANS: Readonly<Record<PlanId, Plan>> = {
  free: { id: 'free', name: 'Free', limits: { connectedAccounts: 5, members: 5, scheduledPostsPerMonth: 50, mediaStorageBytes: 1 * GB } },
  pro: { id: 'pro', name: 'Pro', limits: { connectedAccounts: 15, members: 10, scheduledPostsPerMonth: 500, mediaStorageBytes: 25 * GB } },
  team: { id: 'team', name: 'Team', limits: { connectedAccounts: 50, members: 50, scheduledPostsPerMonth: 5000, mediaStorageBytes: 250 * GB } },
};

/** True for a plan id (e.g. read back from a database row or Stripe metadata). */
export function isPlanId(value: unknown): value is PlanId {
  return typeof value === 'string' && (PLAN_IDS as readonly string[]).includes(value);
}

/** The cheapest plan above `current` whose `limit` allows `needed`; null when none does. */
export function planThatLifts(limit: LimitName, current: PlanId, needed: number): Plan | null {
  const above = PLAN_IDS.slice(PLAN_IDS.indexOf(current) + 1);
  const id = above.find((candidate) => PLANS[candidate].limits[limit] >= needed);
  return id ? PLANS[id] : null;
}

/** What each limit counts, in words, for sentences like "3 connected accounts". */
const LIMIT_NOUNS: Record<LimitName, Bilingual> = {
  connectedAccounts: { en: 'connected accounts', de: 'verbundene Konten' },
  members: { en: 'members (invitations included)', de: 'Mitglieder (Einladungen eingeschlossen)' },
  scheduledPostsPerMonth: { en: 'scheduled posts per month', de: 'geplante Beiträge pro Monat' },
  mediaStorageBytes: { en: 'of media storage', de: 'Medienspeicher' },
};

/** A limit's amount as people read it: "3 connected accounts", "500 MB of media storage". */
export function limitText(limit: LimitName, amount: number): Bilingual {
  const quantity = (language: Language) => (limit === 'mediaStorageBytes' ? storageText(amount, language) : formatNumber(amount, language));
  return { en: `${quantity('en')} ${LIMIT_NOUNS[limit].en}`, de: `${quantity('de')} ${LIMIT_NOUNS[limit].de}` };
}

function storageText(bytes: number, language: Language): string {
  return bytes >= GB ? `${formatNumber(bytes / GB, language, { maximumFractionDigits: 1 })} GB` : `${formatNumber(Math.round(bytes / MB), language)} MB`;
}

/**
 * The sentence of a reached limit: which limit, on which plan, and the plan that lifts it (or that the
 * largest plan is reached, or that billing is off on this service so no plan can be bought).
 */
export function limitReachedText(limit: LimitName, current: PlanId, lifting: Plan | null, billingEnabled = true): Bilingual {
  const reached = { plan: PLANS[current].name, limit: limitText(limit, PLANS[current].limits[limit]) };
  if (!billingEnabled) {
    return bilingual(
      {
        en: 'This workspace has reached the {plan} plan’s limit of {limit}. Billing is off on this Minopa service, so every workspace has the {plan} plan’s limits.',
        de: 'Dieser Arbeitsbereich hat das Limit des Tarifs {plan} von {limit} erreicht. Die Abrechnung ist auf diesem Minopa-Dienst ausgeschaltet, daher gelten für jeden Arbeitsbereich die Limits des Tarifs {plan}.',
      },
      reached,
    );
  }
  if (!lifting) {
    return bilingual(
      { en: 'This workspace has reached the {plan} plan’s limit of {limit}, the largest we offer.', de: 'Dieser Arbeitsbereich hat das Limit des Tarifs {plan} von {limit} erreicht, das größte, das wir anbieten.' },
      reached,
    );
  }
  return bilingual(
    {
      en: 'This workspace has reached the {plan} plan’s limit of {limit}. The {upgrade} plan allows {more}: an owner can upgrade in Minopa’s options under Billing.',
      de: 'Dieser Arbeitsbereich hat das Limit des Tarifs {plan} von {limit} erreicht. Der Tarif {upgrade} erlaubt {more}: Eine Inhaberin oder ein Inhaber kann in den Minopa-Optionen unter Abrechnung upgraden.',
    },
    { ...reached, upgrade: lifting.name, more: limitText(limit, lifting.limits[limit]) },
  );
}
