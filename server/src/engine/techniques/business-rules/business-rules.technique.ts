import type { TechniqueResult } from '@ripe/shared';
import { dayNumber } from '@ripe/shared';
import { findSeries, indexOfDay, observedDays } from '../../series/series-window.ts';
import type { Technique } from '../technique.ts';
import { round3, scoreFromSignals } from '../signal.ts';
import type { BusinessRule, RuleOutput } from './business-rule.ts';
import { activeUserSpikeRule } from './active-user-spike.rule.ts';
import { consumptionCommitRule } from './consumption-commit.rule.ts';
import { premiumFeatureRule } from './premium-feature.rule.ts';
import { seatUtilisationRule } from './seat-utilisation.rule.ts';
import { tierLimitRule } from './tier-limit.rule.ts';

const rules: readonly BusinessRule[] = [
  seatUtilisationRule,
  tierLimitRule,
  activeUserSpikeRule,
  premiumFeatureRule,
  consumptionCommitRule,
];

const CONFIDENCE_DAYS = 90;

/** Per-org thresholds (`ctx.config.rules`) over seats, active users, features and consumption. */
export const businessRulesTechnique: Technique = (snapshot, ctx): TechniqueResult => {
  const today = dayNumber(ctx.now);
  const out: RuleOutput = { signals: [], evidence: [] };
  for (const rule of rules) rule(snapshot, ctx, today, out);

  // Confidence: how complete the last 90 days of the series the rules need are.
  const kinds =
    snapshot.contract.committedVolume > 0
      ? (['seats_used', 'active_users', 'consumption'] as const)
      : (['seats_used', 'active_users'] as const);
  let coverage = 0;
  for (const kind of kinds) {
    const series = findSeries(snapshot.usage, kind);
    if (!series) continue;
    const todayIndex = indexOfDay(series, today);
    coverage += observedDays(series.values, todayIndex - CONFIDENCE_DAYS + 1, todayIndex) / CONFIDENCE_DAYS;
  }
  return {
    technique: 'business_rules',
    score: scoreFromSignals(out.signals),
    confidence: round3(coverage / kinds.length),
    signals: out.signals,
    evidence: out.evidence,
    contradictions: [],
  };
};
