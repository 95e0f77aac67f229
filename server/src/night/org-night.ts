import { RipeError } from '@ripe/shared';
import type { CrmConnector } from '../connectors/crm-connector.ts';
import { withOrg } from '../store/org-scope.ts';
import { failRun, finishRun } from '../store/runs.repository.ts';
import { drainOutbox } from '../writeback/drain-outbox.ts';
import { expireLease, lockLease, releaseLease } from './checkpoint.repository.ts';
import { claimRun } from './claim-run.ts';
import { defaultConnectors } from './connector-resolver.ts';
import { feedbackTrainingRows } from './feedback-labels.repository.ts';
import {
  failureReason,
  isLeaseLost,
  isNightStopped,
  isTransientFailure,
  LeaseLostError,
} from './night-failure.ts';
import { recordApiUsage, topVerdictsOfRun } from './night-runs.repository.ts';
import { storedModel, trainAndStore } from './org-model.ts';
import type { OrgNightDeps, OrgNightOptions, OrgNightOutcome } from './org-night.types.ts';
import { callsLeft, defaultLeaseMs, defaultMaxResumes, type NightState } from './night-state.ts';
import { startHeartbeat } from './run-lease.ts';
import { budgetStage } from './stages/budget.stage.ts';
import { loadOrgStage } from './stages/load-org.stage.ts';
import { trainFromCrm } from './stages/model.stage.ts';
import { pullScoreStage } from './stages/pull-score.stage.ts';
import { apiUsageOf, describeForLog, report, toOutcome } from './stages/record.stage.ts';

const defaultBatchSize = 100;

/**
 * One night of one stored org: load the org, claim (or resume) its run, pull its accounts, train or
 * load its model, score in checkpointed batches, record the run. Failures end as a failed run with a
 * reason an admin can read; they are returned, not thrown, so a scheduler simply goes on to other orgs.
 * It throws only when there is no run to record a failure on: an unknown org or run, a run not resumable.
 */
export type {
  NightLog,
  OrgNightDeps,
  OrgNightOptions,
  OrgNightOutcome,
  OrgNightReport,
} from './org-night.types.ts';

