import { describe, expect, it } from 'vitest';
import { addDays } from '@ripe/shared';
import {
  buildSnapshot,
  constant,
  ramp,
  resultProblems,
  seriesEndingOn,
  signalCodes,
  TEST_NOW,
  testContext,
  type SnapshotOverrides,
} from '../test-fixtures.ts';
import { projectLimit } from './limit-projection.ts';
import { isUsageDeclining } from '../../composite/motion.composite.ts';
import { temporalTechnique } from './temporal.technique.ts';

const DAYS = 91;
const seats = (values: (number | null)[]) => seriesEndingOn(TEST_NOW, 'seats_used', 'seats_used', values);
const activeUsers = (values: (number | null)[]) =>
  seriesEndingOn(TEST_NOW, 'active_users', 'active_users', values);
const consumption = (values: (number | null)[]) =>
  seriesEndingOn(TEST_NOW, 'api_calls', 'consumption', values);
/** +0.25 seat a day from 20: exact in floating point, so projected dates are exact. */
const risingSeats = () => ramp(DAYS, 20, 42.5, false);
/** Weekends at 30 % of the weekday level (the series ends on a Tuesday). */
const withWeekends = (values: number[]) =>
  values.map((value, day) => ((day + 2) % 7 >= 5 ? value * 0.3 : value));

interface Case {
  name: string;
  overrides: SnapshotOverrides;
  expected: string[];
}

const cases: Case[] = [
  {
    name: 'seats rising towards 60 licensed (limit in 70 days)',
    overrides: { contract: { seatsLicensed: 60 }, usage: [seats(risingSeats())] },
    expected: ['limit_projected', 'seats_trending_up'],
  },
  {
    name: 'seats rising, 80 licensed (limit in 150 days)',
    overrides: { contract: { seatsLicensed: 80 }, usage: [seats(risingSeats())] },
    expected: ['seats_trending_up'],
  },
  { name: 'seats flat at 35 of 50', overrides: { usage: [seats(constant(DAYS, 35))] }, expected: [] },
  {
    name: 'seats rising with every third day missing',
    overrides: {
      contract: { seatsLicensed: 80 },
      usage: [seats(risingSeats().map((value, day) => (day % 3 === 0 ? null : value)))],
    },
    expected: ['seats_trending_up'],
  },
  {
    name: 'an outage week of zeros is not a decline',
    overrides: {
      usage: [seats(constant(DAYS, 35).map((value, day) => (day >= 70 && day < 77 ? 0 : value)))],
    },
    expected: [],
  },
  {
    name: 'active users up 50 % with weekend dips',
    overrides: { usage: [activeUsers(withWeekends(ramp(DAYS, 60, 90)))] },
    expected: ['active_users_trending_up'],
  },
  {
    name: 'active users flat with weekend dips',
    overrides: { usage: [activeUsers(withWeekends(constant(DAYS, 60) as number[]))] },
    expected: [],
  },
  {
    name: 'consumption up 60 %, no commit',
    overrides: { usage: [consumption(ramp(DAYS, 50, 80))] },
    expected: ['consumption_trending_up'],
  },
  { name: 'consumption up 4 %', overrides: { usage: [consumption(ramp(DAYS, 50, 52))] }, expected: [] },
  {
    name: 'consumption rising towards a 3,000 monthly commit',
    overrides: { contract: { committedVolume: 3000 }, usage: [consumption(ramp(DAYS, 50, 80))] },
    expected: ['consumption_trending_up', 'limit_projected'],
  },
  {
    name: 'seats flat at 49 of 50: plateau at the limit',
    overrides: { usage: [seats(constant(DAYS, 49))] },
    expected: ['limit_projected', 'plateau_at_limit'],
  },
  {
    name: 'seats flat at 44 of 50: no plateau',
    overrides: { usage: [seats(constant(DAYS, 44))] },
    expected: [],
  },
  {
    name: 'consumption flat at 99 % of commit',
    overrides: { contract: { committedVolume: 3000 }, usage: [consumption(constant(DAYS, 99))] },
    expected: ['limit_projected', 'plateau_at_limit'],
  },
  {
    name: 'seats down from 45 to 30',
    overrides: { usage: [seats(ramp(DAYS, 45, 30))] },
    expected: ['usage_declining'],
  },
  { name: 'seats down from 45 to 43', overrides: { usage: [seats(ramp(DAYS, 45, 43))] }, expected: [] },
  { name: 'five weeks of history only', overrides: { usage: [seats(ramp(35, 20, 45))] }, expected: [] },
];

