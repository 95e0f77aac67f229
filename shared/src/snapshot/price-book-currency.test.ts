import { describe, expect, it } from 'vitest';
import { amountInBookCurrency } from './price-book-currency.ts';
import { priceBookSchema } from './price-book.schema.ts';

const book = priceBookSchema.parse({
  currency: 'USD',
  tiers: [
    { id: 'free', name: 'Free', rank: 0, seatPrice: 0 },
    { id: 'team', name: 'Team', rank: 1, seatPrice: 500, prices: { GBP: { seatPrice: 400 } } },
  ],
  exchangeRates: { EUR: 0.9 },
});

describe('amounts in the price book currency', () => {
  it('keeps its own currency, divides by an exchange rate, else uses the ratio of its own prices', () => {
    expect(amountInBookCurrency(book, 1_000, 'USD')).toBe(1_000);
    expect(amountInBookCurrency(book, 9_000, 'EUR')).toBeCloseTo(10_000, 6);
    // 400 GBP buys what 500 USD buys: 4,000 GBP of potential is 5,000 USD.
    expect(amountInBookCurrency(book, 4_000, 'GBP')).toBeCloseTo(5_000, 6);
  });

  it('says it cannot when the book neither prices nor converts that currency', () => {
    expect(amountInBookCurrency(book, 1_000, 'JPY')).toBeNull();
  });
});
