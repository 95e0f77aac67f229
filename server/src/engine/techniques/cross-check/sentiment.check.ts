// What customers write against expansion: a churn threat or an alternative being evaluated, and a budget
// cut, a restructuring or a headcount reduction, are serious risks as soon as one recent mention stands;
// dissatisfaction lowers the score when strong, with the fainter mentions of the others.
import type { SignalCode } from '@ripe/shared';
import { noisyOr } from '../signal.ts';
import { idsOf, type ContradictionCheck } from './contradiction-check.ts';

/**
 * Strength of a churn-threat or budget-cut signal that makes a serious risk: one inbound mention of the
 * last two months, or an internal note of the last month (a hedged or old mention, or our own email, is
 * weaker).
 */
export const CHURN_RISK_STRENGTH = 0.25;
/** Combined strength of dissatisfaction and budget cuts that counts as strong. */
const STRONG_SENTIMENT = 0.5;
const SENTIMENT: readonly SignalCode[] = ['dissatisfaction'];
const FAINT_RISKS: readonly SignalCode[] = ['churn_threat', 'budget_cut'];

export const churnRiskCheck: ContradictionCheck = ({ present, contradict }) => {
  const threats = present(['churn_threat']).filter((signal) => signal.strength >= CHURN_RISK_STRENGTH);
  if (threats.length > 0) contradict('churn_risk', 'block', idsOf(threats));
};

export const budgetCutCheck: ContradictionCheck = ({ present, contradict }) => {
  const cuts = present(['budget_cut']).filter((signal) => signal.strength >= CHURN_RISK_STRENGTH);
  if (cuts.length > 0) contradict('budget_cut', 'block', idsOf(cuts));
};

/** What the customer said for growing: a decline stronger than all of it stands. */
const STATED_GROWTH: readonly SignalCode[] = [
  'buying_intent',
  'new_need',
  'growth_event',
  'plan_limit_question',
];

/**
 * The customer declined to grow now ("not interested in upgrading", "we don't plan to grow this year"),
 * recently and more than they asked for anything since: no motion is proposed (motion.composite.ts).
 */
export const declinedCheck: ContradictionCheck = ({ present, contradict }) => {
  const declined = present(['expansion_declined']).filter((signal) => signal.strength >= CHURN_RISK_STRENGTH);
  if (declined.length === 0) return;
  const asked = Math.max(0, ...present(STATED_GROWTH).map((signal) => signal.strength));
  if (declined.some((signal) => signal.strength > asked))
    contradict('expansion_declined', 'lower', idsOf(declined));
};

export const sentimentCheck: ContradictionCheck = ({ present, contradict }) => {
  const sentiment = present(SENTIMENT);
  const faint = present(FAINT_RISKS).filter((signal) => signal.strength < CHURN_RISK_STRENGTH);
  const all = [...sentiment, ...faint];
  if (sentiment.length > 0 && noisyOr(all.map((signal) => signal.strength)) >= STRONG_SENTIMENT) {
    contradict('negative_sentiment', 'lower', idsOf(all));
  }
};
