import { z } from 'zod';

// The stored form of a trained model: what a night writes and the next night reads back.

const finite = z.number();
const nanAsNull = z
  .number()
  .nullable()
  .transform((value) => value ?? Number.NaN);

const logisticJsonSchema = z.object({
  kind: z.literal('logistic'),
  intercept: finite,
  medians: z.array(finite),
  means: z.array(finite),
  scales: z.array(finite),
  coefficients: z.array(finite),
  missingMeans: z.array(finite),
  missingCoefficients: z.array(finite),
});

const boostedTreesJsonSchema = z.object({
  kind: z.literal('boosted_trees'),
  init: finite,
  roots: z.array(z.number().int()),
  feature: z.array(z.number().int()),
  threshold: z.array(finite),
  missingLeft: z.array(z.number().int()),
  left: z.array(z.number().int()),
  right: z.array(z.number().int()),
  value: z.array(finite),
});

export const learnerJsonSchema = z.discriminatedUnion('kind', [logisticJsonSchema, boostedTreesJsonSchema]);

export const calibratorJsonSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('platt'), slope: finite, intercept: finite }),
  z.object({ kind: z.literal('isotonic'), logits: z.array(finite), probabilities: z.array(finite) }),
  z.object({ kind: z.literal('identity') }),
]);

const learnerKindSchema = z.enum(['logistic', 'boosted_trees']);

export const modelSummarySchema = z.object({
  rows: z.number().int().nonnegative(),
  positives: z.number().int().nonnegative(),
  /** The learner in use, or null when history was too thin to learn (prior or base rate only). */
  learner: learnerKindSchema.nullable(),
  validation: z.enum(['time', 'stratified-kfold', 'none']),
  comparison: z.array(
    // NaN (one class in the out-of-fold rows) is stored as null by JSON
    z.object({ learner: learnerKindSchema, logLoss: nanAsNull, auc: nanAsNull, rows: z.number().int() }),
  ),
  calibration: z.enum(['platt', 'isotonic', 'identity']),
  bootstrapModels: z.number().int().nonnegative(),
  prior: z.enum(['expansion', 'none']),
  /** Weight of the learned model against the prior, n / (n + k) with n = positives. */
  modelWeight: z.number().min(0).max(1),
});
export type ModelSummary = z.infer<typeof modelSummarySchema>;

export const scoringModelJsonSchema = z.object({
  version: z.literal(1),
  featureNames: z.array(z.string()),
  summary: modelSummarySchema,
  /** Smoothed base rate of the training rows: the answer when nothing was learned and no prior applies. */
  baseRate: z.number().min(0).max(1),
  learner: learnerJsonSchema.nullable(),
  bootstrap: z.array(learnerJsonSchema),
  calibrator: calibratorJsonSchema,
});
export type ScoringModelJson = z.infer<typeof scoringModelJsonSchema>;
