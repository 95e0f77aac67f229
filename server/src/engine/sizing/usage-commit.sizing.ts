// Usage commit: the projected monthly consumption above the commit × 12 × unit price × (1 − commit
// discount). Daily consumption × 30 is the monthly run-rate (as the consumption rule reads it). Without
// a commit, the whole projected volume is what gets committed. A new commit is never smaller than a step
// of 5 / 10 / 20 % over the current one.
import type { AccountSnapshot, Potential } from '@ripe/shared';
import type { EngineContext } from '../engine-context.ts';
import { accountFacts } from '../facts/account-facts.ts';
import { findSeries } from '../series/series-window.ts';
import { formatAmount, formatMoney, formatPrice, wholeUnits } from './money.ts';
import { usageOutlook } from './usage-outlook.ts';

const DAYS_PER_MONTH = 30;
const minimumStep = { low: 0.05, mid: 0.1, high: 0.2 } as const;

export function sizeUsageCommit(
  snapshot: AccountSnapshot,
  ctx: EngineContext,
  horizonDays: number,
): Potential {
  const currency = ctx.priceBook.currency;
  const pricing = ctx.priceBook.usage;
  if (!pricing) {
    return { currency, arr: 0, low: 0, high: 0, basis: 'The price book has no usage pricing.' };
  }
  const commit = snapshot.contract.committedVolume;
  const series = findSeries(snapshot.usage, 'consumption');
  // today's daily level from the account's monthly run-rate: the figure every text quotes
  const monthlyToday = accountFacts(snapshot, ctx).consumption?.monthly;
  const level = monthlyToday === undefined ? undefined : monthlyToday / DAYS_PER_MONTH;
  const outlook = series ? usageOutlook(series, ctx.now, horizonDays, level) : null;
  if (!outlook && commit <= 0) {
    return { currency, arr: 0, low: 0, high: 0, basis: 'No consumption on record and no commit.' };
  }
  const monthly = (daily: number) => daily * DAYS_PER_MONTH;
  const above = (daily: number, step: number) => Math.max(monthly(daily) - commit, step * commit);
  const current = outlook?.current ?? 0;
  const low = above(outlook?.low ?? 0, minimumStep.low);
  const mid = Math.max(low, above(outlook?.mid ?? 0, minimumStep.mid));
  const high = Math.max(mid, above(outlook?.high ?? 0, minimumStep.high));
  // the step binds when the projection asks for less than it: the basis says so, or its figure reads unexplained
  const stepped = mid > monthly(outlook?.mid ?? 0) - commit;
  const yearlyUnitPrice = 12 * pricing.unitPrice * (1 - pricing.commitDiscount);
  const arr = wholeUnits(mid * yearlyUnitPrice);
  const unit = pricing.unit;
  return {
    currency,
    arr,
    low: wholeUnits(low * yearlyUnitPrice),
    high: wholeUnits(high * yearlyUnitPrice),
    basis:
      `${formatAmount(mid)} ${unit} a month above the ${formatAmount(commit)} committed × 12 × ` +
      `${formatPrice(pricing.unitPrice, currency)} × (1 − ${Math.round(pricing.commitDiscount * 100)} % commit discount) = ` +
      `${formatMoney(arr, currency)}: running at ${formatAmount(monthly(current))} a month, ` +
      `${formatAmount(monthly(outlook?.mid ?? 0))} projected in ${horizonDays} days` +
      (stepped
        ? `; a new commit is at least ${Math.round(minimumStep.mid * 100)} % over the current one.`
        : '.'),
  };
}
