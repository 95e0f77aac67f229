// The account's numbers on the verdict's day, computed once and read by every technique, the sizing, the
// window and every text: one value per fact per verdict. Seats used is the weekly median on the last
// observed day (robust to weekends and outages), in whole seats; a run at a threshold is judged day by
// day on its trailing week and counted in observed days; consumption is the monthly run-rate (trailing
// 30-day mean × 30). `accountFacts` memoises per snapshot object and day, so a second reader gets the
// same object; the function stays pure from the outside.
import type { AccountSnapshot, OrgConfig, UsageSeries } from '@ripe/shared';
import { dayNumber, isoDay, licenceOn } from '@ripe/shared';
import type { EngineContext } from '../engine-context.ts';
import {
  findSeries,
  indexOfDay,
  lastObservedIndex,
  trailingWeeklyRun,
  weekMedianAt,
  type DailyFloor,
} from '../series/series-window.ts';

/** Within this share of a limit, the account is at the limit (the temporal technique's plateau too). */
export const AT_LIMIT_SHARE = 0.95;
/** A run of days counts only when its latest observed day is this recent. */
export const RECENT_DAYS = 7;
/** How far back a run at a threshold is followed. */
const RUN_LOOKBACK_DAYS = 365;
/** Days in the trailing window of the monthly run-rate (the commit is per month). */
export const RUN_RATE_DAYS = 30;

export interface SeatFacts {
  /** The usage metric the seats come from. */
  metric: string;
  licensed: number;
  /** Seats used: the weekly median on `on`, whole seats. */
  used: number;
  /** The last observed day (within the last week). */
  on: string;
  /** used / licensed (0 without a licence). */
  utilisation: number;
  /** Observed days in a row, back from `on`, whose week was mostly at or above the utilisation threshold. */
  daysAtThreshold: number;
  /** First day of the current run at the licence (≥ 95 % of it), when the account is there. */
  atLimitSince: string | null;
}

export interface ActiveUserFacts {
  metric: string;
  /** Active users: the weekly median on `on`, whole users. */
  active: number;
  on: string;
}

export interface ConsumptionFacts {
  metric: string;
  /** Committed volume per month (0 when none). */
  commit: number;
  /** Monthly run-rate on `on`, whole units. */
  monthly: number;
  on: string;
  /** monthly / commit (0 without a commit). */
  share: number;
  /** Observed days in a row, back from `on`, with the run-rate at or above the consumption threshold. */
  daysAtThreshold: number;
  /** First day of the current run at the commit (≥ 95 % of it), when the account is there. */
  atLimitSince: string | null;
}

export interface AccountFacts {
  seats: SeatFacts | null;
  activeUsers: ActiveUserFacts | null;
  consumption: ConsumptionFacts | null;
}

/** Index of the first observed day of the `run` observed days that end on `end`. */
function runStart(values: readonly (number | null)[], end: number, run: number): number {
  let counted = 0;
  let start = end;
  for (let i = end; i >= 0 && counted < run; i--) {
    if (values[i] === null || values[i] === undefined) continue;
    counted++;
    start = i;
  }
  return start;
}

/** The run judged by weeks starts once most of a week is there: its first days at the floor belong to it. */
function firstAtOrAbove(values: readonly (number | null)[], start: number, floor: DailyFloor): number {
  const floorAt = typeof floor === 'number' ? () => floor : floor;
  let first = start;
  for (let i = start - 1; i >= 0; i--) {
    const value = values[i];
    if (value === null || value === undefined) continue;
    if (value < floorAt(i)) break;
    first = i;
  }
  return first;
}

function lastRecent(series: UsageSeries, today: number): { todayIndex: number; last: number } | null {
  const todayIndex = indexOfDay(series, today);
  const last = lastObservedIndex(series.values, todayIndex, todayIndex - RECENT_DAYS);
  return last < 0 ? null : { todayIndex, last };
}

/**
 * `share` of the seats licensed on each day of the series: the licence of that day when the contract has
 * a history (a past above today's licence is read against the larger licence it had), today's otherwise.
 */
function seatFloor(snapshot: AccountSnapshot, series: UsageSeries, share: number): DailyFloor {
  const { contract } = snapshot;
  if (!contract.licenceHistory || contract.licenceHistory.length === 0) return share * contract.seatsLicensed;
  const start = dayNumber(series.start);
  const floors = new Map<number, number>();
  return (index) => {
    let floor = floors.get(index);
    if (floor === undefined) {
      floor = share * licenceOn(contract, isoDay(start + index)).seatsLicensed;
      floors.set(index, floor);
    }
    return floor;
  };
}

