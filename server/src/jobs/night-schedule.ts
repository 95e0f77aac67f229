import { DateTime, IANAZone } from 'luxon';
import type { NightSchedule } from '../settings/night-settings.schema.ts';

/** One scheduled night: the org's local date it belongs to, and the instant it starts. */
export interface NightOccurrence {
  /** `YYYY-MM-DD` in the org's time zone: the night's identity (one run per org and night date). */
  nightDate: string;
  at: Date;
}

const minuteMs = 60_000;
const dayMs = 24 * 60 * minuteMs;

/**
 * The instant the night of `nightDate` starts. A local time that occurs twice (autumn fall-back) runs at
 * its first occurrence; one that does not exist (spring forward) runs when the clock jumps past it.
 */
export function occurrenceOn(schedule: NightSchedule, nightDate: string): Date {
  const zone = IANAZone.create(schedule.timeZone);
  const target = `${nightDate}T${schedule.timeOfDay}`;
  // The wall time read as UTC; the real instant is this minus the zone's offset at that instant.
  const wallAsUtc = Date.parse(`${target}:00Z`);
  // Offsets in force around that day (a zone moves at most once or twice within two days).
  const offsets = new Set([-26, 0, 26].map((hours) => zone.offset(wallAsUtc + hours * 60 * minuteMs)));
  const candidates = [...offsets].map((offset) => wallAsUtc - offset * minuteMs).sort((a, b) => a - b);
  const exact = candidates.find((instant) => localMinute(zone, instant) === target);
  if (exact !== undefined) return new Date(exact);
  // A gap: the earliest candidate reads before the target, the latest after it; the jump lies between.
  let before = candidates[0] ?? wallAsUtc;
  let after = candidates.at(-1) ?? wallAsUtc;
  while (after - before > minuteMs) {
    const middle = before + Math.floor((after - before) / 2 / minuteMs) * minuteMs;
    if (localMinute(zone, middle) > target) after = middle;
    else before = middle;
  }
  return new Date(after);
}

/** The first night that starts strictly after `instant`. */
export function nextNightAfter(schedule: NightSchedule, instant: Date): NightOccurrence {
  const found = nightsAround(schedule, instant).find((night) => night.at.getTime() > instant.getTime());
  if (!found) throw new Error(`No night after ${instant.toISOString()} for ${JSON.stringify(schedule)}`);
  return found;
}

/** The last night that started at or before `instant`. */
export function latestNightAtOrBefore(schedule: NightSchedule, instant: Date): NightOccurrence {
  const found = nightsAround(schedule, instant)
    .reverse()
    .find((night) => night.at.getTime() <= instant.getTime());
  if (!found) throw new Error(`No night before ${instant.toISOString()} for ${JSON.stringify(schedule)}`);
  return found;
}

/** The local date of `instant` in the zone, `YYYY-MM-DD`. */
export function localDateOf(timeZone: string, instant: Date): string {
  return DateTime.fromJSDate(instant, { zone: timeZone }).toISODate() ?? instant.toISOString().slice(0, 10);
}

// Nights of the local dates from two days before to two days after, in time order.
function nightsAround(schedule: NightSchedule, instant: Date): NightOccurrence[] {
  const today = Date.parse(`${localDateOf(schedule.timeZone, instant)}T00:00:00Z`);
  return [-2, -1, 0, 1, 2]
    .map((days) => new Date(today + days * dayMs).toISOString().slice(0, 10))
    .map((nightDate) => ({ nightDate, at: occurrenceOn(schedule, nightDate) }))
    .sort((a, b) => a.at.getTime() - b.at.getTime());
}

function localMinute(zone: IANAZone, instant: number): string {
  return new Date(instant + zone.offset(instant) * minuteMs).toISOString().slice(0, 16);
}
