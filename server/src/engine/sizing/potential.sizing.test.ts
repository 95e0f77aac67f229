import { describe, expect, it } from 'vitest';
import type { Evidence, Motion, Potential } from '@ripe/shared';
import {
  buildSnapshot,
  testContext,
  constant,
  ramp,
  seriesEndingOn,
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
      'seat upsell, +0.2 seat a day: 65 seats needed in 90 days (47 used today, weekly median)',
      'seat_upsell',
      { usage: [seats(ramp(91, 30, 48, false))] },
      { arr: 15 * 480, low: 11 * 480, high: 20 * 480 },
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
      '15 extra seats × 480 USD (Team seat price) = 7,200 USD: 47 of 50 seats used, trending +6.0 seats a month, ' +
        '65 needed in 90 days; range 11–20 seats.',
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

describe('sizePotential: a need the customer stated', () => {
  const need = (
    kind: string,
    count: number,
    quote = 'We will need 25 more people on the platform.',
  ): Evidence => ({
    id: `conv:need:${kind}`,
    description: 'Stated need',
    value: count,
    date: '2026-06-20',
    source: 'activity:a-1',
    quote,
  });
  const sizeWith = (overrides: SnapshotOverrides, evidence: Evidence[]) =>
    sizePotential('seat_upsell', buildSnapshot(overrides), ctx, evidence);

  it.each<[string, SnapshotOverrides, Evidence, { arr: number; low: number; high: number }]>([
    [
      '25 more people with 47 of 50 seats used: 22 seats beyond the licence',
      { usage: [seats(constant(91, 47))] },
      need('people', 25),
      { arr: 22 * 480, low: 5 * 480, high: 22 * 480 },
    ],
    [
      '20 more seats asked for: 20, whatever the usage',
      { usage: [seats(constant(91, 30))] },
      need('seats', 20),
      { arr: 20 * 480, low: 5 * 480, high: 20 * 480 },
    ],
    [
      '80 seats in all on a licence of 50: 30',
      { usage: [seats(constant(91, 50))] },
      need('seats-total', 80),
      { arr: 30 * 480, low: 5 * 480, high: 30 * 480 },
    ],
    [
      '3 more people with 40 of 50 seats used fit in the licence: the projection sizes it',
      { usage: [seats(constant(91, 40))] },
      need('people', 3),
      { arr: 8 * 480, low: 5 * 480, high: 10 * 480 },
    ],
  ])('%s', (_, overrides, evidence, expected) => {
    const potential = sizeWith(overrides, [evidence]);
    expect({ arr: potential.arr, low: potential.low, high: potential.high }).toStrictEqual(expected);
    expect(potential.evidenceIds).toStrictEqual([evidence.id]);
  });

  it('says the need and quotes the sentence in the basis', () => {
    const potential = sizeWith({ usage: [seats(constant(91, 47))] }, [need('people', 25)]);
    expect(potential.basis).toBe(
      '22 extra seats × 480 USD (Team seat price) = 10,560 USD: 25 more people to equip stated on 2026-06-20, ' +
        'with 47 of 50 seats used (“We will need 25 more people on the platform.”); range 5–22 seats.',
    );
  });

  it('says when the people stated fit in the free seats', () => {
    const potential = sizeWith({ usage: [seats(constant(91, 40))] }, [need('people', 3)]);
    expect(potential.basis).toMatch(
      /3 more people to equip stated on 2026-06-20, with 40 of 50 seats used: they fit in the 10 free seats/,
    );
  });
});

describe('sizePotential: a tier upgrade for the seats the customer stated', () => {
  it('picks the tier that holds them and says so', () => {
    // Starter holds 25 seats: 40 people more on 25 used need 65 seats, which Team (100) holds
    const potential = sizePotential(
      'tier_upgrade',
      buildSnapshot({ contract: { tier: 'starter', seatsLicensed: 25 }, usage: [seats(constant(91, 25))] }),
      ctx,
      [
        {
          id: 'conv:need:people',
          description: 'Stated need',
          value: 40,
          date: '2026-06-20',
          source: 'activity:a-1',
          quote: 'Forty more people join in September.',
        },
      ],
    );
    expect(potential.basis).toMatch(
      /^Starter → Team: .*, growing to 65 seats as the customer stated on 2026-06-20/,
    );
    expect(potential.evidenceIds).toStrictEqual(['conv:need:people']);
  });
});

describe('sizePotential: unit prices', () => {
  it('prints a small unit price as it is, never as 0', () => {
    const priced = testContext();
    const context = {
      ...priced,
      priceBook: { ...priced.priceBook, usage: { unit: 'API calls', unitPrice: 0.002, commitDiscount: 0.2 } },
    };
    const potential = size(
      'usage_commit',
      { contract: { committedVolume: 1_000_000 }, usage: [consumption(constant(91, 40_000))] },
      context,
    );
    expect(potential.basis).toContain('× 0.002 USD × (1 − 20 % commit discount)');
    expect(potential.arr).toBe(Math.round(200_000 * 12 * 0.002 * 0.8));
  });
});

describe('a cross-sell of the module the customer named', () => {
  const asked: Evidence = {
    id: 'conv:module:analytics',
    description: 'Module asked about: Analytics',
    value: 'Analytics',
    date: '2026-04-20',
    source: 'activity:a1',
    quote: 'What would the Analytics module cost us?',
  };

  it('prices the module named, not the cheapest, and cites the sentence', () => {
    const snapshot = buildSnapshot({ contract: { seatsLicensed: 40 } });
    const unnamed = sizePotential('cross_sell', snapshot, ctx);
    const named = sizePotential('cross_sell', snapshot, ctx, [asked]);
    expect(unnamed.basis).toMatch(/^Automation/);
    expect(named).toMatchObject({ arr: 10 * 120, evidenceIds: ['conv:module:analytics'] });
    expect(named.basis).toMatch(/^Analytics/);
    expect(named.basis).toContain('“What would the Analytics module cost us?”');
  });

  it('prefers the module named over another module explored in the usage', () => {
    const snapshot = buildSnapshot({ usage: [adoption('workflows', constant(91, 12))] });
    expect(sizePotential('cross_sell', snapshot, ctx).basis).toMatch(/^Automation/);
    expect(sizePotential('cross_sell', snapshot, ctx, [asked]).basis).toMatch(/^Analytics/);
  });

  it('ignores a module named that is already licensed', () => {
    const snapshot = buildSnapshot({ contract: { modules: ['analytics'] } });
    const potential = sizePotential('cross_sell', snapshot, ctx, [asked]);
    expect(potential.basis).toMatch(/^Automation/);
    expect(potential.evidenceIds).toBeUndefined();
  });
});

describe('the basis says when the minimum step sets the size', () => {
  it('names the step of a seat upsell on a flat account, not on one whose trend asks for more', () => {
    const flat = size('seat_upsell', { usage: [seats(constant(91, 50))] });
    const growing = size('seat_upsell', { usage: [seats(ramp(91, 30, 48, false))] });
    expect(flat.basis).toContain('a seat upsell is at least 15 % of the licence');
    expect(growing.basis).not.toContain('at least');
  });

  it('names the step of a usage commit below it, not of one above it', () => {
    const below = size('usage_commit', {
      contract: { committedVolume: 10000 },
      usage: [consumption(constant(91, 300))],
    });
    const above = size('usage_commit', {
      contract: { committedVolume: 10000 },
      usage: [consumption(constant(91, 400))],
    });
    expect(below.basis).toContain('a new commit is at least 10 % over the current one');
    expect(above.basis).not.toContain('at least');
  });
});
