import type { Segment } from '@ripe/shared';
import { FEATURE_NAMES, type FeatureName } from './features.ts';
import type { FeatureRow } from './learners/learner.ts';
import { logOdds } from './learners/learner.ts';

/**
 * The cold-start prior: what a sensible analyst would guess before the org has labelled history.
 *
 * Base rate — probability of a won expansion within 90 days — by segment, from the NRR benchmarks in
 * SPEC.md: the expansion share of ARR per year is roughly NRR − GRR (enterprise ≈ 114 − 91 = 23 %,
 * mid-market ≈ 108 − 91 = 17 %, SMB ≈ 98.5 − 90 = 8.5 %). With an expansion adding about 40 % of the
 * account's ARR, that is ~0.55 / ~0.42 / ~0.21 expansions per account-year, i.e. ~13 % / ~10 % / ~5 %
 * per quarter.
 */
export const SEGMENT_BASE_RATES: Record<Segment, number> = { smb: 0.05, mid_market: 0.1, enterprise: 0.13 };
const UNKNOWN_SEGMENT_BASE_RATE = 0.09;

interface PriorRule {
  feature: FeatureName;
  /** Log-odds added when `applies(value)`; rules on one feature are exclusive, first match wins. */
  applies: (value: number) => boolean;
  logOdds: number;
}

// Domain judgement, in log-odds (+0.7 ≈ doubles a small probability): the SPEC's upsell signals
// (seat utilisation ≥ 80 %, consumption ≥ 80 % of commit, growing active users) raise it; declining
// usage, escalations and a recent contraction lower it.
const PRIOR_RULES: readonly PriorRule[] = [
  { feature: 'seat_utilisation_30d', applies: (v) => v >= 0.95, logOdds: 1.2 },
  { feature: 'seat_utilisation_30d', applies: (v) => v >= 0.8, logOdds: 0.9 },
  { feature: 'consumption_run_rate', applies: (v) => v >= 1, logOdds: 1.1 },
  { feature: 'consumption_run_rate', applies: (v) => v >= 0.8, logOdds: 0.8 },
  { feature: 'active_users_growth', applies: (v) => v >= 0.3, logOdds: 0.8 },
  { feature: 'active_users_growth', applies: (v) => v >= 0.1, logOdds: 0.4 },
  { feature: 'active_users_growth', applies: (v) => v <= -0.15, logOdds: -0.5 },
  { feature: 'seat_trend_90d', applies: (v) => v <= -0.1, logOdds: -0.6 },
  { feature: 'premium_features_adopted', applies: (v) => v >= 1, logOdds: 0.3 },
  { feature: 'escalations_30d', applies: (v) => v >= 1, logOdds: -0.7 },
  { feature: 'days_since_last_contraction', applies: (v) => v <= 120, logOdds: -0.9 },
];

/** Spread of the prior's belief, in log-odds either side, for its interval. */
export const PRIOR_LOGIT_SPREAD = 0.8;
/** How much the prior alone is worth as a confidence. */
export const PRIOR_CONFIDENCE = 0.2;

export interface ExpansionPrior {
  logit(x: FeatureRow): number;
  /** Writes per-feature log-odds into `out` (indexed like the model's features) and returns the bias. */
  explain(x: FeatureRow, out: Float64Array): number;
}

/**
 * The prior over a model's feature layout, or null when the layout lacks the expansion features
 * (a generic CSV backtest has no prior).
 */
export function createExpansionPrior(featureNames: readonly string[]): ExpansionPrior | null {
  const index = new Map(featureNames.map((name, j) => [name, j]));
  if (!FEATURE_NAMES.every((name) => index.has(name))) return null;
  const at = (name: FeatureName) => index.get(name)!;
  const segments: Array<[number, number]> = [
    [at('segment_smb'), logOdds(SEGMENT_BASE_RATES.smb)],
    [at('segment_mid_market'), logOdds(SEGMENT_BASE_RATES.mid_market)],
    [at('segment_enterprise'), logOdds(SEGMENT_BASE_RATES.enterprise)],
  ];
  const utilisationNow = at('seat_utilisation');
  const rules = PRIOR_RULES.map((rule) => ({ ...rule, column: at(rule.feature) }));

  const explain = (x: FeatureRow, out: Float64Array) => {
    out.fill(0);
    let bias = logOdds(UNKNOWN_SEGMENT_BASE_RATE);
    for (const [column, segmentLogit] of segments) if (x[column] === 1) bias = segmentLogit;
    const matched = new Set<number>();
    for (const rule of rules) {
      let column = rule.column;
      let value = x[column]!;
      // no 30-day history yet: today's utilisation stands in
      if (Number.isNaN(value) && rule.feature === 'seat_utilisation_30d') {
        column = utilisationNow;
        value = x[column]!;
      }
      if (Number.isNaN(value) || matched.has(rule.column) || !rule.applies(value)) continue;
      matched.add(rule.column);
      out[column]! += rule.logOdds;
    }
    return bias;
  };
  const scratch = new Float64Array(featureNames.length);
  return {
    explain,
    logit(x) {
      let logit = explain(x, scratch);
      for (let j = 0; j < scratch.length; j++) logit += scratch[j]!;
      return logit;
    },
  };
}
