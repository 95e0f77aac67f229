import { isoDay } from '@ripe/shared';
import { findSeries, indexOfDay, lastObservedIndex } from '../../series/series-window.ts';
import { makeSignal, round3 } from '../signal.ts';
import { percent, RECENT_DAYS, type BusinessRule } from './business-rule.ts';

/** Days in the trailing window of the monthly run-rate (the commit is per month). */
const RUN_RATE_DAYS = 30;

/**
 * Monthly run-rate (trailing 30-day mean of daily consumption × 30) ≥ threshold × committed volume on
 * every observed day of the last `minDays` or more.
 */
export const consumptionCommitRule: BusinessRule = (snapshot, ctx, today, out) => {
  const commit = snapshot.contract.committedVolume;
  const series = findSeries(snapshot.usage, 'consumption');
  if (!series || commit <= 0) return;
  const { threshold, minDays } = ctx.config.rules.consumption;
  const values = series.values;
  const todayIndex = indexOfDay(series, today);
  const last = lastObservedIndex(values, todayIndex, todayIndex - RECENT_DAYS);
  if (last < 0) return;

  // One forward pass with a sliding 30-day window; `run` resets whenever the run-rate falls short.
  const from = Math.max(0, last - Math.min(365, minDays * 3) - RUN_RATE_DAYS);
  const floor = threshold * commit;
  let windowSum = 0;
  let windowCount = 0;
  let run = 0;
  let runRate = 0;
  for (let i = from; i <= last; i++) {
    const value = values[i];
    if (value !== null && value !== undefined) {
      windowSum += value;
      windowCount++;
    }
    const leaving = values[i - RUN_RATE_DAYS];
    if (i - RUN_RATE_DAYS >= from && leaving !== null && leaving !== undefined) {
      windowSum -= leaving;
      windowCount--;
    }
    if (value === null || value === undefined || i - from < RUN_RATE_DAYS - 1) continue;
    // Half the window must be observed before a run-rate means anything.
    runRate = windowCount >= RUN_RATE_DAYS / 2 ? (windowSum / windowCount) * RUN_RATE_DAYS : 0;
    run = runRate >= floor ? run + 1 : 0;
  }
  if (run < minDays) return;

  const share = runRate / commit;
  const id = 'br:consumption-commit';
  out.evidence.push({
    id,
    description: `Monthly consumption run-rate ${Math.round(runRate)} is ${percent(share)} of the ${commit} committed, for ${run} days`,
    value: round3(share),
    threshold,
    date: isoDay(today - todayIndex + last),
    source: `usage:${series.metric}`,
  });
  const excess = Math.min(1, Math.max(0, (share - threshold) / Math.max(0.05, 1.2 - threshold)));
  out.signals.push(
    makeSignal('consumption_near_commit', 0.5 + 0.3 * excess + 0.2 * Math.min(1, run / (2 * minDays)), [id]),
  );
};
