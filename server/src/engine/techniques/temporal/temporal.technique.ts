import type { Evidence, Motion, Signal, TechniqueResult } from '@ripe/shared';
import { dayNumber, isoDay } from '@ripe/shared';
import type { SignalCode } from '@ripe/shared';
import type { Technique } from '../technique.ts';
import { HINT_MAX, makeSignal, ramp, round3, scoreFromSignals } from '../signal.ts';
import { accountFacts, type AccountFacts } from '../../facts/account-facts.ts';
import { formatAmount } from '../../sizing/money.ts';
import { percent } from '../business-rules/business-rule.ts';
import { AT_LIMIT_SHARE, projectFromTrends, type ProjectedLimit } from './limit-projection.ts';
import { coverageOf, metricTrend, type MetricTrend, type TrendKind } from './metric-trend.ts';

/** Relative growth over the quarter that counts as a trend, and Kendall's tau that makes it consistent. */
const RISING_GROWTH = 0.1;
const DECLINING_GROWTH = -0.15;
const CONSISTENT_TAU = 0.3;
/** Where the ramps up to those thresholds start: a hint grows from there, and below MIN_HINT is noise. */
const HINT_GROWTH = 0.04;
const HINT_DECLINE = 0.08;
const HINT_TAU = 0.15;
const MIN_HINT = 0.05;
/** Weeks at the limit with a flat line that make a plateau; flat = weekly medians within 5 % of the limit. */
const PLATEAU_WEEKS = 4;
const PLATEAU_SPREAD = 0.05;
const MONTH_DAYS = 30;

const risingCodes = {
  seats_used: 'seats_trending_up',
  active_users: 'active_users_trending_up',
  consumption: 'consumption_trending_up',
} as const satisfies Record<TrendKind, SignalCode>;

const labels: Record<TrendKind, string> = {
  seats_used: 'Seats used',
  active_users: 'Active users',
  consumption: 'Consumption',
};

function trendEvidence(trend: MetricTrend, threshold: number): Evidence {
  const direction = trend.growth >= 0 ? 'up' : 'down';
  return {
    id: `tmp:trend:${trend.kind}`,
    description: `${labels[trend.kind]} ${direction} ${Math.round(Math.abs(round3(trend.growth)) * 100)} % over ${trend.weeks} weeks (robust trend)`,
    value: round3(trend.growth),
    threshold,
    date: isoDay(trend.lastDay),
    source: `usage:${trend.metric}`,
  };
}

/** "At the 50 seats licensed since 2026-03-02 (48 used)", "Projected to reach the 50 seats licensed on …". */
function limitDescription(projected: ProjectedLimit, facts: AccountFacts, limitDate: string): string {
  const capacity = formatAmount(projected.capacity);
  const unit = projected.limit === 'seats' ? 'seats licensed' : 'monthly commit';
  if (projected.reached) {
    const current =
      projected.limit === 'seats'
        ? `${facts.seats?.used ?? 0} used`
        : `running at ${formatAmount(facts.consumption?.monthly ?? 0)} a month`;
    return `At the ${capacity} ${unit} since ${limitDate} (${current})`;
  }
  return `Projected to reach the ${capacity} ${unit} on ${limitDate} at the current trend`;
}

/** Latest weekly medians all within the top of the limit and flat. */
function isPlateau(trend: MetricTrend | null, capacity: number, scale: number): boolean {
  if (!trend || capacity <= 0 || trend.recentWeeks.length < PLATEAU_WEEKS) return false;
  const weeks = trend.recentWeeks.slice(-PLATEAU_WEEKS);
  const low = Math.min(...weeks) * scale;
  const high = Math.max(...weeks) * scale;
  return low >= AT_LIMIT_SHARE * capacity && high - low <= PLATEAU_SPREAD * capacity;
}

/**
 * Robust trends (weekly medians + Theil–Sen) on seats used, active users and consumption: rising or
 * declining usage, a plateau at the plan limit, and the projected date of hitting the limit.
 */
