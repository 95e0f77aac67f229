import { describe, expect, it } from 'vitest';
import { addDays } from '@ripe/shared';
import { portfolioStats } from './portfolio-stats.ts';
import { createSandbox } from './sandbox.ts';

const endDate = '2026-06-30';
const ACCOUNTS = 400;
const sandbox = createSandbox({ accounts: ACCOUNTS, seed: 11, endDate });
const truths = Array.from({ length: ACCOUNTS }, (_, index) => sandbox.truth(index));
const evaluationDate = addDays(endDate, -120);
const stats = portfolioStats(
  truths,
  [addDays(endDate, -300), addDays(endDate, -200), evaluationDate],
  endDate,
);

describe('the portfolio on 400 accounts', () => {
  it.each([
    ['grower', 0.25, 0.5],
    ['steady', 0.15, 0.35],
    ['one_off_spike', 0.03, 0.12],
    ['too_early', 0.03, 0.12],
    ['cooling', 0.03, 0.12],
    ['declining', 0.05, 0.18],
    ['renewal_risk', 0.02, 0.1],
  ] as const)('has %s accounts in [%f, %f]', (archetype, min, max) => {
    expect(stats.archetypes[archetype]).toBeGreaterThanOrEqual(min);
    expect(stats.archetypes[archetype]).toBeLessThanOrEqual(max);
  });

  it('has roughly 8–15 % of accounts within 90 days of an expansion on any date', () => {
    for (const share of Object.values(stats.expandingWithin90Days)) {
      expect(share).toBeGreaterThanOrEqual(0.06);
      expect(share).toBeLessThanOrEqual(0.17);
    }
  });

  it('lets 15–25 % of episodes fizzle (about)', () => {
    expect(stats.fizzleRate).toBeGreaterThanOrEqual(0.12);
    expect(stats.fizzleRate).toBeLessThanOrEqual(0.3);
  });

  it('closes expansions 60–180 days after the first clear usage signal', () => {
    expect(stats.leadDays.p10).toBeGreaterThanOrEqual(55);
    expect(stats.leadDays.median).toBeGreaterThanOrEqual(90);
    expect(stats.leadDays.p90).toBeLessThanOrEqual(185);
  });

  it('expands enterprise more than SMB, with NRR near the benchmarks', () => {
    const perYear = stats.expansionsPerAccountYear;
    expect(perYear.enterprise ?? 0).toBeGreaterThan(perYear.smb ?? 0);
    expect(stats.nrr.enterprise ?? 0).toBeGreaterThan(stats.nrr.smb ?? 0);
    expect(stats.nrr.smb).toBeGreaterThan(0.92);
    expect(stats.nrr.smb).toBeLessThan(1.08);
    expect(stats.nrr.enterprise).toBeGreaterThan(1.05);
    expect(stats.nrr.enterprise).toBeLessThan(1.25);
  });

  it('uses every motion, and expands both early in the history and after the evaluation date', () => {
    expect(Object.keys(stats.motions).sort()).toStrictEqual([
      'cross_sell',
      'seat_upsell',
      'tier_upgrade',
      'usage_commit',
    ]);
    const dates = truths.flatMap((truth) => truth.expansions.map((expansion) => expansion.date));
    expect(dates.filter((date) => date < addDays(endDate, -300)).length).toBeGreaterThan(20);
    expect(dates.filter((date) => date > evaluationDate).length).toBeGreaterThan(20);
  });

  it('prices expansions from the price book: every amount is positive ARR', () => {
    const amounts = truths.flatMap((truth) => truth.expansions.map((expansion) => expansion.amount));
    expect(amounts.every((amount) => amount > 0 && Number.isInteger(amount))).toBe(true);
  });

  it('keeps confounders mostly unexpanded', () => {
    const confounders = truths.filter((truth) =>
      ['one_off_spike', 'too_early', 'cooling'].includes(truth.archetype),
    );
    const expanded = confounders.filter((truth) => truth.expansions.length > 0).length;
    expect(expanded / confounders.length).toBeLessThan(0.2);
    const growers = truths.filter((truth) => truth.archetype === 'grower');
    expect(growers.filter((truth) => truth.expansions.length > 0).length / growers.length).toBeGreaterThan(
      0.6,
    );
  });
});
