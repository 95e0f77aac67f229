import { describe, expect, it } from 'vitest';
import type { Motion, Potential } from '@ripe/shared';
import {
  buildSnapshot,
  constant,
  ramp,
  seriesEndingOn,
  testContext,
  TEST_NOW,
  type SnapshotOverrides,
} from '../techniques/test-fixtures.ts';
import { sizePotential } from './potential.sizing.ts';

const ctx = testContext();
const seats = (values: (number | null)[]) => seriesEndingOn(TEST_NOW, 'seats_used', 'seats_used', values);
const active = (values: (number | null)[]) =>
  seriesEndingOn(TEST_NOW, 'active_users', 'active_users', values);
const consumption = (values: (number | null)[]) =>
  seriesEndingOn(TEST_NOW, 'api_calls', 'consumption', values);
const adoption = (feature: string, values: (number | null)[]) =>
  seriesEndingOn(TEST_NOW, `feature_${feature}`, 'feature_adoption', values, { feature });

function size(motion: Motion, overrides: SnapshotOverrides, context = ctx): Potential {
  return sizePotential(motion, buildSnapshot(overrides), context);
}

describe('sizePotential', () => {
  it.each<[string, Motion, SnapshotOverrides, { arr: number; low: number; high: number }]>([
    [
      'seat upsell, full and flat: the minimum step (15 % of 50 seats) × 480',
      'seat_upsell',
      { usage: [seats(constant(91, 50))] },
      { arr: 8 * 480, low: 5 * 480, high: 10 * 480 },
    ],
    [
      'seat upsell, +0.2 seat a day: 66 seats needed in 90 days',
      'seat_upsell',
      { usage: [seats(ramp(91, 30, 48, false))] },
      { arr: 16 * 480, low: 11 * 480, high: 20 * 480 },
    ],
    [
      'seat upsell, 70 active users on 50 seats',
      'seat_upsell',
      { usage: [seats(constant(91, 50)), active(constant(91, 70))] },
      { arr: 20 * 480, low: 20 * 480, high: 20 * 480 },
    ],
    [
      'tier upgrade Team → Business: (720 − 480) × 50 + 5,000',
      'tier_upgrade',
      { usage: [seats(constant(91, 50))] },
      { arr: 17000, low: 17000, high: 17000 },
    ],
    [
      'cross-sell of an explored module: 12 users × 120, up to all 50 seats',
      'cross_sell',
      { usage: [seats(constant(91, 45)), adoption('dashboards', constant(91, 12))] },
      { arr: 12 * 120, low: 12 * 120, high: 50 * 120 },
    ],
    [
      'cross-sell without usage: the cheapest module for a quarter of the seats',
      'cross_sell',
      {},
      { arr: 13 * 96, low: 5 * 96, high: 50 * 96 },
    ],
    [
      'cross-sell with every module licensed',
      'cross_sell',
      { contract: { modules: ['analytics', 'automation'] } },
      { arr: 0, low: 0, high: 0 },
    ],
    [
      'usage commit: 12,000 a month on 10,000 committed → 2,000 × 12 × 2 × 0.8',
      'usage_commit',
      { contract: { committedVolume: 10000 }, usage: [consumption(constant(91, 400))] },
      { arr: 38400, low: 38400, high: 38400 },
    ],
    [
      'usage commit below the commit: the minimum step of 10 %',
      'usage_commit',
      { contract: { committedVolume: 10000 }, usage: [consumption(constant(91, 300))] },
      { arr: 19200, low: 9600, high: 38400 },
    ],
    [
      'usage commit without a commit: the whole volume',
      'usage_commit',
      { usage: [consumption(constant(91, 100))] },
      { arr: 57600, low: 57600, high: 57600 },
    ],
  ])('%s', (_, motion, overrides, expected) => {
    const potential = size(motion, overrides);
    expect({ arr: potential.arr, low: potential.low, high: potential.high }).toStrictEqual(expected);
    expect(potential.currency).toBe('USD');
  });

  it.each<Motion>(['seat_upsell', 'tier_upgrade', 'cross_sell', 'usage_commit'])(
    '%s keeps low ≤ arr ≤ high on a noisy rising account',
    (motion) => {
      const noisy = ramp(91, 20, 48).map((value, day) => value + ((day * 7) % 5) - 2);
      const potential = size(motion, {
        contract: { committedVolume: 5000 },
        usage: [
          seats(noisy),
          active(noisy),
          consumption(noisy.map((v) => v * 5)),
          adoption('workflows', noisy),
        ],
      });
      expect(potential.low).toBeLessThanOrEqual(potential.arr);
      expect(potential.arr).toBeLessThanOrEqual(potential.high);
      expect(potential.arr).toBeGreaterThan(0);
    },
  );

  it('says the numbers in the basis', () => {
    const potential = size('seat_upsell', { usage: [seats(ramp(91, 30, 48, false))] });
    expect(potential.basis).toBe(
      '16 extra seats × 480 USD (Team seat price) = 7,680 USD: 47 of 50 seats used, trending +6.0 seats a month, ' +
        '66 needed in 90 days; range 11–20 seats.',
    );
  });

  it('sizes a tier upgrade on the top tier as extra seats', () => {
    const potential = size('tier_upgrade', {
      contract: { tier: 'enterprise', seatsLicensed: 200 },
      usage: [seats(constant(91, 200))],
    });
    expect(potential.arr).toBe(30 * 960);
    expect(potential.basis).toMatch(/^Already on the top tier \(Enterprise\)/);
  });

  it('skips a tier whose seat ceiling the demand outgrows', () => {
    const potential = size('tier_upgrade', {
      contract: { tier: 'starter', seatsLicensed: 25 },
      usage: [seats(constant(91, 25)), active(constant(91, 150))],
    });
    // Team caps at 100 seats: Business for 150 seats
    expect(potential.basis).toMatch(/^Starter → Business/);
    expect(potential.arr).toBe(720 * 150 + 5000 - 240 * 25);
  });

  it('prices nothing for a tier missing from the price book', () => {
    const potential = size('seat_upsell', { contract: { tier: 'legacy' } });
    expect(potential).toMatchObject({ arr: 0, basis: 'Tier legacy is not in the price book.' });
  });
});
