// What customers write against expansion: a churn threat or an alternative being evaluated is a serious
// risk as soon as one recent mention stands; dissatisfaction and budget cuts lower the score when strong.
import type { SignalCode } from '@ripe/shared';
import { noisyOr } from '../signal.ts';
import { idsOf, type ContradictionCheck } from './contradiction-check.ts';

/**
 * Strength of the churn-threat signal that makes a serious risk: one inbound mention of the last two
 * months, or an internal note of the last month (a hedged or old mention, or our own email, is weaker).
 */
export const CHURN_RISK_STRENGTH = 0.25;
/** Combined strength of dissatisfaction and budget cuts that counts as strong. */
const STRONG_SENTIMENT = 0.5;
const SENTIMENT: readonly SignalCode[] = ['dissatisfaction', 'budget_cut'];

export const churnRiskCheck: ContradictionCheck = ({ present, contradict }) => {
  const threats = present(['churn_threat']).filter((signal) => signal.strength >= CHURN_RISK_STRENGTH);
  if (threats.length > 0) contradict('churn_risk', 'block', idsOf(threats));
};

export const sentimentCheck: ContradictionCheck = ({ present, contradict }) => {
  const sentiment = present(SENTIMENT);
  const weakThreats = present(['churn_threat']).filter((signal) => signal.strength < CHURN_RISK_STRENGTH);
  const all = [...sentiment, ...weakThreats];
  if (sentiment.length > 0 && noisyOr(all.map((signal) => signal.strength)) >= STRONG_SENTIMENT) {
    contradict('negative_sentiment', 'lower', idsOf(all));
  }
};
