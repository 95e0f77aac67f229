import { isoDay } from '@ripe/shared';
import {
  findSeries,
  indexOfDay,
  lastObservedIndex,
  trailingWeeklyRun,
  weekMedianAt,
} from '../../series/series-window.ts';
import { makeSignal, round3 } from '../signal.ts';
import { percent, RECENT_DAYS, type BusinessRule } from './business-rule.ts';

/**
 * Seats used ≥ threshold × seats licensed on every observed day of the last `minDays` or more, each day
 * judged on its trailing week (most of its days at or above: weekends and outage days are a minority).
 */
export const seatUtilisationRule: BusinessRule = (snapshot, ctx, today, out) => {
  const series = findSeries(snapshot.usage, 'seats_used');
  const licensed = snapshot.contract.seatsLicensed;
  if (!series || licensed <= 0) return;
  const { threshold, minDays } = ctx.config.rules.seatUtilisation;
  const todayIndex = indexOfDay(series, today);
  const last = lastObservedIndex(series.values, todayIndex, todayIndex - RECENT_DAYS);
  if (last < 0) return;
  const floor = threshold * licensed;
  const run = trailingWeeklyRun(series.values, last, Math.min(365, minDays * 4), floor);
  if (run < minDays) return;

  const latest = weekMedianAt(series.values, last);
  const utilisation = latest / licensed;
  const id = 'br:seat-utilisation';
  out.evidence.push({
    id,
    description: `Seat utilisation ${percent(utilisation)} (${latest} of ${licensed} seats used, weekly median), at or above ${percent(threshold)} for the last ${run} days with data`,
    value: round3(utilisation),
    threshold,
    date: isoDay(today - todayIndex + last),
    source: `usage:${series.metric}`,
  });
  const excess = Math.min(1, (utilisation - threshold) / Math.max(0.01, 1 - threshold));
  const duration = Math.min(1, run / (2 * minDays));
  out.signals.push(makeSignal('seat_utilisation_high', 0.5 + 0.3 * excess + 0.2 * duration, [id]));
};
