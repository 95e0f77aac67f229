// The contract every expansion agent keeps — the deterministic one here, a Claude-backed one later:
// a verdict on the shortlist in, an assessment whose every claim cites the verdict's evidence out.
import type { AccountSnapshot, AgentAssessment, Verdict } from '@ripe/shared';
import type { EngineContext } from '../engine-context.ts';

export interface ExpansionAgent {
  assess(verdict: Verdict, snapshot: AccountSnapshot, ctx: EngineContext): AgentAssessment;
}

/** Which verdicts go to the agent: the shortlist. */
export function isShortlisted(verdict: Pick<Verdict, 'readiness'>): boolean {
  return verdict.readiness === 'ready' || verdict.readiness === 'nurture';
}
