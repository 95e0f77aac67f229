import { describe, expect, it } from 'vitest';
import { makeVerdict } from '../store/testing/verdict.fixture.ts';
import { sandboxPriceBook } from '../sandbox/sandbox-price-book.ts';
import { taskFor } from './task-text.ts';

describe("the task's priority", () => {
  // Expected value 7,200 in the book's USD: normal (high from 10,000, low under 2,000).
  const usd = makeVerdict({ accountId: 'acc-1', score: 30 });
  const inCurrency = (currency: string, factor: number) => ({
    ...usd,
    expectedValue: usd.expectedValue * factor,
    potential: { ...usd.potential, currency, arr: usd.potential.arr * factor },
  });
  const book = { ...sandboxPriceBook, exchangeRates: { JPY: 150, EUR: 0.9 } };

  it('compares the expected value in the price book’s currency, not in the account’s', () => {
    expect(taskFor(usd, null, book)?.priority).toBe('normal');
    // 1,080,000 JPY is 7,200 USD: a normal task, not a high one for the size of the number.
    expect(taskFor(inCurrency('JPY', 150), null, book)?.priority).toBe('normal');
    expect(taskFor(inCurrency('JPY', 150 * 2), null, book)?.priority).toBe('high');
    expect(taskFor(inCurrency('EUR', 0.9 * 0.2), null, book)?.priority).toBe('low');
  });

  it('takes the amount as it is when the currency cannot be converted, or without a price book', () => {
    expect(taskFor(inCurrency('CHF', 2), null, book)?.priority).toBe('high');
    expect(taskFor(inCurrency('JPY', 150), null)?.priority).toBe('high');
  });
});
