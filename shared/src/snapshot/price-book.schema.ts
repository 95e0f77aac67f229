import { z } from 'zod';

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
});
export type Tier = z.infer<typeof tierSchema>;

export const moduleSchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  /** Annual price per licensed seat of the module (cross-sell). */
  seatPrice: z.number().nonnegative(),
  /** Feature ids the module unlocks. */
  features: z.array(z.string()).default([]),
});
export type Module = z.infer<typeof moduleSchema>;

export const priceBookSchema = z.object({
  currency: z.string().length(3).default('USD'),
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
    })
    .optional(),
});
export type PriceBook = z.infer<typeof priceBookSchema>;