describe('temporalTechnique', () => {
  it.each(cases)('$name → $expected', ({ overrides, expected }) => {
    const result = temporalTechnique(buildSnapshot(overrides), testContext());
    expect(signalCodes(result)).toStrictEqual(expected);
    expect(resultProblems(result)).toStrictEqual([]);
  });

  it('holds the projected limit date in the evidence and points consumption at a usage commit', () => {
    const snapshot = buildSnapshot({ contract: { seatsLicensed: 60 }, usage: [seats(risingSeats())] });
    const result = temporalTechnique(snapshot, testContext());
    expect(result.evidence.find((evidence) => evidence.id === 'tmp:limit:seats')).toMatchObject({
      value: '2026-09-08',
      date: '2026-09-08',
      threshold: 60,
      source: 'usage:seats_used',
    });
    const volume = temporalTechnique(
      buildSnapshot({ contract: { committedVolume: 3000 }, usage: [consumption(ramp(DAYS, 50, 80))] }),
      testContext(),
    );
    expect(volume.signals.find((signal) => signal.code === 'limit_projected')?.motion).toBe('usage_commit');
  });

  it('marks a decline as negative, without a motion', () => {
    const result = temporalTechnique(buildSnapshot({ usage: [seats(ramp(DAYS, 45, 30))] }), testContext());
    expect(result.signals[0]).toMatchObject({ polarity: 'negative', evidenceIds: ['tmp:trend:seats_used'] });
    expect(result.signals[0]?.motion).toBeUndefined();
    expect(result.score).toBe(0);
  });

  it('reads a trend just short of its threshold as a hint, not as no trend', () => {
    const strength = (values: number[]) =>
      temporalTechnique(
        buildSnapshot({ contract: { seatsLicensed: 200 }, usage: [seats(values)] }),
        testContext(),
      ).signals.find((signal) => signal.code === 'seats_trending_up')?.strength ?? 0;
    const flat = strength(constant(DAYS, 40) as number[]);
    const almost = strength(ramp(DAYS, 40, 43.5, false)); // +8 %, short of the 10 %
    const clear = strength(ramp(DAYS, 40, 50, false));
    expect(flat).toBe(0);
    expect(almost).toBeGreaterThan(0);
    expect(almost).toBeLessThanOrEqual(0.3);
    expect(clear).toBeGreaterThan(almost);
  });

  it('keeps a decline short of its threshold a hint: no contradiction, the upsell stays possible', () => {
    const result = temporalTechnique(
      buildSnapshot({ contract: { seatsLicensed: 200 }, usage: [seats(ramp(DAYS, 50, 44, false))] }),
      testContext(),
    );
    const decline = result.signals.find((signal) => signal.code === 'usage_declining');
    expect(decline?.strength ?? 0).toBeGreaterThan(0);
    expect(decline?.strength ?? 0).toBeLessThanOrEqual(0.3);
    expect(isUsageDeclining(result.signals, [])).toBe(false);
  });

  it('is more confident with complete series than with gappy ones', () => {
    const full = temporalTechnique(
      buildSnapshot({ usage: [seats(risingSeats()), activeUsers(ramp(DAYS, 30, 40))] }),
      testContext(),
    );
    const gappy = temporalTechnique(
      buildSnapshot({ usage: [seats(risingSeats().map((value, day) => (day % 2 === 0 ? null : value)))] }),
      testContext(),
    );
    expect(full.confidence).toBe(1);
    expect(gappy.confidence).toBeLessThan(0.3);
  });
});

describe('projectLimit', () => {
  it.each([
    // 0.25 seat a day, 41.75 fitted today: 60 seats in 70 days, 80 seats in 150
    { seatsLicensed: 60, expected: { limit: 'seats', limitDate: '2026-09-08' } },
    { seatsLicensed: 80, expected: { limit: 'seats', limitDate: '2026-11-27' } },
    { seatsLicensed: 200, expected: null },
  ])('$seatsLicensed seats licensed → $expected.limitDate', ({ seatsLicensed, expected }) => {
    const snapshot = buildSnapshot({ contract: { seatsLicensed }, usage: [seats(risingSeats())] });
    expect(projectLimit(snapshot, testContext())).toStrictEqual(expected);
  });

  it('dates a limit already reached on the first day of the run at it', () => {
    // 40 seats used for 61 days, then 50 (the licence) for the last 30
    const snapshot = buildSnapshot({ usage: [seats([...constant(DAYS - 30, 40), ...constant(30, 50)])] });
    expect(projectLimit(snapshot, testContext())).toStrictEqual({
      limit: 'seats',
      limitDate: addDays(TEST_NOW, -29),
    });
  });
});
