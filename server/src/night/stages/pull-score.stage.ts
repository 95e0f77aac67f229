import { amountInBookCurrency, RipeError, type PriceBook } from '@ripe/shared';
import type { CrmConnector } from '../../connectors/crm-connector.ts';
import type { ScoringModel } from '../../model/scoring-model.ts';
import type { UsageSource } from '../../settings/field-mapping.schema.ts';
import type { NightTally } from '../checkpoint.repository.ts';
import type { OrgForNight } from '../connector-resolver.ts';
import { withIngestedUsage } from '../ingested-usage-source.ts';
import { deterministicNightAgent } from '../night-agent.ts';
import { NightStoppedError } from '../night-failure.ts';
import type { Claimed, OrgNightDeps, OrgNightOptions } from '../org-night.types.ts';
import { defaultLeaseMs, type NightState } from '../night-state.ts';
import { agentStage } from './agent.stage.ts';
import { loadOwnWrites } from '../../writeback/written-state.repository.ts';
import { withOrg } from '../../store/org-scope.ts';
import { commitPassedCursor, commitStage } from './commit.stage.ts';
import { pullStage, type PullStop } from './pull.stage.ts';
import { scoreStage, type ScoredAccount } from './score.stage.ts';

/** Pull → score → agent → stage write-backs, batch by batch, each batch committed with its cursor. */
export async function pullScoreStage(input: {
  deps: OrgNightDeps;
  org: OrgForNight;
  usage: UsageSource;
  connector: CrmConnector;
  claim: Claimed;
  night: NightState;
  model: { model: ScoringModel };
  options: OrgNightOptions;
  now: () => Date;
}): Promise<void> {
  const { deps, org, connector, claim, night, options } = input;
  const { checkpoint } = claim;
  const readsBefore = night.tally.apiReads;
  // Accounts whose last change was Ripe's own write are not pulled again (a dry run pulls what a real night would).
  const ownWrites = await withOrg(deps.db, org.id, (tx) => loadOwnWrites(tx));
  const pull = pullStage({
    ownWrites,
    connector,
    after: checkpoint.cursor,
    asOf: checkpoint.asOf,
    batchSize: checkpoint.batchSize,
    budget: {
      ...night.budget,
      maxCalls: night.budget.maxCalls === null ? null : night.budget.maxCalls - readsBefore,
    },
    staged: () => night.tally.scored,
    signal: options.signal,
  });
  const ctx = { now: checkpoint.asOf, config: org.config, priceBook: connector.priceBook() ?? org.priceBook };
  if (!ctx.priceBook) throw new RipeError('invalid_config', 'The org has no price book');
  const engineCtx = { ...ctx, priceBook: ctx.priceBook };
  options.progress?.start(night.changed ?? 0, `scoring ${org.id}`);
  let batchIndex = checkpoint.batchesCommitted;
  let pullStartedAt = performance.now();
  for await (const pulledBatch of pull.batches) {
    if (options.signal?.aborted) throw new NightStoppedError();
    const pullMs = performance.now() - pullStartedAt;
    const batch =
      input.usage.source === 'ingest'
        ? await withIngestedUsage(pulledBatch, { db: deps.db, orgId: org.id, asOf: checkpoint.asOf })
        : pulledBatch;
    const scoreStartedAt = performance.now();
    const { scored, issues } = scoreStage(batch, engineCtx, input.model.model);
    const agentStartedAt = performance.now();
    const agentIssues = await agentStage(scored, engineCtx, deps.agent ?? deterministicNightAgent);
    const saveStartedAt = performance.now();
    const reads = connector.calls().reads;
    night.tally = await commitStage({
      db: deps.db,
      orgId: org.id,
      runId: claim.runId,
      owner: deps.owner,
      leaseMs: deps.leaseMs ?? defaultLeaseMs,
      dryRun: claim.dryRun,
      batchIndex,
      batch,
      scored,
      issues: [...issues, ...agentIssues],
      now: input.now(),
      priceBook: engineCtx.priceBook,
      tally: (writebacks, feedback) =>
        addBatch(night.tally, engineCtx.priceBook, {
          size: batch.length,
          scored,
          issues: issues.length + agentIssues.length,
          writebacks,
          feedback,
          apiReads: readsBefore + reads,
          durations: {
            pull: pullMs,
            score: agentStartedAt - scoreStartedAt,
            agent: saveStartedAt - agentStartedAt,
            save: performance.now() - saveStartedAt,
          },
        }),
    });
    batchIndex += 1;
    options.progress?.update(night.tally.records);
    pullStartedAt = performance.now();
  }
  options.progress?.stop();
  const passed = pull.passed();
  if (passed) {
    const { runId, dryRun } = claim;
    await commitPassedCursor({
      db: deps.db,
      orgId: org.id,
      runId,
      owner: deps.owner,
      dryRun,
      batchIndex,
      passed,
    });
  }
  const stop: PullStop | null = pull.stopped();
  if (stop) night.stopped = stop.reason;
  // Reads made after the last committed batch (an empty page, a page cut by the budget) count too.
  night.tally = { ...night.tally, apiReads: readsBefore + connector.calls().reads };
}

function addBatch(
  tally: NightTally,
  priceBook: PriceBook,
  batch: {
    size: number;
    scored: readonly ScoredAccount[];
    issues: number;
    writebacks: number;
    feedback: number;
    apiReads: number;
    durations: { pull: number; score: number; agent: number; save: number };
  },
): NightTally {
  const next = structuredClone(tally);
  next.records += batch.size;
  next.scored += batch.scored.length;
  next.invalid += batch.size - batch.scored.length;
  next.issueCount += batch.issues;
  next.writebacks += batch.writebacks;
  next.feedback += batch.feedback;
  next.apiReads = batch.apiReads;
  for (const { verdict } of batch.scored) {
    next.readiness[verdict.readiness] += 1;
    if (verdict.readiness === 'ready' || verdict.readiness === 'nurture') {
      // Totals are in the price book's currency: an account that buys in another one is converted.
      const { currency } = verdict.potential;
      next.totalPotential += amountInBookCurrency(priceBook, verdict.potential.arr, currency) ?? 0;
      next.totalExpectedValue += amountInBookCurrency(priceBook, verdict.expectedValue, currency) ?? 0;
    }
  }
  for (const phase of ['pull', 'score', 'agent', 'save'] as const)
    next.durations[phase] += batch.durations[phase];
  return next;
}
