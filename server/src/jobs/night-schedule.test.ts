import { describe, expect, it } from 'vitest';
import { latestNightAtOrBefore, localDateOf, nextNightAfter, occurrenceOn } from './night-schedule.ts';
import { nightScheduleSchema, type NightSchedule } from '../settings/night-settings.schema.ts';

const schedule = (timeZone: string, timeOfDay: string): NightSchedule => ({ timeZone, timeOfDay });

describe('occurrenceOn', () => {
  // [zone, time of day, night date, instant it runs, why]
  const table: [string, string, string, string, string][] = [
    ['Europe/Paris', '02:30', '2026-06-15', '2026-06-15T00:30:00.000Z', 'summer time, +02:00'],
    ['Europe/Paris', '02:30', '2026-01-15', '2026-01-15T01:30:00.000Z', 'winter time, +01:00'],
    ['Europe/Paris', '02:30', '2026-03-29', '2026-03-29T01:00:00.000Z', 'spring forward: at the jump, 03:00'],
    [
      'Europe/Paris',
      '02:00',
      '2026-03-29',
      '2026-03-29T01:00:00.000Z',
      'spring forward: 02:00 is skipped too',
    ],
    [
      'Europe/Paris',
      '01:59',
      '2026-03-29',
      '2026-03-29T00:59:00.000Z',
      'spring forward: the last valid minute',
    ],
    ['Europe/Paris', '03:00', '2026-03-29', '2026-03-29T01:00:00.000Z', 'spring forward: 03:00 exists'],
    [
      'Europe/Paris',
      '02:30',
      '2026-10-25',
      '2026-10-25T00:30:00.000Z',
      'fall back: the first 02:30 (+02:00)',
    ],
    ['Europe/Paris', '03:00', '2026-10-25', '2026-10-25T02:00:00.000Z', 'fall back: 03:00 happens once'],
    ['America/New_York', '02:30', '2026-03-08', '2026-03-08T07:00:00.000Z', 'spring forward at 02:00'],
    [
      'America/New_York',
      '01:30',
      '2026-11-01',
      '2026-11-01T05:30:00.000Z',
      'fall back: the first 01:30 (EDT)',
    ],
    ['America/New_York', '23:30', '2026-11-01', '2026-11-02T04:30:00.000Z', 'evening, next UTC day'],
    ['Australia/Sydney', '02:30', '2026-10-04', '2026-10-03T16:00:00.000Z', 'southern spring forward'],
    [
      'Australia/Sydney',
      '02:30',
      '2026-04-05',
      '2026-04-04T15:30:00.000Z',
      'southern fall back: first (+11:00)',
    ],
    ['Australia/Lord_Howe', '02:15', '2026-10-04', '2026-10-03T15:30:00.000Z', 'a 30-minute jump'],
    ['Australia/Lord_Howe', '01:45', '2026-04-05', '2026-04-04T14:45:00.000Z', 'a 30-minute fall back'],
    ['America/Santiago', '00:30', '2026-09-06', '2026-09-06T04:00:00.000Z', 'the jump at midnight'],
    ['Pacific/Chatham', '03:00', '2026-09-27', '2026-09-26T14:00:00.000Z', '+12:45 jumps at 02:45'],
    ['Asia/Kolkata', '02:30', '2026-03-29', '2026-03-28T21:00:00.000Z', 'no DST, +05:30'],
    ['Pacific/Apia', '09:00', '2011-12-30', '2011-12-30T10:00:00.000Z', 'a skipped day runs when it resumes'],
    ['UTC', '00:00', '2026-01-01', '2026-01-01T00:00:00.000Z', 'UTC'],
  ];
  it.each(table)('%s %s on %s → %s (%s)', (timeZone, timeOfDay, nightDate, expected) => {
    expect(occurrenceOn(schedule(timeZone, timeOfDay), nightDate).toISOString()).toBe(expected);
  });
});

describe('nextNightAfter', () => {
  // Walks nights one after the other across a transition: one night per local date, never two.
  const walks: [string, string, string, string[]][] = [
    [
      'Europe/Paris',
      '02:30',
      '2026-10-23T12:00:00Z',
      ['2026-10-24T00:30:00.000Z', '2026-10-25T00:30:00.000Z', '2026-10-26T01:30:00.000Z'],
    ],
    [
      'Europe/Paris',
      '02:30',
      '2026-03-27T12:00:00Z',
      ['2026-03-28T01:30:00.000Z', '2026-03-29T01:00:00.000Z', '2026-03-30T00:30:00.000Z'],
    ],
    [
      'America/New_York',
      '01:30',
      '2026-10-30T12:00:00Z',
      ['2026-10-31T05:30:00.000Z', '2026-11-01T05:30:00.000Z', '2026-11-02T06:30:00.000Z'],
    ],
    [
      'Australia/Sydney',
      '02:30',
      '2026-10-02T00:00:00Z',
      ['2026-10-02T16:30:00.000Z', '2026-10-03T16:00:00.000Z', '2026-10-04T15:30:00.000Z'],
    ],
  ];
  it.each(walks)('%s %s from %s', (timeZone, timeOfDay, from, expected) => {
    const nights: string[] = [];
    const dates: string[] = [];
    let cursor = new Date(from);
    for (let i = 0; i < expected.length; i += 1) {
      const night = nextNightAfter(schedule(timeZone, timeOfDay), cursor);
      nights.push(night.at.toISOString());
      dates.push(night.nightDate);
      cursor = night.at;
    }
    expect(nights).toStrictEqual(expected);
    expect(new Set(dates).size).toBe(dates.length);
    expect(dates).toStrictEqual(expected.map((at) => localDateOf(timeZone, new Date(at))));
  });

  it('is strictly after: at the very instant of a night, the next one is the following day', () => {
    const paris = schedule('Europe/Paris', '02:30');
    const night = nextNightAfter(paris, new Date('2026-06-15T00:30:00Z'));
    expect(night).toStrictEqual({ nightDate: '2026-06-16', at: new Date('2026-06-16T00:30:00Z') });
  });
});

describe('latestNightAtOrBefore', () => {
  it('names the night that started last, by its local date', () => {
    const tokyo = schedule('Asia/Tokyo', '01:00');
    // 2026-06-15T16:30Z is 01:30 on the 16th in Tokyo: the night of the 16th started 30 minutes ago.
    expect(latestNightAtOrBefore(tokyo, new Date('2026-06-15T16:30:00Z'))).toStrictEqual({
      nightDate: '2026-06-16',
      at: new Date('2026-06-15T16:00:00Z'),
    });
    expect(latestNightAtOrBefore(tokyo, new Date('2026-06-15T16:00:00Z')).nightDate).toBe('2026-06-16');
    expect(latestNightAtOrBefore(tokyo, new Date('2026-06-15T15:59:59Z')).nightDate).toBe('2026-06-15');
  });
});

describe('nightScheduleSchema', () => {
  it.each([
    [{ timeOfDay: '02:30', timeZone: 'Europe/Paris' }, true],
    [{ timeOfDay: '23:59', timeZone: 'UTC' }, true],
    [{ timeOfDay: '24:00', timeZone: 'UTC' }, false],
    [{ timeOfDay: '2:30', timeZone: 'UTC' }, false],
    [{ timeOfDay: '02:30', timeZone: 'Mars/Olympus_Mons' }, false],
  ])('%j valid: %s', (input, valid) => {
    expect(nightScheduleSchema.safeParse(input).success).toBe(valid);
  });
});
