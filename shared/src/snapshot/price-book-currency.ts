import type { PriceBook } from './price-book.schema.ts';

/** Why a price book cannot price an account's currency: the item that has neither a price nor a rate. */
export interface UnpricedCurrency {
  currency: string;
  /** The first item without a price in that currency, e.g. `tiers.team.seatPrice`. */
  item: string;
}

const cache = new WeakMap<PriceBook, Map<string, PriceBook | UnpricedCurrency>>();

/**
 * The price book in `currency`: each price set for that currency, else converted with the book's
 * exchange rate. Returns the book itself for its own currency, and an `UnpricedCurrency` naming the
 * first price it cannot state. Memoised per book and currency.
 *
 * @example priceBookIn(book, 'EUR') // tiers, modules and usage priced in EUR
 */
export function priceBookIn(book: PriceBook, currency: string): PriceBook | UnpricedCurrency {
  if (currency === book.currency) return book;
  let perCurrency = cache.get(book);
  if (!perCurrency) cache.set(book, (perCurrency = new Map()));
  const cached = perCurrency.get(currency);
  if (cached) return cached;
  const result = convert(book, currency);
  perCurrency.set(currency, result);
  return result;
}

export function isUnpricedCurrency(value: PriceBook | UnpricedCurrency): value is UnpricedCurrency {
  return 'item' in value;
}

function convert(book: PriceBook, currency: string): PriceBook | UnpricedCurrency {
  const rate = book.exchangeRates?.[currency];
  let unpriced = null as string | null;
  const price = (set: number | undefined, base: number, item: string): number => {
    if (set !== undefined) return set;
    // a zero price is zero in every currency
    if (base === 0) return 0;
    if (rate === undefined) {
      unpriced ??= item;
      return Number.NaN;
    }
    return base * rate;
  };
  const converted: PriceBook = {
    ...book,
    currency,
    tiers: book.tiers.map((tier) => ({
      ...tier,
      seatPrice: price(tier.prices?.[currency]?.seatPrice, tier.seatPrice, `tiers.${tier.id}.seatPrice`),
      platformFee: price(
        tier.prices?.[currency]?.platformFee,
        tier.platformFee,
        `tiers.${tier.id}.platformFee`,
      ),
    })),
    modules: book.modules.map((module) => ({
      ...module,
      seatPrice: price(
        module.prices?.[currency]?.seatPrice,
        module.seatPrice,
        `modules.${module.id}.seatPrice`,
      ),
      annualFee: price(
        module.prices?.[currency]?.annualFee,
        module.annualFee,
        `modules.${module.id}.annualFee`,
      ),
    })),
    ...(book.usage
      ? {
          usage: {
            ...book.usage,
            unitPrice: price(book.usage.prices?.[currency], book.usage.unitPrice, 'usage.unitPrice'),
          },
        }
      : {}),
  };
  return unpriced === null ? converted : { currency, item: unpriced };
}

/**
 * An amount in `currency` expressed in the price book's own currency, so that totals over accounts that buy in
 * several currencies add like with like: divided by the book's exchange rate, else by the ratio of the book's
 * own prices (a tier's seat price in that currency against its base price); null when neither says.
 *
 * @example amountInBookCurrency(book, 9_200, 'EUR') // 10_000 with exchangeRates.EUR = 0.92
 */
export function amountInBookCurrency(book: PriceBook, amount: number, currency: string): number | null {
  if (currency === book.currency) return amount;
  const rate = book.exchangeRates?.[currency];
  if (rate !== undefined) return amount / rate;
  const priced = priceBookIn(book, currency);
  if (isUnpricedCurrency(priced)) return null;
  const tier = book.tiers.findIndex(
    (base, index) => base.seatPrice > 0 && (priced.tiers[index]?.seatPrice ?? 0) > 0,
  );
  if (tier < 0) return null;
  return (amount * (book.tiers[tier]?.seatPrice ?? 0)) / (priced.tiers[tier]?.seatPrice ?? 1);
}

/**
 * A verdict's expected value in the price book's currency, to compare accounts that buy in several currencies
 * (as it is without a price book, or when its currency cannot be converted).
 */
export function bookExpectedValue(
  verdict: { expectedValue: number; potential: { currency: string } },
  priceBook?: PriceBook,
): number {
  return (
    (priceBook && amountInBookCurrency(priceBook, verdict.expectedValue, verdict.potential.currency)) ??
    verdict.expectedValue
  );
}
