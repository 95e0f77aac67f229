import { z } from 'zod';
import { isoDate } from '../snapshot/account-snapshot.schema.ts';
import { signalCodeSchema } from '../catalogue/signal-catalogue.ts';

export const techniqueNameSchema = z.enum([
  'predictive',
  'conversation',
  'contact_network',
  'business_rules',
  'temporal',
  'cross_check',
]);
export type TechniqueName = z.infer<typeof techniqueNameSchema>;

export const readinessSchema = z.enum(['ready', 'nurture', 'caution', 'not_ready']);
export type Readiness = z.infer<typeof readinessSchema>;

export const motionSchema = z.enum(['seat_upsell', 'tier_upgrade', 'cross_sell', 'usage_commit']);
export type Motion = z.infer<typeof motionSchema>;

/**
 * One fact behind a signal: what was measured, against which threshold, when, and from where.
 *
 * @example { id: 'ev-seat-util', description: 'Seat utilisation', value: 0.93, threshold: 0.8,
 *            date: '2026-10-01', source: 'usage:seats_used' }
 */
export const evidenceSchema = z.object({
  id: z.string().min(1),
  description: z.string(),
  value: z.union([z.number(), z.string()]),
  threshold: z.union([z.number(), z.string()]).optional(),
  date: isoDate,
  /** Where the fact comes from: `usage:<metric>`, `activity:<id>`, `contact:<id>`, `contract`, `ticket:<id>`, `opportunity:<id>`, `model`. */
  source: z.string().min(1),
  /** Verbatim excerpt for conversation evidence. */
  quote: z.string().optional(),
});
export type Evidence = z.infer<typeof evidenceSchema>;

export const signalSchema = z.object({
  /** A code of the signal catalogue, e.g. `seat_utilisation_high`, `buying_intent`, `champion_left`. */
  code: signalCodeSchema,
  technique: techniqueNameSchema,
  label: z.string(),
  polarity: z.enum(['positive', 'negative']),
  /** 0..1 */
  strength: z.number().min(0).max(1),
  /** The motion this signal points to, if any. */
  motion: motionSchema.optional(),
  evidenceIds: z.array(z.string()),
});
export type Signal = z.infer<typeof signalSchema>;

export const contradictionCodeSchema = z.enum([
  'rising_usage_cooling_relationship',
  'relationship_cooling',
  'churn_risk',
  'budget_cut',
  'seats_full_shallow_adoption',
  'open_escalation',
  'recent_contraction',
  'renewal_imminent',
  'declining_usage',
  'champion_left',
  'negative_sentiment',
  'expansion_declined',
]);
export type ContradictionCode = z.infer<typeof contradictionCodeSchema>;

export const contradictionSchema = z.object({
  code: contradictionCodeSchema,
  label: z.string(),
  /**
   * `block`: a serious risk (an escalation, a cooling relationship, an alternative being evaluated...):
   * an account with an expansion case is `caution`, never `ready`, and never hidden as `not_ready`;
   * `lower`: the score is reduced.
   */
  effect: z.enum(['lower', 'block']),
  evidenceIds: z.array(z.string()),
});
export type Contradiction = z.infer<typeof contradictionSchema>;

/** What every technique returns: `snapshot → result`. */
export const techniqueResultSchema = z.object({
  technique: techniqueNameSchema,
  /** 0..1: how strongly this technique points at expansion. */
  score: z.number().min(0).max(1),
  /** 0..1: how much data the technique had to go on. */
  confidence: z.number().min(0).max(1),
  signals: z.array(signalSchema),
  evidence: z.array(evidenceSchema),
  contradictions: z.array(contradictionSchema).default([]),
});
export type TechniqueResult = z.infer<typeof techniqueResultSchema>;

export const potentialSchema = z.object({
  currency: z.string().length(3),
  /** Most likely added ARR. */
  arr: z.number().nonnegative(),
  low: z.number().nonnegative(),
  high: z.number().nonnegative(),
  /** How it was computed, in words ("12 seats × 480 USD ..."). */
  basis: z.string(),
  /** Evidence the sizing rests on beyond the usage, e.g. the sentence where the customer stated a need. */
  evidenceIds: z.array(z.string()).optional(),
});
export type Potential = z.infer<typeof potentialSchema>;

export const expansionWindowSchema = z.object({
  opensOn: isoDate,
  closesOn: isoDate,
  /** Projected date the account hits its limit. */
  limitDate: isoDate.optional(),
  /** Which limit: seats, consumption, tier. */
  limit: z.string().optional(),
});
export type ExpansionWindow = z.infer<typeof expansionWindowSchema>;

export const featureContributionSchema = z.object({
  feature: z.string(),
  value: z.number().nullable(),
  /** Contribution to the log-odds (positive raises the probability). */
  contribution: z.number(),
});
export type FeatureContribution = z.infer<typeof featureContributionSchema>;

export const agentAssessmentSchema = z.object({
  isReal: z.boolean(),
  reason: z.string(),
  /** Potential after the agent's adjustments. */
  adjustedPotential: potentialSchema,
  adjustments: z.array(
    z.object({ factor: z.number(), reason: z.string(), evidenceIds: z.array(z.string()) }),
  ),
  decisionMaker: z
    .object({ contactId: z.string(), name: z.string(), title: z.string(), reason: z.string() })
    .nullable(),
  approach: z.string(),
  talkTrack: z.array(z.string()),
  emailDraft: z.object({ subject: z.string(), body: z.string() }),
  nextStep: z.string(),
  /** Evidence ids the assessment rests on. */
  citedEvidenceIds: z.array(z.string()),
  by: z.enum(['deterministic', 'claude']),
});
export type AgentAssessment = z.infer<typeof agentAssessmentSchema>;

const usagePointSchema = z.object({ date: isoDate, value: z.number() });

/**
 * The account's main usage metric as its chart shows it (the night report, the HubSpot card): weekly medians
 * against the licence or commit, and the projection to the verdict's crossing.
 */
export const usageChartSchema = z.object({
  metric: z.string(),
  unit: z.enum(['seats', 'volume']),
  limit: z.number().nullable(),
  points: z.array(usagePointSchema),
  projection: z.array(usagePointSchema),
  crossingDate: isoDate.nullable(),
});
export type UsageChart = z.infer<typeof usageChartSchema>;

export const verdictSchema = z.object({
  accountId: z.string(),
  accountName: z.string(),
  asOf: isoDate,
  readiness: readinessSchema,
  /** 0..100 */
  score: z.number().min(0).max(100),
  /** Calibrated probability of expansion within 90 days. */
  probability: z.number().min(0).max(1),
  probabilityInterval: z.tuple([z.number(), z.number()]),
  confidence: z.number().min(0).max(1),
  motion: motionSchema.nullable(),
  potential: potentialSchema,
  expectedValue: z.number().nonnegative(),
  window: expansionWindowSchema.nullable(),
  signals: z.array(signalSchema),
  contradictions: z.array(contradictionSchema),
  evidence: z.array(evidenceSchema),
  techniques: z.array(
    z.object({ technique: techniqueNameSchema, score: z.number(), confidence: z.number() }),
  ),
  featureContributions: z.array(featureContributionSchema),
  agent: agentAssessmentSchema.nullable(),
  /** The usage chart, attached when the night stores the verdict (absent on verdicts of older nights). */
  usageChart: usageChartSchema.nullable().optional(),
});
export type Verdict = z.infer<typeof verdictSchema>;
