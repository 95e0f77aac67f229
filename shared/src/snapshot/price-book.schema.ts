import { z } from 'zod';

/** An ISO 4217 currency code, upper case (`USD`, `EUR`). */
export const currencyCode = z.string().regex(/^[A-Z]{3}$/, 'expected an ISO 4217 code such as USD or EUR');

/** A tier's prices in another currency than the price book's (fields left out are converted). */
const tierPricesSchema = z.object({
  seatPrice: z.number().nonnegative().optional(),
  platformFee: z.number().nonnegative().optional(),
});

export const tierSchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  /** Order of the tier: a higher rank is an upgrade. */
  rank: z.number().int().nonnegative(),
  /** Annual price per licensed seat. */
  seatPrice: z.number().nonnegative(),
  /** Annual platform fee of the tier, independent of seats. */
  platformFee: z.number().nonnegative().default(0),
  /** Seats the tier allows at most (the licence tier ceiling); omitted when unlimited. */
  maxSeats: z.number().int().positive().optional(),
  /** Feature ids included in the tier. */
  features: z.array(z.string()).default([]),
  /** Prices set in other currencies, by currency code: they win over a conversion. */
  prices: z.record(currencyCode, tierPricesSchema).optional(),
});
export type Tier = z.infer<typeof tierSchema>;

/** A module's prices in another currency than the price book's (fields left out are converted). */
const modulePricesSchema = z.object({
  seatPrice: z.number().nonnegative().optional(),
  annualFee: z.number().nonnegative().optional(),
});

export const moduleSchema = z
  .object({
    id: z.string().min(1),
    name: z.string().min(1),
    /** Annual price per licensed seat of the module (cross-sell); 0 for a module priced flat. */
    seatPrice: z.number().nonnegative().default(0),
    /** Flat annual price of the module, whatever the seats (an add-on, a connector); 0 when per seat only. */
    annualFee: z.number().nonnegative().default(0),
    /** Feature ids the module unlocks. */
    features: z.array(z.string()).default([]),
    /** Prices set in other currencies, by currency code: they win over a conversion. */
    prices: z.record(currencyCode, modulePricesSchema).optional(),
  })
  .refine((module) => module.seatPrice > 0 || module.annualFee > 0, {
    message: 'a module needs a seatPrice (per seat and year), an annualFee (flat per year), or both',
    path: ['seatPrice'],
  });
export type Module = z.infer<typeof moduleSchema>;

export const priceBookSchema = z.object({
  /** The currency the prices below are in. */
  currency: currencyCode.default('USD'),
  tiers: z.array(tierSchema).min(1),
  modules: z.array(moduleSchema).default([]),
  usage: z
    .object({
      /** Name of the consumption unit, e.g. "API calls (thousands)". */
      unit: z.string().min(1),
      /** Price per unit above the commit. */
      unitPrice: z.number().nonnegative(),
      /** Discount granted for committed volume (0.2 = 20 % off the unit price). */
      commitDiscount: z.number().min(0).max(1).default(0.2),
      /** Unit prices set in other currencies, by currency code: they win over a conversion. */
      prices: z.record(currencyCode, z.number().nonnegative()).optional(),
    })
    .optional(),
  /**
   * Conversion for accounts that buy in another currency: units of that currency for one unit of the
   * price book's (`{ "EUR": 0.92 }` when 1 USD = 0.92 EUR). A price set in `prices` wins over it.
   */
  exchangeRates: z.record(currencyCode, z.number().positive()).optional(),
});
export type PriceBook = z.infer<typeof priceBookSchema>;
