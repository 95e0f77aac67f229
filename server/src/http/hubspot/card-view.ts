import { factText, type Evidence, type Verdict } from '@ripe/shared';
import { z } from 'zod';
import type { HumanOwnedValues } from '../../connectors/crm-connector.ts';
import type { AccountState } from '../../store/verdicts.repository.ts';

/** A verdict older than this is shown as stale: the night has not scored the company lately. */
export const staleAfterDays = 3;

const fact = z.object({ text: z.string(), date: z.string().nullable() });
const decisionSchema = z
  .object({
    status: z.enum(['new', 'approved', 'adjusted', 'rejected', 'snoozed', 'won', 'lost']),
    adjustedPotential: z.number().nullable(),
    rejectionReason: z.string().nullable(),
    snoozedUntil: z.string().nullable(),
  })
  .meta({ id: 'HubSpotCardDecision', description: 'The human-owned properties as they stand' });
export type CardDecision = z.infer<typeof decisionSchema>;

const usageSchema = z
  .object({
    metric: z.string(),
    unit: z.enum(['seats', 'volume']),
    limit: z.number().nullable(),
    points: z.array(z.object({ date: z.string(), value: z.number() })),
    projection: z.array(z.object({ date: z.string(), value: z.number() })),
    crossingDate: z.string().nullable(),
  })
  .meta({ id: 'HubSpotCardUsage', description: 'The main usage metric, weekly medians, against its limit' });

const verdictView = z.object({
  asOf: z.string(),
  readiness: z.enum(['ready', 'nurture', 'caution', 'not_ready']),
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
      opensOn: z.string(),
      closesOn: z.string(),
      limitDate: z.string().optional(),
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

export const cardSchema = z
  .discriminatedUnion('state', [
    z.object({ state: z.literal('never_scored'), companyId: z.string() }),
    z.object({
      state: z.literal('scored'),
      companyId: z.string(),
      lastScoredAt: z.string(),
      stale: z.boolean(),
      verdict: verdictView,
      decision: decisionSchema,
      usage: usageSchema.nullable(),
    }),
  ])
  .meta({ id: 'HubSpotCard', description: 'What the expansion card shows for one company' });
export type CardView = z.infer<typeof cardSchema>;
export { decisionSchema as cardDecisionSchema };

/** The fact behind an evidence item, its date apart. */
function factOf(evidence: Evidence): z.infer<typeof fact> {
  return { text: factText(evidence).replace(/ \(\d{4}-\d{2}-\d{2}\)$/, ''), date: evidence.date };
}

/** The human-owned values as the card shows them: an untouched account is `new`. */
export function decisionOf(human: HumanOwnedValues | undefined): CardDecision {
  return {
    status: human?.status ?? 'new',
    adjustedPotential: human?.adjustedPotential ?? null,
    rejectionReason: human?.rejectionReason ?? null,
    snoozedUntil: human?.snoozedUntil ?? null,
  };
}

/**
 * The card of a company: its latest verdict in words an account manager reads (each signal with its facts and
 * dates), the decision the team made, and the usage chart stored with the verdict.
 */
export function cardView(
  companyId: string,
  state: AccountState | undefined,
  human: HumanOwnedValues | undefined,
  now: Date,
): CardView {
  if (!state) return { state: 'never_scored', companyId };
  const verdict: Verdict = state.verdict;
  const evidence = new Map(verdict.evidence.map((item) => [item.id, item]));
  const factsOf = (ids: readonly string[]) =>
    ids.flatMap((id) => {
      const item = evidence.get(id);
      return item ? [factOf(item)] : [];
    });
  const agent = verdict.agent;
  const potential = agent?.adjustedPotential ?? verdict.potential;
  // Verdicts of nights before the chart was stored have none; a malformed one is not the card's error.
  const parsedUsage = usageSchema.safeParse(verdict.usageChart);
  return {
    state: 'scored',
    companyId,
    lastScoredAt: state.updatedAt.toISOString(),
    stale: now.getTime() - state.updatedAt.getTime() > staleAfterDays * 86_400_000,
    verdict: {
      asOf: verdict.asOf,
      readiness: verdict.readiness,
      score: verdict.score,
      probability: verdict.probability,
      probabilityInterval: verdict.probabilityInterval,
      confidence: verdict.confidence,
      motion: verdict.motion,
      potential: {
        currency: potential.currency,
        arr: potential.arr,
        low: potential.low,
        high: potential.high,
        basis: potential.basis,
      },
      expectedValue: verdict.expectedValue,
      window: verdict.window,
      signals: verdict.signals.map((signal) => ({
        label: signal.label,
        polarity: signal.polarity,
        facts: factsOf(signal.evidenceIds),
      })),
      contradictions: verdict.contradictions.map((item) => ({
        label: item.label,
        effect: item.effect,
        facts: factsOf(item.evidenceIds),
      })),
      decisionMaker: agent?.decisionMaker ?? null,
      approach: agent?.approach ?? '',
      nextStep: agent?.nextStep ?? '',
      emailDraft: agent ? agent.emailDraft : null,
    },
    decision: decisionOf(human),
    usage: parsedUsage.success ? parsedUsage.data : null,
  };
}
