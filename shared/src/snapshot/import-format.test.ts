import { describe, expect, it } from 'vitest';
import { buildSnapshot, testPriceBook, TEST_NOW } from '../testing/snapshot.fixture.ts';
import { contactSchema } from './account-snapshot.schema.ts';
import { contactRoleOf } from './contact-role.ts';
import { checkAccountAgainstBook } from './import-checks.ts';
import { licenceOn } from './licence-history.ts';
import { parseAccounts } from './parse-accounts.ts';
import { isUnpricedCurrency, priceBookIn } from './price-book-currency.ts';
import { moduleSchema, priceBookSchema } from './price-book.schema.ts';

const raw = (id: string, extra: Record<string, unknown> = {}) => ({
  account: { id, name: `Account ${id}`, segment: 'smb', industry: 'Retail', createdAt: '2024-01-01' },
  contract: {
    tier: 'team',
    seatsLicensed: 10,
    price: 4800,
    startDate: '2025-01-01',
    renewalDate: '2026-01-01',
  },
  ...extra,
});

describe('contact roles', () => {
  it.each([
    ['admin', 'admin'],
    ['System Administrator', 'admin'],
    ['Economic Buyer', 'budget_owner'],
    ['Budget Holder', 'budget_owner'],
    ['Executive Sponsor', 'sponsor'],
    ['Business User', 'user'],
    ['technical-buyer', 'technical_buyer'],
    ['Legal & Compliance', 'legal'],
    ['Procurement', 'procurement'],
    ['Other', 'unknown'],
  ])('reads "%s" as %s', (label, role) => {
    expect(contactRoleOf(label)).toBe(role);
  });

  it('rejects a role it does not know, naming the field', () => {
    const result = contactSchema.safeParse({
      id: 'c1',
      name: 'Ann',
      createdAt: '2025-01-01',
      role: 'wizard',
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toStrictEqual(['role']);
    expect(result.error?.issues[0]?.message).toMatch(/unknown contact role "wizard"/);
  });
});

describe('duplicate ids', () => {
  it('reports every record sharing an account id, keeps none of them and keeps the others', () => {
    const { valid, issues } = parseAccounts([raw('a'), raw('b'), raw('a'), raw('c')]);
    expect(valid.map((snapshot) => snapshot.account.id)).toStrictEqual(['b', 'c']);
    expect(issues).toHaveLength(2);
    expect(issues.every((issue) => issue.recordId === 'a' && issue.field === 'account.id')).toBe(true);
    expect(issues[0]?.message).toMatch(/duplicate account id: records #0, #2/);
  });

  it('reports a contact id given twice in one account, by position', () => {
    const contact = { id: 'c1', name: 'Ann', createdAt: '2025-01-01' };
    const { valid, issues } = parseAccounts([
      raw('a', { contacts: [contact, { ...contact, name: 'Bob' }] }),
      raw('b'),
    ]);
    expect(valid.map((snapshot) => snapshot.account.id)).toStrictEqual(['b']);
    expect(issues).toStrictEqual([
      {
        record: 'account',
        recordId: 'a',
        field: 'contacts.1.id',
        message: 'duplicate id "c1" (also contacts.0.id)',
      },
    ]);
  });
});

describe('currencies', () => {
  const book = priceBookSchema.parse({
    ...testPriceBook,
    exchangeRates: { EUR: 0.9 },
    tiers: testPriceBook.tiers.map((tier) =>
      tier.id === 'team' ? { ...tier, prices: { EUR: { seatPrice: 450 } } } : tier,
    ),
  });

  it('takes a price set in the currency, else converts with the rate', () => {
    const eur = priceBookIn(book, 'EUR');
    if (isUnpricedCurrency(eur)) throw new Error('EUR should be priced');
    expect(eur.currency).toBe('EUR');
    expect(eur.tiers.find((tier) => tier.id === 'team')?.seatPrice).toBe(450);
    expect(eur.tiers.find((tier) => tier.id === 'business')?.seatPrice).toBeCloseTo(648);
    expect(eur.modules[0]?.seatPrice).toBeCloseTo(108);
    expect(eur.usage?.unitPrice).toBeCloseTo(1.8);
    expect(priceBookIn(book, 'EUR')).toBe(eur);
  });

  it('names the first price it cannot state without a rate', () => {
    expect(priceBookIn(book, 'GBP')).toStrictEqual({ currency: 'GBP', item: 'tiers.starter.seatPrice' });
  });

  it('reports an account in a currency the book cannot price', () => {
    const snapshot = buildSnapshot({ account: { currency: 'GBP' } });
    expect(checkAccountAgainstBook(snapshot, { asOf: TEST_NOW, priceBook: book })).toMatchObject([
      { recordId: 'acc-1', field: 'account.currency' },
    ]);
    const euro = buildSnapshot({ account: { currency: 'EUR' } });
    expect(checkAccountAgainstBook(euro, { asOf: TEST_NOW, priceBook: book })).toStrictEqual([]);
  });
});

describe('modules priced flat per year', () => {
  it('takes an annual fee, a seat price or both, and neither is an error', () => {
    expect(moduleSchema.parse({ id: 'sso', name: 'SSO', annualFee: 6000 })).toMatchObject({
      seatPrice: 0,
      annualFee: 6000,
    });
    const neither = moduleSchema.safeParse({ id: 'free', name: 'Free' });
    expect(neither.success).toBe(false);
    expect(neither.error?.issues[0]?.path).toStrictEqual(['seatPrice']);
  });
});

describe('licence history', () => {
  const history = [
    { effectiveDate: '2025-01-01', seatsLicensed: 200, tier: 'business' },
    { effectiveDate: '2026-03-01', seatsLicensed: 120, tier: 'team' },
  ];
  const snapshot = buildSnapshot({ contract: { seatsLicensed: 120, tier: 'team', licenceHistory: history } });

  it.each([
    ['2024-06-01', 200, 'business'],
    ['2025-06-01', 200, 'business'],
    ['2026-03-01', 120, 'team'],
    [TEST_NOW, 120, 'team'],
  ])('on %s the licence is %i seats of %s', (day, seatsLicensed, tier) => {
    expect(licenceOn(snapshot.contract, day)).toStrictEqual({ seatsLicensed, tier });
  });

  it('is the contract itself without a history', () => {
    expect(licenceOn(buildSnapshot().contract, '2020-01-01')).toStrictEqual({
      seatsLicensed: 50,
      tier: 'team',
    });
  });

  it('reports amendments out of order, after the day, or at odds with the contract', () => {
    const { issues } = parseAccounts([
      raw('a', { contract: { ...raw('a').contract, licenceHistory: [history[1], history[0]] } }),
    ]);
    expect(issues[0]).toMatchObject({ recordId: 'a', field: 'contract.licenceHistory.1.effectiveDate' });
    const stale = buildSnapshot({ contract: { seatsLicensed: 100, licenceHistory: history } });
    expect(checkAccountAgainstBook(stale, { asOf: TEST_NOW, priceBook: testPriceBook })).toMatchObject([
      { field: 'contract.licenceHistory.1', message: expect.stringMatching(/not the contract in force/) },
    ]);
    expect(checkAccountAgainstBook(snapshot, { asOf: '2026-02-01', priceBook: testPriceBook })).toMatchObject(
      [{ field: 'contract.licenceHistory.1.effectiveDate' }, { field: 'contract.licenceHistory.0' }],
    );
  });

  it('reports a tier or module the price book does not sell', () => {
    const odd = buildSnapshot({ contract: { tier: 'platinum', modules: ['analytics', 'teleport'] } });
    expect(
      checkAccountAgainstBook(odd, { asOf: TEST_NOW, priceBook: testPriceBook }).map((i) => i.field),
    ).toStrictEqual(['contract.tier', 'contract.modules.1']);
  });
});
