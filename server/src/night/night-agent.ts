import type { AccountSnapshot, AgentAssessment, Verdict } from '@ripe/shared';
import { deterministicAgent } from '../engine/agent/deterministic.agent.ts';
import type { EngineContext } from '../engine/engine-context.ts';

/** The agent as the night calls it: asynchronous, so a model-backed agent plugs in here. */
export interface NightAgent {
  name: string;
  assess(verdict: Verdict, snapshot: AccountSnapshot, ctx: EngineContext): Promise<AgentAssessment>;
}

/** The default: the deterministic agent, no model and no network. */
export const deterministicNightAgent: NightAgent = {
  name: 'deterministic',
  assess: async (verdict, snapshot, ctx) => deterministicAgent.assess(verdict, snapshot, ctx),
};
