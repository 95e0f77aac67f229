// The agent's corrections to the sizing, each with its reason and evidence: a renewal close by tends to
// absorb the expansion into its negotiation, a new budget owner or a growth event widens it, a champion
// leaving, a recent contraction or a budget cut shrinks it. Factors multiply.
import type { AgentAssessment, Evidence, Potential, Verdict } from '@ripe/shared';
import type { EngineContext } from '../engine-context.ts';
import type { SignalCode } from '@ripe/shared';
import { dayNumber } from '@ripe/shared';
import type { ContradictionCode } from '@ripe/shared';
import { formatMoney } from '../sizing/money.ts';

export type SizingAdjustment = AgentAssessment['adjustments'][number];

function existing(ids: readonly string[], byId: ReadonlyMap<string, Evidence>): string[] {
  return ids.filter((id) => byId.has(id));
}

function signalIds(verdict: Verdict, codes: readonly SignalCode[]): string[] | null {
  let found: string[] | null = null;
  for (const signal of verdict.signals) {
    if (codes.includes(signal.code)) found = [...(found ?? []), ...signal.evidenceIds];
  }
  return found;
}

function contradictionIds(verdict: Verdict, code: ContradictionCode): string[] | null {
  const contradiction = verdict.contradictions.find((candidate) => candidate.code === code);
  return contradiction ? contradiction.evidenceIds : null;
}

export function sizingAdjustments(
  verdict: Verdict,
  renewalDate: string,
  ctx: EngineContext,
  byId: ReadonlyMap<string, Evidence>,
): SizingAdjustment[] {
  const adjustments: SizingAdjustment[] = [];
  const add = (factor: number, reason: string, ids: readonly string[]) =>
    adjustments.push({ factor, reason, evidenceIds: existing(ids, byId) });

  const daysToRenewal = dayNumber(renewalDate) - dayNumber(ctx.now);
  const renewal = contradictionIds(verdict, 'renewal_imminent');
  if (renewal || (daysToRenewal >= 0 && daysToRenewal <= ctx.config.window.leadDaysMax)) {
    add(
      0.8,
      `Renewal on ${renewalDate} (in ${daysToRenewal} days) could absorb part of it into the renewal negotiation`,
      renewal ?? [],
    );
  }
  const budgetOwner = signalIds(verdict, ['new_budget_owner']);
  if (budgetOwner) add(1.1, 'A new budget owner appeared: room for a larger deal', budgetOwner);
  // a need the customer stated in numbers is already the sizing: growth would count it twice
  const growth = verdict.potential.evidenceIds?.length ? null : signalIds(verdict, ['growth_event']);
  if (growth) add(1.1, 'Funding, hiring or an expansion announced: the need is growing', growth);
  const champion =
    contradictionIds(verdict, 'champion_left') ??
    signalIds(verdict, ['champion_left', 'champion_leaving_mentioned']);
  if (champion) add(0.85, 'The champion left or is leaving: the deal needs a new sponsor', champion);
  const contraction = contradictionIds(verdict, 'recent_contraction');
  if (contraction) add(0.85, 'The account contracted recently', contraction);
  const budgetCut = signalIds(verdict, ['budget_cut']);
  if (budgetCut) add(0.8, 'A budget cut was mentioned', budgetCut);
  return adjustments;
}

export function applyAdjustments(potential: Potential, adjustments: readonly SizingAdjustment[]): Potential {
  if (adjustments.length === 0) return potential;
  let factor = 1;
  for (const adjustment of adjustments) factor *= adjustment.factor;
  const arr = Math.round(potential.arr * factor);
  const percent = Math.round((factor - 1) * 100);
  return {
    ...potential,
    arr,
    low: Math.round(potential.low * factor),
    high: Math.round(potential.high * factor),
    basis: `${potential.basis} Adjusted ${percent >= 0 ? '+' : '−'}${Math.abs(percent)} % to ${formatMoney(arr, potential.currency)}: ${adjustments.map((adjustment) => adjustment.reason).join('; ')}.`,
  };
}
