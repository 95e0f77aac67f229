import { accountFacts } from '../../facts/account-facts.ts';
import { makeSignal, round3 } from '../signal.ts';
import { percent, type BusinessRule } from './business-rule.ts';

/**
 * Seats used ≥ threshold × seats licensed on every observed day of the last `minDays` or more, each day
 * judged on its trailing week (most of its days at or above: weekends and outage days are a minority).
 * The seats used and the run are the account's facts of the day (facts/account-facts.ts).
 */
export const seatUtilisationRule: BusinessRule = (snapshot, ctx, _today, out) => {
  const seats = accountFacts(snapshot, ctx).seats;
  if (!seats || seats.licensed <= 0) return;
  const { threshold, minDays } = ctx.config.rules.seatUtilisation;
  const run = seats.daysAtThreshold;
  if (run < minDays) return;
  const { utilisation } = seats;
  const id = 'br:seat-utilisation';
  out.evidence.push({
    id,
    description: `Seat utilisation ${percent(round3(utilisation))} (${seats.used} of ${seats.licensed} seats used, weekly median), at or above ${percent(threshold)} for the last ${run} days with data`,
    value: round3(utilisation),
    threshold,
    date: seats.on,
    source: `usage:${seats.metric}`,
  });
  const excess = Math.min(1, (utilisation - threshold) / Math.max(0.01, 1 - threshold));
  const duration = Math.min(1, run / (2 * minDays));
  out.signals.push(makeSignal('seat_utilisation_high', 0.5 + 0.3 * excess + 0.2 * duration, [id]));
};
