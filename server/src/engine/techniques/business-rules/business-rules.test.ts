import { describe, expect, it } from 'vitest';
import type { AccountSnapshot, OrgConfigInput } from '@ripe/shared';
import {
  buildSnapshot,
  constant,
  resultProblems,
  seriesEndingOn,
  signalCodes,
  TEST_NOW,
  testContext,
  type SnapshotOverrides,
} from '../test-fixtures.ts';
import { businessRulesTechnique } from './business-rules.technique.ts';

const seats = (values: (number | null)[]) => seriesEndingOn(TEST_NOW, 'seats_used', 'seats_used', values);
const activeUsers = (values: (number | null)[]) =>
  seriesEndingOn(TEST_NOW, 'active_users', 'active_users', values);
const consumption = (values: (number | null)[]) =>
  seriesEndingOn(TEST_NOW, 'api_calls', 'consumption', values);
const feature = (id: string, premium: boolean, values: (number | null)[]) =>
  seriesEndingOn(TEST_NOW, `feature_${id}`, 'feature_adoption', values, { feature: id, premium });

/** Every third day missing. */
const gappy = (count: number, value: number) =>
  constant(count, value).map((v, day) => (day % 3 === 1 ? null : v));

function run(overrides: SnapshotOverrides, config: OrgConfigInput = {}) {
  const snapshot: AccountSnapshot = buildSnapshot(overrides);
  return businessRulesTechnique(snapshot, testContext(TEST_NOW, config));
}

interface Case {
  name: string;
  overrides: SnapshotOverrides;
  config?: OrgConfigInput;
  expected: string[];
}

const cases: Case[] = [
  // seat_utilisation_high (50 seats licensed)
  {
    name: 'seats ≥ 80 % for 60 days',
    overrides: { usage: [seats(constant(60, 45))] },
    expected: ['seat_utilisation_high'],
  },
  {
    name: 'seats ≥ 80 % for only 25 days',
    overrides: { usage: [seats([...constant(35, 30), ...constant(25, 45)])] },
    expected: [],
  },
  {
    name: 'a higher org threshold turns the same account down',
    overrides: { usage: [seats(constant(60, 45))] },
    config: { rules: { seatUtilisation: { threshold: 0.95 } } },
    expected: [],
  },
  {
    name: 'a shorter org minimum lets a 25-day run through',
    overrides: { usage: [seats([...constant(35, 30), ...constant(25, 45)])] },
    config: { rules: { seatUtilisation: { minDays: 20 } } },
    expected: ['seat_utilisation_high'],
  },
  {
    name: 'weekends at 10 seats do not break a weekday run at 45',
    overrides: { usage: [seats(constant(60, 45).map((v, day) => (day % 7 >= 5 ? 10 : v)))] },
    expected: ['seat_utilisation_high'],
  },
  {
    name: 'four low days a week do',
    overrides: { usage: [seats(constant(60, 45).map((v, day) => (day % 7 >= 3 ? 10 : v)))] },
    expected: [],
  },
  {
    name: 'null days neither break the run',
    overrides: { usage: [seats(gappy(60, 45))] },
    expected: ['seat_utilisation_high'],
  },
  {
    name: '...nor fake one: 20 observed days in a 30-day span',
    overrides: { usage: [seats([...constant(30, 20), ...gappy(30, 45)])] },
    expected: [],
  },
  {
    name: 'no recent data: the last 10 days missing',
    overrides: { usage: [seats([...constant(60, 45), ...constant(10, null)])] },
    expected: [],
  },
  // tier_limit_reached (Team tier: 100 seats max)
  {
    name: '95 licensed seats on a 100-seat tier',
    overrides: { contract: { seatsLicensed: 95 } },
    expected: ['tier_limit_reached'],
  },
  {
    name: '80 licensed seats on a 100-seat tier',
    overrides: { contract: { seatsLicensed: 80 } },
    expected: [],
  },
  {
    name: 'seats used at the tier ceiling',
    overrides: { contract: { seatsLicensed: 80 }, usage: [seats(constant(5, 100))] },
    expected: ['tier_limit_reached'],
  },
  {
    name: 'an unlimited tier has no ceiling',
    overrides: { contract: { tier: 'enterprise', seatsLicensed: 900 } },
    expected: [],
  },
  // active_user_spike
  {
    name: 'active users +40 % over the baseline',
    overrides: { usage: [activeUsers([...constant(56, 100), ...constant(14, 140)])] },
    expected: ['active_user_spike'],
  },
  {
    name: 'active users +20 % only',
    overrides: { usage: [activeUsers([...constant(56, 100), ...constant(14, 120)])] },
    expected: [],
  },
  {
    name: 'a recent window that is mostly missing',
    overrides: { usage: [activeUsers([...constant(56, 100), ...constant(10, null), ...constant(4, 200)])] },
    expected: [],
  },
  // premium_feature_adopted (audit_log is a Business-tier feature)
  {
    name: 'premium feature used by 20 % of active users for 30 days',
    overrides: { usage: [activeUsers(constant(60, 100)), feature('audit_log', true, constant(30, 20))] },
    expected: ['premium_feature_adopted'],
  },
  {
    name: 'premium feature used by 10 % only',
    overrides: { usage: [activeUsers(constant(60, 100)), feature('audit_log', true, constant(30, 10))] },
    expected: [],
  },
  {
    name: 'premium feature already in the current tier',
    overrides: { usage: [activeUsers(constant(60, 100)), feature('sso', true, constant(30, 40))] },
    expected: [],
  },
  {
    name: 'premium feature used for 10 days only',
    overrides: { usage: [activeUsers(constant(60, 100)), feature('audit_log', true, constant(10, 40))] },
    expected: [],
  },
  // module_feature_explored (dashboards belongs to the Analytics module)
  {
    name: 'unlicensed module feature adopted',
    overrides: { usage: [activeUsers(constant(60, 100)), feature('dashboards', false, constant(30, 30))] },
    expected: ['module_feature_explored'],
  },
  {
    name: 'module already licensed',
    overrides: {
      contract: { modules: ['analytics'] },
      usage: [activeUsers(constant(60, 100)), feature('dashboards', false, constant(30, 30))],
    },
    expected: [],
  },
  // consumption_near_commit (commit 3,000 per month)
  {
    name: 'run-rate at 90 % of commit for 90 days',
    overrides: { contract: { committedVolume: 3000 }, usage: [consumption(constant(120, 90))] },
    expected: ['consumption_near_commit'],
  },
  {
    name: 'run-rate at 70 % of commit',
    overrides: { contract: { committedVolume: 3000 }, usage: [consumption(constant(120, 70))] },
    expected: [],
  },
  {
    name: 'run-rate at 90 % with null days',
    overrides: { contract: { committedVolume: 3000 }, usage: [consumption(gappy(120, 90))] },
    expected: ['consumption_near_commit'],
  },
  {
    name: 'no commit, no rule',
    overrides: { usage: [consumption(constant(120, 90))] },
    expected: [],
  },
];

