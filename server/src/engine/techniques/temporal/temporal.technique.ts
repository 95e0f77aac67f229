import type { Evidence, Motion, Signal, TechniqueResult } from '@ripe/shared';
import { dayNumber, isoDay } from '@ripe/shared';
import type { SignalCode } from '@ripe/shared';
import type { Technique } from '../technique.ts';
import { makeSignal, round3, scoreFromSignals } from '../signal.ts';
import { AT_LIMIT_SHARE, projectFromTrends, windowOf } from './limit-projection.ts';
import { coverageOf, metricTrend, type MetricTrend, type TrendKind } from './metric-trend.ts';

/** Relative growth over the quarter that counts as a trend, and Kendall's tau that makes it consistent. */
const RISING_GROWTH = 0.1;
const DECLINING_GROWTH = -0.15;
const CONSISTENT_TAU = 0.3;
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
    description: `${labels[trend.kind]} ${direction} ${Math.round(Math.abs(trend.growth) * 100)} % over ${trend.weeks} weeks (robust slope ${round3(trend.slopePerDay * 7)} per week)`,
    value: round3(trend.growth),
    threshold,
    date: isoDay(trend.lastDay),
    source: `usage:${trend.metric}`,
  };
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
    if (trend.growth >= RISING_GROWTH && trend.tau >= CONSISTENT_TAU) {
      const item = trendEvidence(trend, RISING_GROWTH);
      evidence.push(item);
      const strength = (0.4 + 0.6 * Math.min(1, trend.growth / 0.5)) * (0.5 + 0.5 * trend.tau);
      signals.push(makeSignal(risingCodes[trend.kind], strength, [item.id]));
    } else if (trend.growth <= DECLINING_GROWTH && trend.tau <= -CONSISTENT_TAU) {
      const item = trendEvidence(trend, DECLINING_GROWTH);
      evidence.push(item);
      declining.push(item.id);
      decline = Math.max(decline, (0.4 + 0.6 * Math.min(1, -trend.growth / 0.5)) * (0.5 - 0.5 * trend.tau));
    }
  }
  if (declining.length > 0) signals.push(makeSignal('usage_declining', decline, declining));

  const plateauIds: string[] = [];
  let plateauMotion: Motion | undefined;
  if (seats && isPlateau(seats, seatsLicensed, 1)) {
    plateauIds.push('tmp:plateau:seats');
    plateauMotion = 'seat_upsell';
    evidence.push({
      id: 'tmp:plateau:seats',
      description: `Seats used flat at ${Math.round(seats.level)} of ${seatsLicensed} licensed for ${PLATEAU_WEEKS}+ weeks`,
      value: round3(seats.level / seatsLicensed),
      threshold: AT_LIMIT_SHARE,
      date: isoDay(seats.lastDay),
      source: `usage:${seats.metric}`,
    });
  }
  if (consumption && isPlateau(consumption, committedVolume, MONTH_DAYS)) {
    plateauIds.push('tmp:plateau:consumption');
    plateauMotion ??= 'usage_commit';
    evidence.push({
      id: 'tmp:plateau:consumption',
      description: `Monthly consumption flat at ${Math.round(consumption.level * MONTH_DAYS)} against a commit of ${committedVolume} for ${PLATEAU_WEEKS}+ weeks`,
      value: round3((consumption.level * MONTH_DAYS) / committedVolume),
      threshold: AT_LIMIT_SHARE,
      date: isoDay(consumption.lastDay),
      source: `usage:${consumption.metric}`,
    });
  }
  if (plateauIds.length > 0) signals.push(makeSignal('plateau_at_limit', 0.75, plateauIds, plateauMotion));

  const projected = projectFromTrends(snapshot, today, seats, committedVolume > 0 ? consumption : null);
  const { leadDaysMax } = ctx.config.window;
  if (projected && projected.limitDay - today <= leadDaysMax) {
    const window = windowOf(projected, ctx, today);
    const id = `tmp:limit:${projected.limit}`;
    const unit = projected.limit === 'seats' ? 'seats licensed' : 'monthly commit';
    const pace =
      projected.limitDay === today
        ? `already at ${Math.round(projected.level)} of ${projected.capacity}`
        : `at +${round3(projected.slopePerDay * 7)} per week`;
    evidence.push({
      id,
      description: `Projected to reach the ${projected.capacity} ${unit} on ${window.limitDate} (${pace}); window ${window.opensOn} → ${window.closesOn}`,
      value: window.limitDate,
      threshold: projected.capacity,
      date: window.limitDate,
      source: `usage:${projected.metric}`,
    });
    const strength = 0.5 + 0.5 * (1 - (projected.limitDay - today) / leadDaysMax);
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
