import { accountFacts } from '../../facts/account-facts.ts';
import { formatAmount } from '../../sizing/money.ts';
import { makeSignal, round3 } from '../signal.ts';
import { percent, type BusinessRule } from './business-rule.ts';

/**
 * Monthly run-rate (trailing 30-day mean of daily consumption × 30) ≥ threshold × committed volume on
 * every observed day of the last `minDays` or more. The run-rate and the run are the account's facts of
 * the day (facts/account-facts.ts).
 */
export const consumptionCommitRule: BusinessRule = (snapshot, ctx, _today, out) => {
  const consumption = accountFacts(snapshot, ctx).consumption;
  if (!consumption || consumption.commit <= 0) return;
  const { threshold, minDays } = ctx.config.rules.consumption;
  const run = consumption.daysAtThreshold;
  if (run < minDays) return;
  const { share, commit } = consumption;
  const id = 'br:consumption-commit';
  out.evidence.push({
    id,
    description: `Monthly consumption run-rate ${formatAmount(consumption.monthly)} is ${percent(round3(share))} of the ${formatAmount(commit)} committed, for ${run} days`,
    value: round3(share),
    threshold,
    date: consumption.on,
    source: `usage:${consumption.metric}`,
  });
  const excess = Math.min(1, Math.max(0, (share - threshold) / Math.max(0.05, 1.2 - threshold)));
  out.signals.push(
    makeSignal('consumption_near_commit', 0.5 + 0.3 * excess + 0.2 * Math.min(1, run / (2 * minDays)), [id]),
  );
};
