import { bookExpectedValue, signalLine, type PriceBook, type Verdict } from '@ripe/shared';
import { addDays, formatMoney } from './format.ts';
import type { HumanOwnedValues } from '../connectors/crm-connector.ts';
import type { OpportunitySpec, TaskSpec } from '../connectors/write-operation.ts';

const motionLabels: Record<string, string> = {
  seat_upsell: 'seat upsell',
  tier_upgrade: 'tier upgrade',
  cross_sell: 'cross-sell',
  usage_commit: 'usage commit',
};

/**
 * Expected value from which a task is high priority, in the price book's currency (the verdict's when no price
 * book is given, or when its currency cannot be converted).
 */
const highPriorityExpectedValue = 10_000;
const lowPriorityExpectedValue = 2_000;
/** A CSM gets a week to act, never later than the window's last day. */
const daysToAct = 7;

/**
 * The CSM's task for a ready account: due inside the window, priority by expected value, the body listing
 * the converging signals with their facts and the approach. Null when the account is not ready.
 */
export function taskFor(verdict: Verdict, ownerId: string | null, priceBook?: PriceBook): TaskSpec | null {
  if (verdict.readiness !== 'ready' || !verdict.window) return null;
  const { opensOn, closesOn } = verdict.window;
  const earliest = opensOn > verdict.asOf ? opensOn : verdict.asOf;
  const due = addDays(earliest, daysToAct);
  const motion = verdict.motion ? motionLabels[verdict.motion] : 'expansion';
  const money = formatMoney(verdict.potential.arr, verdict.potential.currency);
  const evidence = new Map(verdict.evidence.map((item) => [item.id, item]));
  const signals = verdict.signals
    .filter((signal) => signal.polarity === 'positive')
    .map((signal) => {
      const fact = signal.evidenceIds.map((id) => evidence.get(id)).find((item) => item !== undefined);
      return `- ${fact ? signalLine(signal.label, fact) : signal.label}`;
    });
  const approach = verdict.agent
    ? [`Approach: ${verdict.agent.approach}`, `Next step: ${verdict.agent.nextStep}`]
    : [];
  return {
    subject: `Expansion: ${verdict.accountName} — ${motion}, ${money}`,
    body: [`Signals:`, ...signals, ...approach].join('\n'),
    dueOn: due < closesOn ? due : closesOn,
    priority: priorityOf(verdict, priceBook),
    ownerId,
  };
}

/** A task's priority by the verdict's expected value, in the price book's currency. */
function priorityOf(verdict: Verdict, priceBook?: PriceBook): TaskSpec['priority'] {
  const value = bookExpectedValue(verdict, priceBook);
  if (value >= highPriorityExpectedValue) return 'high';
  return value < lowPriorityExpectedValue ? 'low' : 'normal';
}

/** The opportunity an approval creates: the adjusted potential when the team adjusted it. */
export function opportunityFor(verdict: Verdict, human: HumanOwnedValues): OpportunitySpec {
  const motion = verdict.motion ? motionLabels[verdict.motion] : 'expansion';
  return {
    name: `${verdict.accountName} — ${motion}`,
    amount: Math.round(human.adjustedPotential ?? verdict.potential.arr),
    currency: verdict.potential.currency,
    closeOn: verdict.window?.closesOn ?? addDays(verdict.asOf, 90),
    motion: verdict.motion,
  };
}
