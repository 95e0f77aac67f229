import type { Verdict } from '@ripe/shared';
import type { CrmConnector } from '../../connectors/crm-connector.ts';
import type { RunDurations } from '../../store/runs.repository.ts';
import { noWrites } from '../../writeback/write-tally.ts';
import { failureReason } from '../night-failure.ts';
import type { ApiUsage } from '../night-runs.repository.ts';
import type { Claimed, OrgNightReport } from '../org-night.types.ts';
import type { NightState } from '../night-state.ts';

export function toOutcome(night: NightState) {
  const { tally, phases } = night;
  const durations = {
    load: phases.load,
    model: phases.model,
    pull: tally.durations.pull,
    score: tally.durations.score,
    agent: tally.durations.agent,
    save: tally.durations.save,
    writeBack: phases.writeBack,
  };
  const total = Object.values(durations).reduce((sum, ms) => sum + ms, 0);
  return {
    counts: {
      accounts: tally.records,
      scored: tally.scored,
      ready: tally.readiness.ready,
      errors: tally.issueCount + (night.drain?.errors.length ?? 0),
    },
    durations: Object.fromEntries(
      Object.entries({ ...durations, total }).map(([phase, ms]) => [phase, Math.round(ms)]),
    ) as RunDurations,
    apiCalls: tally.apiReads + night.calls.writes,
    apiCallLimit: night.allowance.max,
    tokens: 0,
  };
}

/** Calls made beside the floor: one read per full page of what was pulled, one write per full batch. */
export function apiUsageOf(night: NightState, connector: CrmConnector): ApiUsage {
  // The tally carries the reads of earlier attempts of a resumed night; this process's connector, the reads
  // made before the pull (limits, preflight, a change scan) of a night that failed early.
  const reads = Math.max(night.tally.apiReads, night.calls.reads);
  const writes = night.calls.writes;
  // A connector that reads more than the accounts (related objects, a change scan) says what its floor is.
  const floorReads =
    connector.readFloor?.() ?? Math.max(1, Math.ceil(night.tally.records / connector.provider.pageSize));
  const floorWrites = night.drain?.floorWriteCalls ?? 0;
  return {
    calls: { reads, writes, total: reads + writes, byKind: night.calls.byKind },
    floor: { reads: floorReads, writes: floorWrites, total: floorReads + floorWrites },
    allowance: night.allowance,
    budget: night.budget.maxCalls,
    stopped: night.stopped,
  };
}

export function report(
  claim: Claimed,
  orgId: string,
  night: NightState,
  outcome: ReturnType<typeof toOutcome>,
  failure: string | null,
  top: Verdict[],
  connector: CrmConnector | undefined,
): OrgNightReport {
  const { tally } = night;
  const emptyUsage: ApiUsage = {
    calls: { reads: 0, writes: 0, total: 0, byKind: {} },
    floor: { reads: 0, writes: 0, total: 0 },
    allowance: night.allowance,
    budget: night.budget.maxCalls,
    stopped: night.stopped,
  };
  return {
    runId: claim.runId,
    orgId,
    asOf: claim.checkpoint.asOf,
    nightDate: claim.nightDate,
    dryRun: claim.dryRun,
    status: failure === null ? 'succeeded' : 'failed',
    failureReason: failure,
    counts: outcome.counts,
    invalid: tally.invalid,
    readiness: tally.readiness,
    totalPotential: tally.totalPotential,
    totalExpectedValue: tally.totalExpectedValue,
    currency: night.currency,
    writebacks: tally.writebacks,
    durations: outcome.durations,
    resumedFromBatch: claim.checkpoint.batchesCommitted,
    resumes: claim.checkpoint.resumes,
    model: night.model,
    top,
    changedAccounts: tally.records,
    apiUsage: connector ? apiUsageOf(night, connector) : emptyUsage,
    written: night.drain?.written ?? noWrites(),
    writeErrors: night.drain?.errors ?? [],
  };
}

// The log keeps the error's type and code for the operator; messages can carry data, stacks paths.
export function describeForLog(error: unknown): object {
  if (!(error instanceof Error)) return { type: typeof error };
  const code = (error as { code?: unknown }).code;
  return {
    name: error.name,
    code: typeof code === 'string' ? code : undefined,
    reason: failureReason(error),
  };
}
