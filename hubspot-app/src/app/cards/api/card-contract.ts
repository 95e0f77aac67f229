// The backend's answers to the card, as docs/hubspot-app-api.md states them. Parsed at the edge: an answer of
// another shape is an error state, never a half-drawn card.
import { z } from 'zod';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const fact = z.object({ text: z.string(), date: isoDate.nullable() });

export const decisionStatuses = [
  'new',
  'approved',
  'adjusted',
  'rejected',
  'snoozed',
  'won',
  'lost',
] as const;

export const decisionSchema = z.object({
  status: z.enum(decisionStatuses),
  adjustedPotential: z.number().nullable(),
  rejectionReason: z.string().nullable(),
  snoozedUntil: isoDate.nullable(),
});
export type Decision = z.infer<typeof decisionSchema>;

const point = z.object({ date: isoDate, value: z.number() });
export const usageSchema = z.object({
  metric: z.string(),
  unit: z.string(),
  limit: z.number().nullable(),
  points: z.array(point),
  projection: z.array(point),
  crossingDate: isoDate.nullable(),
});
export type Usage = z.infer<typeof usageSchema>;

export const readinessValues = ['ready', 'nurture', 'caution', 'not_ready'] as const;
export type Readiness = (typeof readinessValues)[number];

export const verdictSchema = z.object({
  asOf: isoDate,
  readiness: z.enum(readinessValues),
  score: z.number(),
  probability: z.number(),
  probabilityInterval: z.tuple([z.number(), z.number()]),
  confidence: z.number(),
  motion: z.string().nullable(),
  potential: z.object({
    currency: z.string(),
    arr: z.number(),
    low: z.number(),
    high: z.number(),
    basis: z.string(),
  }),
  expectedValue: z.number(),
  window: z
    .object({
      opensOn: isoDate,
      closesOn: isoDate,
      limitDate: isoDate.optional(),
      limit: z.string().optional(),
    })
    .nullable(),
  signals: z.array(
    z.object({ label: z.string(), polarity: z.enum(['positive', 'negative']), facts: z.array(fact) }),
  ),
  contradictions: z.array(
    z.object({ label: z.string(), effect: z.enum(['lower', 'block']), facts: z.array(fact) }),
  ),
  decisionMaker: z
    .object({ contactId: z.string(), name: z.string(), title: z.string(), reason: z.string() })
    .nullable(),
  approach: z.string(),
  nextStep: z.string(),
  emailDraft: z.object({ subject: z.string(), body: z.string() }).nullable(),
});
export type VerdictView = z.infer<typeof verdictSchema>;

export const scoredCardSchema = z.object({
  state: z.literal('scored'),
  companyId: z.string(),
  lastScoredAt: z.string(),
  stale: z.boolean(),
  verdict: verdictSchema,
  decision: decisionSchema,
  usage: usageSchema.nullable(),
});
export type ScoredCard = z.infer<typeof scoredCardSchema>;

export const cardSchema = z.discriminatedUnion('state', [
  z.object({ state: z.literal('never_scored'), companyId: z.string() }),
  scoredCardSchema,
]);
export type CardAnswer = z.infer<typeof cardSchema>;

/** What the buttons send to `POST /v1/hubspot/card/feedback`. */
export type FeedbackRequest =
  | { kind: 'approve'; reason?: string }
  | { kind: 'adjust'; adjustedPotential: number; reason?: string }
  | { kind: 'reject'; reason: string }
  | { kind: 'snooze'; snoozedUntil: string; reason?: string };
export type FeedbackKind = FeedbackRequest['kind'];

export const feedbackAnswerSchema = z.object({
  feedback: z.object({
    id: z.string(),
    kind: z.enum(['approve', 'adjust', 'reject', 'snooze']),
    createdAt: z.string(),
    actor: z.string(),
  }),
  decision: decisionSchema,
});
export type FeedbackAnswer = z.infer<typeof feedbackAnswerSchema>;

/** The longest rejection reason the backend takes. */
export const reasonMaxLength = 2000;
