// What every account of one sandbox shares: the options, the calendar bounds and the sales/CS staff.
import { Rng, mixSeed, streams } from './prng.ts';
import { dayNumber, isoDay } from './calendar.ts';
import { firstNames, lastNames } from './people.data.ts';
import type { StaffMember } from './timeline.types.ts';

export interface SandboxContext {
  seed: number;
  accounts: number;
  endDay: number;
  historyDays: number;
  /** First day of usage history. */
  historyStart: number;
  owners: readonly StaffMember[];
  csms: readonly StaffMember[];
  /** ISO strings of the days from historyStart − 2,000 to endDay + 400, computed once. */
  isoOf(day: number): string;
}

const ISO_CACHE_BEFORE = 2000;
const ISO_CACHE_AFTER = 400;

function staff(rng: Rng, prefix: string, count: number): StaffMember[] {
  return Array.from({ length: count }, (_, k) => {
    const gender = rng.chance(0.5) ? 'f' : 'm';
    const language = rng.chance(0.2) ? 'fr' : 'en';
    const name = `${rng.pick(firstNames[language][gender])} ${rng.pick(lastNames[language])}`;
    return { id: `${prefix}-${String(k + 1).padStart(3, '0')}`, name };
  });
}

export function createSandboxContext(
  seed: number,
  accounts: number,
  endDate: string,
  historyDays: number,
): SandboxContext {
  const endDay = dayNumber(endDate);
  const historyStart = endDay - historyDays + 1;
  const rng = new Rng(mixSeed(seed, streams.staff));
  // Books of ~200 accounts per owner and ~120 per CSM, within sensible team sizes.
  const owners = staff(rng, 'usr-ae', Math.min(400, Math.max(4, Math.ceil(accounts / 200))));
  const csms = staff(rng, 'usr-csm', Math.min(800, Math.max(3, Math.ceil(accounts / 120))));
  const firstCached = historyStart - ISO_CACHE_BEFORE;
  const cache = Array.from({ length: historyDays + ISO_CACHE_BEFORE + ISO_CACHE_AFTER }, (_, k) =>
    isoDay(firstCached + k),
  );
  return {
    seed,
    accounts,
    endDay,
    historyDays,
    historyStart,
    owners,
    csms,
    isoOf(day: number): string {
      return cache[day - firstCached] ?? isoDay(day);
    },
  };
}
