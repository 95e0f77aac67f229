// The expansion window, on real dates (the seeds: the best moment is the 60–90 days before a limit):
//   - a limit ahead: opens `leadDaysMax` and closes `leadDaysMin` days before it (config.window), opening in
//     the past when the limit is near ("open since …"); once the limit is closer than `leadDaysMin`, the
//     window closes on the limit itself — act before the ceiling interrupts the team;
//   - a limit already reached: the window opened `leadDaysMax` days before the day the account got there and
//     closes at the next renewal, where the licence is settled anyway;
//   - no dated limit (a need heard in conversations, a premium feature in use): open now, closing at the next
//     renewal.
// Only ready and nurture accounts with a motion get a window.
import type { Evidence, ExpansionWindow, OrgConfig, Readiness, Signal } from '@ripe/shared';
import { dayNumber, isoDay } from '@ripe/shared';

/** Which limit, and when it is (or was) hit: the temporal technique's `projectLimit`. */
export interface LimitProjection {
  limit: string;
  limitDate: string;
}

function isLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** The renewal on or after `today`: the contract's date, or its next anniversary when it has passed. */
export function nextRenewal(renewalDate: string, today: number): number {
  const year = Number(renewalDate.slice(0, 4));
  const monthDay = renewalDate.slice(4);
  for (let later = 0; later <= 100; later++) {
    const y = year + later;
    // 29 February falls on 28 February in other years
    const day = dayNumber(`${y}${monthDay === '-02-29' && !isLeap(y) ? '-02-28' : monthDay}`);
    if (day >= today) return day;
  }
  return today;
}

export function expansionWindow(
  readiness: Readiness,
  projection: LimitProjection | null,
  now: string,
  config: OrgConfig['window'],
  renewalDate: string,
): ExpansionWindow | null {
  if (readiness !== 'ready' && readiness !== 'nurture') return null;
  const today = dayNumber(now);
  const renewal = nextRenewal(renewalDate, today);
  if (!projection) return { opensOn: now, closesOn: isoDay(Math.max(today + 1, renewal)) };
  const limitDay = dayNumber(projection.limitDate);
  const dated = { limitDate: projection.limitDate, limit: projection.limit };
  if (limitDay <= today) {
    return {
      opensOn: isoDay(limitDay - config.leadDaysMax),
      closesOn: isoDay(Math.max(today + 1, renewal)),
      ...dated,
    };
  }
  const closesDay = limitDay - config.leadDaysMin;
  return {
    opensOn: isoDay(limitDay - config.leadDaysMax),
    closesOn: isoDay(closesDay > today ? closesDay : limitDay),
    ...dated,
  };
}

/**
 * The limit the temporal technique already projected within the window horizon (its `limit_projected`
 * signal cites evidence `tmp:limit:<limit>` whose value is the limit date), or null: saves projecting
 * the trends a second time for most shortlisted accounts.
 */
export function projectedLimitOf(
  signals: readonly Signal[],
  evidence: readonly Evidence[],
): LimitProjection | null {
  for (const signal of signals) {
    if (signal.code !== 'limit_projected') continue;
    for (const item of evidence) {
      if (!signal.evidenceIds.includes(item.id) || typeof item.value !== 'string') continue;
      return { limit: item.id.slice(item.id.lastIndexOf(':') + 1), limitDate: item.value };
    }
  }
  return null;
}
