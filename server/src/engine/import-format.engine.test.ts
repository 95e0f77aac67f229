// The engine reads what the import format carries: a currency per account, modules priced flat per
// year, and the licence's history (a past above today's licence read against the licence of its day).
import { describe, expect, it } from 'vitest';
import { addDays, priceBookSchema } from '@ripe/shared';
import { accountContext } from './account-context.ts';
import { accountFacts } from './facts/account-facts.ts';
import { sizePotential } from './sizing/potential.sizing.ts';
import { crossCheck } from './techniques/cross-check/cross-check.ts';
import {
  buildSnapshot,
  constant,
  seriesEndingOn,
  testContext,
  TEST_NOW,
} from './techniques/test-fixtures.ts';

const ctx = testContext();
const seats = (values: (number | null)[]) => seriesEndingOn(TEST_NOW, 'seats_used', 'seats_used', values);
const adoption = (feature: string, values: (number | null)[]) =>
  seriesEndingOn(TEST_NOW, `feature_${feature}`, 'feature_adoption', values, { feature });

describe('a currency per account', () => {
  const book = priceBookSchema.parse({ ...ctx.priceBook, exchangeRates: { EUR: 0.5 } });
  const orgCtx = { ...ctx, priceBook: book };

  it('sizes the potential in the account currency, at its prices', () => {
    const usd = buildSnapshot({ usage: [seats(constant(91, 50))] });
    const eur = buildSnapshot({ account: { currency: 'EUR' }, usage: [seats(constant(91, 50))] });
    const inUsd = sizePotential('seat_upsell', usd, accountContext(usd, orgCtx));
    const inEur = sizePotential('seat_upsell', eur, accountContext(eur, orgCtx));
    expect(inUsd).toMatchObject({ currency: 'USD', arr: 8 * 480 });
    expect(inEur).toMatchObject({ currency: 'EUR', arr: 8 * 240 });
    expect(inEur.basis).toContain('240 EUR');
    expect(inEur.basis).not.toContain('USD');
  });

  it('refuses a currency the price book cannot price, naming the field', () => {
    const gbp = buildSnapshot({ account: { currency: 'GBP' } });
    expect(() => accountContext(gbp, orgCtx)).toThrow(/account\.currency/);
  });
});

describe('modules priced flat per year', () => {
  const book = priceBookSchema.parse({
    ...ctx.priceBook,
    modules: [
      { id: 'connector', name: 'Connector', annualFee: 6000, features: ['sync'] },
      { id: 'analytics', name: 'Analytics', seatPrice: 120, annualFee: 2000, features: ['dashboards'] },
    ],
  });
  const flatCtx = { ...ctx, priceBook: book };

  it('sizes a flat module at its fee, whatever the users', () => {
    const snapshot = buildSnapshot({ usage: [adoption('sync', constant(91, 12))] });
    const potential = sizePotential('cross_sell', snapshot, flatCtx);
    expect(potential).toMatchObject({ arr: 6000, low: 6000, high: 6000 });
    expect(potential.basis).toContain('a flat 6,000 USD a year');
  });

  it('adds the fee to the seats of a module priced both ways', () => {
    const snapshot = buildSnapshot({ usage: [adoption('dashboards', constant(91, 20))] });
    const potential = sizePotential('cross_sell', snapshot, flatCtx);
    expect(potential).toMatchObject({ arr: 2000 + 20 * 120, low: 2000 + 20 * 120, high: 2000 + 50 * 120 });
    expect(potential.basis).toContain('2,000 USD a year + 20 users × 120 USD = 4,400 USD');
  });
});

describe('the licence history', () => {
  // 150 seats used on a licence of 200 for a year (75 %), cut to 100 seats 40 days ago, 95 used since
  const usage = [seats([...constant(325, 150), ...constant(40, 95)])];
  const cutOn = addDays(TEST_NOW, -39);
  const history = [
    { effectiveDate: '2025-01-01', seatsLicensed: 200, tier: 'team' },
    { effectiveDate: cutOn, seatsLicensed: 100, tier: 'team' },
  ];

  it('reads past usage against the licence of its day', () => {
    const withHistory = buildSnapshot({ contract: { seatsLicensed: 100, licenceHistory: history }, usage });
    const withoutHistory = buildSnapshot({ contract: { seatsLicensed: 100 }, usage });
    const run = accountFacts(withHistory, ctx).seats!.daysAtThreshold;
    expect(run).toBeGreaterThanOrEqual(37);
    expect(run).toBeLessThanOrEqual(43);
    expect(accountFacts(withoutHistory, ctx).seats!.daysAtThreshold).toBeGreaterThan(300);
  });

  it('reads a licence cut inside the lookback as a recent contraction', () => {
    const snapshot = buildSnapshot({ contract: { seatsLicensed: 100, licenceHistory: history }, usage });
    const result = crossCheck(snapshot, ctx, []);
    const contraction = result.contradictions.find((c) => c.code === 'recent_contraction');
    expect(contraction?.evidenceIds).toStrictEqual([`xc:licence:${cutOn}`]);
    expect(result.evidence.find((e) => e.id === `xc:licence:${cutOn}`)?.description).toBe(
      `Licence cut from 200 to 100 seats on ${cutOn}`,
    );
  });
});
