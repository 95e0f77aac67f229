import { isoDay } from '@ripe/shared';
import { findSeries, indexOfDay, meanOver } from '../../series/series-window.ts';
import { makeSignal, round3 } from '../signal.ts';
import { percent, type BusinessRule } from './business-rule.ts';

/** Mean active users of the recent days over the mean of the baseline days just before them. */
export const activeUserSpikeRule: BusinessRule = (snapshot, ctx, today, out) => {
  const series = findSeries(snapshot.usage, 'active_users');
  if (!series) return;
  const { ratio: minRatio, recentDays, baselineDays } = ctx.config.rules.activeUserSpike;
  const todayIndex = indexOfDay(series, today);
  const recentFrom = todayIndex - recentDays + 1;
  // Half the days of each window must be observed: a few days must not pass for a trend.
  const recent = meanOver(series.values, recentFrom, todayIndex, Math.ceil(recentDays / 2));
  const baseline = meanOver(
    series.values,
    recentFrom - baselineDays,
    recentFrom - 1,
    Math.ceil(baselineDays / 2),
  );
  if (!(baseline > 0) || !(recent / baseline >= minRatio)) return;

  const ratio = recent / baseline;
  const id = 'br:active-user-spike';
  out.evidence.push({
    id,
    description: `Active users up ${percent(round3(ratio) - 1)} on average over the last ${recentDays} days against the ${baselineDays} days before`,
    value: round3(ratio),
    threshold: minRatio,
    date: isoDay(today),
    source: `usage:${series.metric}`,
  });
  out.signals.push(
    makeSignal('active_user_spike', 0.5 + 0.5 * Math.min(1, (ratio - minRatio) / minRatio), [id]),
  );
};