export async function runOrgNight(
  deps: OrgNightDeps,
  orgId: string,
  options: OrgNightOptions = {},
): Promise<OrgNightOutcome> {
  const now = deps.now ?? (() => new Date());
  const leaseMs = deps.leaseMs ?? defaultLeaseMs;
  const { db, owner } = deps;
  if (options.nightDate && options.dryRun) {
    throw new RipeError('invalid_argument', 'A scheduled night cannot be a dry run');
  }
  const startedAt = performance.now();
  const loaded = await loadOrgStage(db, orgId);
  const { org } = loaded;
  const asOf = options.asOf ?? options.nightDate ?? now().toISOString().slice(0, 10);
  const driven = deps.drivenRuns ?? new Set<string>();
  const claim = await claimRun(db, orgId, owner, leaseMs, driven, {
    asOf,
    dryRun: options.dryRun ?? false,
    nightDate: options.nightDate,
    resumeRunId: options.resumeRunId,
    batchSize: options.batchSize ?? defaultBatchSize,
    full: options.full ?? false,
    usageIngested: loaded.usage.source === 'ingest',
    maxResumes: deps.maxResumes ?? defaultMaxResumes,
  });
  if ('skipped' in claim) return { status: 'skipped', runId: claim.runId, reason: claim.skipped };
  const { runId, checkpoint } = claim;
  driven.add(runId);
  const heartbeat = startHeartbeat({
    db,
    orgId,
    runId,
    owner,
    leaseMs,
    onError: (error) => deps.log?.warn({ orgId, runId, error: failureReason(error) }, 'lease renewal failed'),
  });
  const context = { orgId, runId, asOf: checkpoint.asOf, resumedFromBatch: checkpoint.batchesCommitted };
  deps.log?.info({ ...context, resumes: checkpoint.resumes }, 'night started');
  const night: NightState = {
    model: null,
    currency: org.priceBook?.currency ?? null,
    tally: checkpoint.tally,
    phases: { load: 0, model: 0, writeBack: 0 },
    calls: { reads: 0, writes: 0, byKind: {} },
    budget: { maxCalls: null, estimatedCalls: null, fits: true },
    allowance: { max: null, remaining: null },
    changed: 0,
    stopped: null,
    drain: null,
  };
  let connector: CrmConnector | undefined;
  try {
    connector = (deps.resolveConnector ?? defaultConnectors)(org, checkpoint.asOf);
    night.phases.load = performance.now() - startedAt;
    night.currency = (connector.priceBook() ?? org.priceBook)?.currency ?? night.currency;
    await budgetStage(connector, checkpoint, night, deps.apiBudgetShare ?? loaded.sync.apiBudgetShare);
    // Training comes first when the budget affords it beside the sync; otherwise the accounts are synced with
    // the model the org has, and the model is trained after with what is left, if that is enough.
    const historyCalls = connector.historyCalls();
    const trainFirst =
      night.budget.maxCalls === null ||
      (historyCalls !== null && historyCalls + (night.budget.estimatedCalls ?? 0) <= night.budget.maxCalls);
    const modelStartedAt = performance.now();
    let model = await storedModel(db, orgId, now());
    const train = async () =>
      trainFromCrm(
        connector as CrmConnector,
        checkpoint.asOf,
        org.sandbox.seed,
        callsLeft(night, connector as CrmConnector),
        await withOrg(db, orgId, (tx) => feedbackTrainingRows(tx, checkpoint.asOf)),
      );
    if (!model.fresh && trainFirst && night.stopped === null)
      model = await trainAndStore(db, orgId, train, now(), model);
    night.phases.model = performance.now() - modelStartedAt;
    night.model = model.description;
    if (model.deferred === 'daily_limit') night.stopped = 'daily_limit';
    if (night.stopped === null) {
      await pullScoreStage({ deps, org, usage: loaded.usage, connector, claim, night, model, options, now });
    }
    if (!claim.dryRun && night.stopped !== 'daily_limit') {
      const drainStartedAt = performance.now();
      night.drain = await drainOutbox({
        db,
        orgId,
        connector,
        today: checkpoint.asOf,
        maxWriteCalls: callsLeft(night, connector) ?? undefined,
      });
      night.phases.writeBack = performance.now() - drainStartedAt;
      if (night.drain.stopped && !night.stopped) {
        night.stopped = night.drain.stopped.reason === 'budget' ? 'budget' : night.drain.stopped.error.code;
      }
    }
    const left = callsLeft(night, connector);
    if (
      !model.fresh &&
      !trainFirst &&
      night.stopped === null &&
      (historyCalls === null || (left ?? 0) >= historyCalls)
    ) {
      const trainStartedAt = performance.now();
      const readsBefore = connector.calls().reads;
      night.model = (await trainAndStore(db, orgId, train, now(), model)).description;
      night.phases.model += performance.now() - trainStartedAt;
      // Reading the history after the sync is part of the night's reads too.
      night.tally = {
        ...night.tally,
        apiReads: night.tally.apiReads + connector.calls().reads - readsBefore,
      };
    }
    night.calls = connector.calls();
    const outcome = toOutcome(night);
    await withOrg(db, orgId, async (tx) => {
      if (!(await lockLease(tx, runId, owner))) throw new LeaseLostError(runId);
      await finishRun(tx, runId, outcome);
      await recordApiUsage(tx, runId, apiUsageOf(night, connector as CrmConnector));
      await releaseLease(tx, runId, owner);
    });
    deps.log?.info({ ...context, counts: outcome.counts, stopped: night.stopped }, 'night succeeded');
    const top = await withOrg(db, orgId, (tx) => topVerdictsOfRun(tx, runId));
    return { status: 'succeeded', report: report(claim, org.id, night, outcome, null, top, connector) };
  } catch (error) {
    if (isLeaseLost(error)) {
      deps.log?.warn(context, 'night taken over by another process');
      return { status: 'skipped', runId, reason: 'superseded' };
    }
    const reason = failureReason(error);
    if (isNightStopped(error) || (isTransientFailure(error) && options.finalAttempt === false)) {
      // If even this fails, the lease runs out by itself.
      await withOrg(db, orgId, (tx) => expireLease(tx, runId, owner)).catch(() => undefined);
      deps.log?.warn({ ...context, reason }, 'night interrupted, to be resumed');
      return { status: 'retry', runId, reason };
    }
    if (connector) night.calls = connector.calls();
    const outcome = toOutcome(night);
    const recorded = await withOrg(db, orgId, async (tx) => {
      if (!(await lockLease(tx, runId, owner))) return false;
      await failRun(tx, runId, reason, outcome);
      await releaseLease(tx, runId, owner);
      return true;
    });
    if (!recorded) return { status: 'skipped', runId, reason: 'superseded' };
    deps.log?.error({ ...context, reason, error: describeForLog(error) }, 'night failed');
    return { status: 'failed', report: report(claim, org.id, night, outcome, reason, [], connector) };
  } finally {
    driven.delete(runId);
    await heartbeat.stop();
  }
}
