/**
 * What a generated message is about: the label a conversation analyser should recover. Kept in the
 * ground truth, never in the snapshot.
 */
export type MessageIntent =
  | 'buying_intent'
  | 'plan_limit_question'
  | 'new_need'
  | 'growth_event'
  /** A negated buying intent: "we do not need more seats this year". */
  | 'negation'
  /** The need went away: project postponed, budget frozen for now. */
  | 'postponed'
  | 'dissatisfaction'
  | 'budget_cut'
  | 'churn_threat'
  | 'champion_leaving'
  /** A sponsor or new stakeholder engaging (meetings, introductions). */
  | 'engagement'
  | 'noise';

export const positiveIntents: readonly MessageIntent[] = [
  'buying_intent',
  'plan_limit_question',
  'new_need',
  'growth_event',
];

export const negativeIntents: readonly MessageIntent[] = [
  'dissatisfaction',
  'budget_cut',
  'churn_threat',
  'champion_leaving',
];