describe('businessRulesTechnique', () => {
  it.each(cases)('$name → $expected', ({ overrides, config, expected }) => {
    const result = run(overrides, config);
    expect(signalCodes(result)).toStrictEqual(expected);
    expect(resultProblems(result)).toStrictEqual([]);
  });

  it('cites the measured value, the threshold, the date and the source', () => {
    const result = run({ usage: [seats(constant(60, 45))] });
    expect(result.evidence).toStrictEqual([
      {
        id: 'br:seat-utilisation',
        description:
          'Seat utilisation 90 % (45 of 50 seats used, weekly median), at or above 80 % for the last 60 days with data',
        value: 0.9,
        threshold: 0.8,
        date: TEST_NOW,
        source: 'usage:seats_used',
      },
    ]);
    expect(result.signals[0]).toMatchObject({
      motion: 'seat_upsell',
      polarity: 'positive',
      technique: 'business_rules',
    });
    expect(result.score).toBeGreaterThan(0.5);
    expect(result.confidence).toBeCloseTo(0.5 * (60 / 90), 2);
  });

  it('sends a module feature to cross-sell and a premium one to a tier upgrade', () => {
    const result = run({
      usage: [
        activeUsers(constant(60, 100)),
        feature('dashboards', false, constant(30, 30)),
        feature('audit_log', true, constant(30, 30)),
      ],
    });
    expect(result.signals.map((signal) => [signal.code, signal.motion])).toStrictEqual([
      ['premium_feature_adopted', 'tier_upgrade'],
      ['module_feature_explored', 'cross_sell'],
    ]);
  });

  it('scores nothing for an account with no usage', () => {
    const result = run({});
    expect(result).toMatchObject({ score: 0, confidence: 0, signals: [], evidence: [] });
  });
});