function seatFacts(snapshot: AccountSnapshot, config: OrgConfig, today: number): SeatFacts | null {
  const series = findSeries(snapshot.usage, 'seats_used');
  const licensed = snapshot.contract.seatsLicensed;
  if (!series) return null;
  const at = lastRecent(series, today);
  if (!at) return null;
  const median = weekMedianAt(series.values, at.last, 1);
  const used = Math.round(median);
  const day = today - at.todayIndex + at.last;
  const floor = seatFloor(snapshot, series, config.rules.seatUtilisation.threshold);
  const limitFloor = seatFloor(snapshot, series, AT_LIMIT_SHARE);
  const daysAtThreshold =
    licensed > 0 ? trailingWeeklyRun(series.values, at.last, RUN_LOOKBACK_DAYS, floor) : 0;
  const limitRun =
    licensed > 0 ? trailingWeeklyRun(series.values, at.last, RUN_LOOKBACK_DAYS, limitFloor) : 0;
  const since =
    limitRun > 0
      ? today -
        at.todayIndex +
        firstAtOrAbove(series.values, runStart(series.values, at.last, limitRun), limitFloor)
      : null;
  return {
    metric: series.metric,
    licensed,
    used,
    on: isoDay(day),
    utilisation: licensed > 0 ? used / licensed : 0,
    daysAtThreshold,
    atLimitSince: since === null ? null : isoDay(since),
  };
}

function activeUserFacts(snapshot: AccountSnapshot, today: number): ActiveUserFacts | null {
  const series = findSeries(snapshot.usage, 'active_users');
  if (!series) return null;
  const at = lastRecent(series, today);
  if (!at) return null;
  return {
    metric: series.metric,
    active: Math.round(weekMedianAt(series.values, at.last, 1)),
    on: isoDay(today - at.todayIndex + at.last),
  };
}

function consumptionFacts(
  snapshot: AccountSnapshot,
  config: OrgConfig,
  today: number,
): ConsumptionFacts | null {
  const series = findSeries(snapshot.usage, 'consumption');
  const commit = snapshot.contract.committedVolume;
  if (!series) return null;
  const at = lastRecent(series, today);
  if (!at) return null;
  const values = series.values;
  // The monthly run-rate of each day, by a sliding 30-day window; a day needs half its window observed.
  const from = Math.max(0, at.last - RUN_LOOKBACK_DAYS - RUN_RATE_DAYS);
  const threshold = config.rules.consumption.threshold * commit;
  const atLimit = AT_LIMIT_SHARE * commit;
  let windowSum = 0;
  let windowCount = 0;
  let monthly = 0;
  let run = 0;
  let limitRun = 0;
  let limitStart = -1;
  for (let i = from; i <= at.last; i++) {
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
    monthly = windowCount >= RUN_RATE_DAYS / 2 ? (windowSum / windowCount) * RUN_RATE_DAYS : 0;
    run = commit > 0 && monthly >= threshold ? run + 1 : 0;
    if (commit > 0 && monthly >= atLimit) {
      if (limitRun === 0) limitStart = i;
      limitRun++;
    } else limitRun = 0;
  }
  const dayOf = (index: number) => isoDay(today - at.todayIndex + index);
  const rounded = Math.round(monthly);
  return {
    metric: series.metric,
    commit,
    monthly: rounded,
    on: dayOf(at.last),
    share: commit > 0 ? rounded / commit : 0,
    daysAtThreshold: run,
    atLimitSince: limitRun > 0 ? dayOf(limitStart) : null,
  };
}

const memo = new WeakMap<AccountSnapshot, { now: string; config: OrgConfig; facts: AccountFacts }>();

/** The account's facts on `ctx.now`, computed once per snapshot and day. */
export function accountFacts(snapshot: AccountSnapshot, ctx: EngineContext): AccountFacts {
  const cached = memo.get(snapshot);
  if (cached && cached.now === ctx.now && cached.config === ctx.config) return cached.facts;
  const today = dayNumber(ctx.now);
  const facts: AccountFacts = {
    seats: seatFacts(snapshot, ctx.config, today),
    activeUsers: activeUserFacts(snapshot, today),
    consumption: consumptionFacts(snapshot, ctx.config, today),
  };
  memo.set(snapshot, { now: ctx.now, config: ctx.config, facts });
  return facts;
}
