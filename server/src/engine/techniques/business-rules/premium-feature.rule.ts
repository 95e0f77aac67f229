import type { UsageSeries } from '@ripe/shared';
import { dayNumber, isoDay } from '@ripe/shared';
import { findSeries, indexOfDay } from '../../series/series-window.ts';
import { makeSignal, round3 } from '../signal.ts';
import { percent, RECENT_DAYS, type BusinessRule, type RuleOutput } from './business-rule.ts';

interface AdoptionRun {
  /** Observed days, back from the latest one, with adoption ≥ the minimum. */
  days: number;
  lastDay: number;
  meanShare: number;
}

/**
 * Feature adoption series hold, per day, the number of users of the feature; the share is taken over the
 * active users of the same day (seats used when there is no active-user series).
 */
function adoptionRun(
  feature: UsageSeries,
  population: UsageSeries,
  today: number,
  minAdoption: number,
  maxLookback: number,
): AdoptionRun | null {
  const offset = dayNumber(feature.start) - dayNumber(population.start);
  const todayIndex = Math.min(indexOfDay(feature, today), feature.values.length - 1);
  let days = 0;
  let lastDay = -1;
  let shareSum = 0;
  for (let i = todayIndex; i >= 0 && i > todayIndex - maxLookback; i--) {
    const users = feature.values[i];
    const base = population.values[i + offset];
    if (users === null || users === undefined || base === null || base === undefined || base <= 0) continue;
    if (lastDay < 0) {
      if (i < todayIndex - RECENT_DAYS) return null;
      lastDay = i;
    }
    const share = users / base;
    if (share < minAdoption) break;
    days++;
    shareSum += share;
  }
  if (lastDay < 0) return null;
  return { days, lastDay: today - todayIndex + lastDay, meanShare: days > 0 ? shareSum / days : 0 };
}

/**
 * A premium feature of a higher tier adopted by enough active users for long enough → tier upgrade;
 * a feature of a module the contract does not license → cross-sell.
 */
export const premiumFeatureRule: BusinessRule = (snapshot, ctx, today, out) => {
  const population = findSeries(snapshot.usage, 'active_users') ?? findSeries(snapshot.usage, 'seats_used');
  if (!population) return;
  const { minAdoption, minDays } = ctx.config.rules.premiumFeature;
  const { contract } = snapshot;
  const tier = ctx.priceBook.tiers.find((candidate) => candidate.id === contract.tier);
  const premium: RuleOutput = { signals: [], evidence: [] };
  const explored: RuleOutput = { signals: [], evidence: [] };
  let premiumStrength = 0;
  let exploredStrength = 0;

  for (const series of snapshot.usage) {
    if (series.kind !== 'feature_adoption') continue;
    const feature = series.feature ?? series.metric;
    const module = ctx.priceBook.modules.find((candidate) => candidate.features.includes(feature));
    const unlicensedModule = module !== undefined && !contract.modules.includes(module.id);
    const higherTierFeature =
      series.premium === true && module === undefined && !tier?.features.includes(feature);
    if (!unlicensedModule && !higherTierFeature) continue;
    const run = adoptionRun(series, population, today, minAdoption, Math.min(365, minDays * 4));
    if (!run || run.days < minDays) continue;

    const strength =
      0.45 +
      0.35 * Math.min(1, run.meanShare / (2 * minAdoption) - 0.5) +
      0.2 * Math.min(1, run.days / (2 * minDays));
    const target = unlicensedModule ? explored : premium;
    const id = `br:${unlicensedModule ? 'module' : 'premium'}:${feature}`;
    target.evidence.push({
      id,
      description: unlicensedModule
        ? `Feature ${feature} of the unlicensed ${module.name} module used by ${percent(round3(run.meanShare))} of active users, ${minDays} days or more`
        : `Premium feature ${feature} used by ${percent(round3(run.meanShare))} of active users, ${minDays} days or more`,
      value: round3(run.meanShare),
      threshold: minAdoption,
      date: isoDay(run.lastDay),
      source: `usage:${series.metric}`,
    });
    if (unlicensedModule) exploredStrength = Math.max(exploredStrength, strength);
    else premiumStrength = Math.max(premiumStrength, strength);
  }

  if (premium.evidence.length > 0) {
    out.evidence.push(...premium.evidence);
    const ids = premium.evidence.map((evidence) => evidence.id);
    out.signals.push(makeSignal('premium_feature_adopted', premiumStrength, ids));
  }
  if (explored.evidence.length > 0) {
    out.evidence.push(...explored.evidence);
    const ids = explored.evidence.map((evidence) => evidence.id);
    out.signals.push(makeSignal('module_feature_explored', exploredStrength, ids));
  }
};