export const temporalTechnique: Technique = (snapshot, ctx): TechniqueResult => {
  const today = dayNumber(ctx.now);
  const { seatsLicensed, committedVolume } = snapshot.contract;
  const seats = metricTrend(snapshot, 'seats_used', today);
  const activeUsers = metricTrend(snapshot, 'active_users', today);
  const consumption = metricTrend(snapshot, 'consumption', today);
  const signals: Signal[] = [];
  const evidence: Evidence[] = [];
  const declining: string[] = [];
  let decline = 0;

  for (const trend of [seats, activeUsers, consumption]) {
    if (!trend) continue;
    const { growth, tau } = trend;
    if (growth > 0 && tau > 0) {
      // a trend just short of the thresholds is a hint (≤ HINT_MAX), not "no trend"
      const full = growth >= RISING_GROWTH && tau >= CONSISTENT_TAU;
      const near = Math.min(ramp(growth, HINT_GROWTH, RISING_GROWTH), ramp(tau, HINT_TAU, CONSISTENT_TAU));
      const strength = full ? (0.4 + 0.6 * Math.min(1, growth / 0.5)) * (0.5 + 0.5 * tau) : HINT_MAX * near;
      if (strength < MIN_HINT) continue;
      const item = trendEvidence(trend, RISING_GROWTH);
      evidence.push(item);
      signals.push(makeSignal(risingCodes[trend.kind], strength, [item.id]));
    } else if (growth < 0 && tau < 0) {
      const full = growth <= DECLINING_GROWTH && tau <= -CONSISTENT_TAU;
      const near = Math.min(
        ramp(-growth, HINT_DECLINE, -DECLINING_GROWTH),
        ramp(-tau, HINT_TAU, CONSISTENT_TAU),
      );
      const strength = full ? (0.4 + 0.6 * Math.min(1, -growth / 0.5)) * (0.5 - 0.5 * tau) : HINT_MAX * near;
      if (strength < MIN_HINT) continue;
      const item = trendEvidence(trend, DECLINING_GROWTH);
      evidence.push(item);
      declining.push(item.id);
      decline = Math.max(decline, strength);
    }
  }
  if (declining.length > 0) signals.push(makeSignal('usage_declining', decline, declining));

  const facts = accountFacts(snapshot, ctx);
  const plateauIds: string[] = [];
  let plateauMotion: Motion | undefined;
  if (seats && facts.seats && isPlateau(seats, seatsLicensed, 1)) {
    plateauIds.push('tmp:plateau:seats');
    plateauMotion = 'seat_upsell';
    evidence.push({
      id: 'tmp:plateau:seats',
      // the share in the words too: the value is the utilisation, never a bare ratio after the sentence
      description: `Seats used flat at ${facts.seats.used} of ${seatsLicensed} licensed (${percent(round3(facts.seats.utilisation))}) for ${PLATEAU_WEEKS}+ weeks`,
      value: round3(facts.seats.utilisation),
      threshold: AT_LIMIT_SHARE,
      date: facts.seats.on,
      source: `usage:${seats.metric}`,
    });
  }
  if (consumption && facts.consumption && isPlateau(consumption, committedVolume, MONTH_DAYS)) {
    plateauIds.push('tmp:plateau:consumption');
    plateauMotion ??= 'usage_commit';
    evidence.push({
      id: 'tmp:plateau:consumption',
      description: `Monthly consumption flat at ${formatAmount(facts.consumption.monthly)} against a commit of ${formatAmount(committedVolume)} (${percent(round3(facts.consumption.share))}) for ${PLATEAU_WEEKS}+ weeks`,
      value: round3(facts.consumption.share),
      threshold: AT_LIMIT_SHARE,
      date: facts.consumption.on,
      source: `usage:${consumption.metric}`,
    });
  }
  if (plateauIds.length > 0) signals.push(makeSignal('plateau_at_limit', 0.75, plateauIds, plateauMotion));

  const projected = projectFromTrends(
    snapshot,
    facts,
    today,
    seats,
    committedVolume > 0 ? consumption : null,
  );
  const { leadDaysMax } = ctx.config.window;
  if (projected && projected.limitDay - today <= leadDaysMax) {
    const id = `tmp:limit:${projected.limit}`;
    const limitDate = isoDay(projected.limitDay);
    evidence.push({
      id,
      description: limitDescription(projected, facts, limitDate),
      value: limitDate,
      threshold: projected.capacity,
      date: limitDate,
      source: `usage:${projected.metric}`,
    });
    const strength = 0.5 + 0.5 * (1 - Math.max(0, projected.limitDay - today) / leadDaysMax);
    signals.push(
      makeSignal(
        'limit_projected',
        strength,
        [id],
        projected.limit === 'seats' ? 'seat_upsell' : 'usage_commit',
      ),
    );
  }

  // Confidence: observed share of the quarter on the series present, discounted when only one exists.
  const present = [seats, activeUsers, consumption].filter((trend) => trend !== null).length;
  const coverage =
    (coverageOf(seats) + coverageOf(activeUsers) + coverageOf(consumption)) / Math.max(1, present);
  const breadth = Math.min(1, present / 2);
  return {
    technique: 'temporal',
    score: scoreFromSignals(signals),
    confidence: round3(coverage * breadth),
    signals,
    evidence,
    contradictions: [],
  };
};
