import { z } from 'zod';
// Type-only: the verdict schema imports this file's enum, so a value import would be a cycle.
import type { Motion, TechniqueName } from '../verdict/verdict.schema.ts';

export type SignalPolarity = 'positive' | 'negative';

/** What the catalogue says about one signal code. */
export interface SignalCatalogueEntry {
  technique: TechniqueName;
  /** `positive` points at expansion, `negative` argues against it. */
  polarity: SignalPolarity;
  /** The motion a positive signal points to by default. */
  motion?: Motion;
  /** What the cards and the CRM write-back show. */
  label: string;
}

/**
 * The catalogue of signal codes. Techniques emit only these codes; the composite, the agent, the
 * write-back and the cards read them. `motion` is the motion a positive signal points to by default.
 *
 * @example
 * signalCatalogue.seat_utilisation_high.label; // 'Seat utilisation above threshold'
 * signalCatalogue.champion_left.polarity; // 'negative'
 */
export const signalCatalogue = {
  // business rules
  seat_utilisation_high: {
    technique: 'business_rules',
    polarity: 'positive',
    motion: 'seat_upsell',
    label: 'Seat utilisation above threshold',
  },
  tier_limit_reached: {
    technique: 'business_rules',
    polarity: 'positive',
    motion: 'tier_upgrade',
    label: 'Licence tier limit reached',
  },
  active_user_spike: {
    technique: 'business_rules',
    polarity: 'positive',
    motion: 'seat_upsell',
    label: 'Spike in active users',
  },
  premium_feature_adopted: {
    technique: 'business_rules',
    polarity: 'positive',
    motion: 'tier_upgrade',
    label: 'Premium feature adopted',
  },
  module_feature_explored: {
    technique: 'business_rules',
    polarity: 'positive',
    motion: 'cross_sell',
    label: 'Adjacent module explored',
  },
  consumption_near_commit: {
    technique: 'business_rules',
    polarity: 'positive',
    motion: 'usage_commit',
    label: 'Consumption at or above threshold of commit',
  },
  // temporal
  seats_trending_up: {
    technique: 'temporal',
    polarity: 'positive',
    motion: 'seat_upsell',
    label: 'Seats used trending up',
  },
  active_users_trending_up: {
    technique: 'temporal',
    polarity: 'positive',
    motion: 'seat_upsell',
    label: 'Active users trending up',
  },
  consumption_trending_up: {
    technique: 'temporal',
    polarity: 'positive',
    motion: 'usage_commit',
    label: 'Consumption trending up',
  },
  plateau_at_limit: {
    technique: 'temporal',
    polarity: 'positive',
    motion: 'seat_upsell',
    label: 'Usage plateauing at the plan limit',
  },
  limit_projected: {
    technique: 'temporal',
    polarity: 'positive',
    motion: 'seat_upsell',
    label: 'Limit projected within the window',
  },
  usage_declining: { technique: 'temporal', polarity: 'negative', label: 'Usage declining' },
  // conversation
  buying_intent: {
    technique: 'conversation',
    polarity: 'positive',
    motion: 'seat_upsell',
    label: 'Buying intent expressed',
  },
  plan_limit_question: {
    technique: 'conversation',
    polarity: 'positive',
    motion: 'tier_upgrade',
    label: 'Question about plan or limits',
  },
  new_need: {
    technique: 'conversation',
    polarity: 'positive',
    motion: 'cross_sell',
    label: 'New team, use case or project',
  },
  growth_event: {
    technique: 'conversation',
    polarity: 'positive',
    motion: 'seat_upsell',
    label: 'Funding, hiring, acquisition or international expansion',
  },
  dissatisfaction: { technique: 'conversation', polarity: 'negative', label: 'Dissatisfaction expressed' },
  budget_cut: { technique: 'conversation', polarity: 'negative', label: 'Budget cut mentioned' },
  churn_threat: { technique: 'conversation', polarity: 'negative', label: 'Churn threat' },
  expansion_declined: {
    technique: 'conversation',
    polarity: 'negative',
    label: 'Expansion declined',
  },
  champion_leaving_mentioned: {
    technique: 'conversation',
    polarity: 'negative',
    label: 'Champion leaving mentioned',
  },
  // contact network
  sponsor_engaged: {
    technique: 'contact_network',
    polarity: 'positive',
    label: 'Sponsor or champion actively engaged',
  },
  new_budget_owner: {
    technique: 'contact_network',
    polarity: 'positive',
    label: 'New budget owner appeared',
  },
  engagement_rising: {
    technique: 'contact_network',
    polarity: 'positive',
    label: 'Stakeholder engagement rising',
  },
  engagement_cooling: { technique: 'contact_network', polarity: 'negative', label: 'Relationship cooling' },
  champion_left: { technique: 'contact_network', polarity: 'negative', label: 'Champion left' },
  // predictive
  high_expansion_probability: {
    technique: 'predictive',
    polarity: 'positive',
    label: 'Model predicts expansion',
  },
} as const satisfies Record<string, SignalCatalogueEntry>;

/**
 * A code of the signal catalogue.
 *
 * @example const code: SignalCode = 'buying_intent';
 */
export type SignalCode = keyof typeof signalCatalogue;

/**
 * The signal codes as a zod enum, in catalogue order: a verdict citing an unknown code fails to parse.
 *
 * @example signalCodeSchema.parse('champion_left'); // 'champion_left'
 */
// Object.keys loses the key type; the catalogue is the only source of the list.
export const signalCodeSchema = z.enum(Object.keys(signalCatalogue) as [SignalCode, ...SignalCode[]]);
