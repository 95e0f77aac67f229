import { z } from 'zod';

const ratio = z.number().min(0).max(1);
const days = z.number().int().positive();

/**
 * Business-rule thresholds and composite settings of one org. Every field has SPEC.md's default,
 * so `orgConfigSchema.parse({})` is a complete configuration.
 */
export const orgConfigSchema = z.object({
  rules: z
    .object({
      seatUtilisation: z.object({ threshold: ratio.default(0.8), minDays: days.default(30) }).prefault({}),
      /** Seats licensed reach this share of the tier's maximum seats. */
      tierReached: z.object({ threshold: ratio.default(0.9) }).prefault({}),
      activeUserSpike: z
        .object({
          /** Recent active users over the baseline, e.g. 1.3 = +30 %. */
          ratio: z.number().min(1).default(1.3),
          recentDays: days.default(14),
          baselineDays: days.default(56),
        })
        .prefault({}),
      premiumFeature: z
        .object({
          /** Share of active users using the premium feature. */
          minAdoption: ratio.default(0.15),
          minDays: days.default(14),
        })
        .prefault({}),
      consumption: z.object({ threshold: ratio.default(0.8), minDays: days.default(30) }).prefault({}),
      /** Below this share of features used, adoption is "shallow". */
      shallowAdoption: ratio.default(0.3),
    })
    .prefault({}),
  conversation: z
    .object({
      lookbackDays: days.default(180),
      /** Weight of a message halves every this many days. */
      halfLifeDays: days.default(45),
    })
    .prefault({}),
  window: z
    .object({
      /** The window opens this many days before the projected limit date... */
      leadDaysMax: days.default(90),
      /** ...and closes this many days before it. */
      leadDaysMin: days.default(60),
    })
    .prefault({}),
  composite: z
    .object({
      /** Independent techniques that must agree before an account is `ready`. */
      minConvergingTechniques: z.number().int().min(2).default(2),
      readyScore: z.number().min(0).max(100).default(60),
      nurtureScore: z.number().min(0).max(100).default(35),
      /**
       * Potential (ARR, in the price book's currency) below which a ready account is only `nurture`:
       * not worth a pitch yet. Default: none.
       */
      minPotential: z.number().nonnegative().optional(),
    })
    .prefault({}),
  renewal: z.object({ imminentDays: days.default(30) }).prefault({}),
  escalation: z.object({ lookbackDays: days.default(30) }).prefault({}),
  contraction: z.object({ lookbackDays: days.default(120) }).prefault({}),
});
export type OrgConfig = z.infer<typeof orgConfigSchema>;
export type OrgConfigInput = z.input<typeof orgConfigSchema>;

export const defaultOrgConfig: OrgConfig = orgConfigSchema.parse({});
