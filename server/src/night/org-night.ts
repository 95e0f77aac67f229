import { RipeError, type Readiness, type Verdict } from '@ripe/shared';
import type { ApiCallCount, CrmConnector } from '../connectors/crm-connector.ts';
import type { Database } from '../store/database.ts';
import { withOrg } from '../store/org-scope.ts';
import { getOrg } from '../store/orgs.repository.ts';
import { failRun, finishRun, type RunCounts, type RunDurations } from '../store/runs.repository.ts';
import { getOrgSettings } from '../settings/settings.service.ts';
import type { UsageSource } from '../settings/field-mapping.schema.ts';
import { callWithAuth } from '../connectors/call-with-auth.ts';
import { drainOutbox, type DrainReport } from '../writeback/drain-outbox.ts';
import { noWrites, type WrittenCounts } from '../writeback/write-tally.ts';
import { planBudget, type NightBudget } from './api-budget.ts';
import {
  claimLease,
  createCheckpoint,
  expireLease,
  getCheckpoint,
  lockLease,
  releaseLease,
  type NightCheckpoint,
  type NightTally,
} from './checkpoint.repository.ts';
import { defaultConnectors, type ConnectorResolver, type OrgForNight } from './connector-resolver.ts';
import { withIngestedUsage } from './ingested-usage-source.ts';
import { deterministicNightAgent, type NightAgent } from './night-agent.ts';
import {
  failureReason,
  isLeaseLost,
  isNightStopped,
  isTransientFailure,
  LeaseLostError,
  NightStoppedError,
} from './night-failure.ts';
import {
  findNightRun,
  getNightRun,
  nightStartCursor,
  recordApiUsage,
  startNightRun,
  topVerdictsOfRun,
  type ApiUsage,
} from './night-runs.repository.ts';
import type { NightProgress } from './run-night.ts';
import { storedModel, trainAndStore } from './org-model.ts';
import { feedbackTrainingRows } from './feedback-labels.repository.ts';
import { getSandboxSettings } from './org-sandbox.repository.ts';
import type { ScoringModel } from '../model/scoring-model.ts';
import { startHeartbeat } from './run-lease.ts';
import { agentStage } from './stages/agent.stage.ts';
import { commitStage } from './stages/commit.stage.ts';
import { trainFromCrm } from './stages/model.stage.ts';
import { pullStage, type PullStop } from './stages/pull.stage.ts';
import { scoreStage, type ScoredAccount } from './stages/score.stage.ts';

/** What the night logs; a pino logger fits. */
export interface NightLog {
  info(details: object, message: string): void;
  warn(details: object, message: string): void;
  error(details: object, message: string): void;
}

export interface OrgNightDeps {
  db: Database;
  /** This process in leases, unique per process (e.g. `worker-host-4242-1a2b`). */
  owner: string;
  now?: () => Date;
  /** How long a silent process keeps its run before another may resume it. */
  leaseMs?: number;
  /** The CRM connector of an org's night (tests and `ripe demo` pass their own). */
  resolveConnector?: ConnectorResolver;
  /** The expansion agent for the shortlist; deterministic by default. */
  agent?: NightAgent;
  /** Share of the remaining daily API allowance a night may use. */
  apiBudgetShare?: number;
  log?: NightLog;
  /**
   * Runs this process drives right now, shared by its nights: a process never resumes its own live run
   * (a starved heartbeat can make it look stale to its own planner).
   */
  drivenRuns?: Set<string>;
}

export interface OrgNightOptions {
  /** The day scored, `YYYY-MM-DD`; default: the night's date, else today (UTC). */
  asOf?: string;
  dryRun?: boolean;
  /** A scheduled night: one live run per org and night date; a crashed one is resumed, a finished one skipped. */
  nightDate?: string;
  /** Resumes this run from its checkpoint (a worker found its process gone). */
  resumeRunId?: string;
  /** Accounts per batch (and per checkpoint) of a new run; a resumed run keeps its own. */
  batchSize?: number;
  /** False while retries remain: a transient failure then leaves the run to the next attempt. */
  finalAttempt?: boolean;
  progress?: NightProgress;
  /** Aborted when the process stops: the night ends after the batch in flight, resumable. */
  signal?: AbortSignal;
  /** Pulls every account, not only those changed since the last night. */
  full?: boolean;
}

export interface OrgNightReport {
  runId: string;
  orgId: string;
  asOf: string;
  nightDate: string | null;
  dryRun: boolean;
  status: 'succeeded' | 'failed';
  failureReason: string | null;
  counts: RunCounts;
  invalid: number;
  readiness: Record<Readiness, number>;
  totalPotential: number;
  totalExpectedValue: number;
  currency: string | null;
  writebacks: number;
  durations: RunDurations;
  /** Batches this process found committed when it took the run over (0 for a fresh run). */
  resumedFromBatch: number;
  resumes: number;
  model: string | null;
  top: Verdict[];
  /** Accounts the CRM reported changed since the last night (pulled tonight). */
  changedAccounts: number;
  apiUsage: ApiUsage;
  written: WrittenCounts;
  /** Records the CRM rejected, with its own message. */
  writeErrors: DrainReport['errors'];
}

export type OrgNightOutcome =
  | { status: 'succeeded' | 'failed'; report: OrgNightReport }
  /**
   * A transient failure with retries left, or the process stopping: the run stays open and its lease
   * expired, so a retry (or another worker) resumes it from its checkpoint.
   */
  | { status: 'retry'; runId: string; reason: string }
  | {
      status: 'skipped';
      runId: string | null;
      reason: 'already_done' | 'in_progress_elsewhere' | 'superseded';
    };

const defaultLeaseMs = 60_000;
const defaultBatchSize = 100;

interface Claimed {
  runId: string;
  dryRun: boolean;
  nightDate: string | null;
  checkpoint: NightCheckpoint;
}

/**
 * One night of one stored org: load the org, claim (or resume) its run, pull its accounts, train or
 * load its model, score in checkpointed batches, record the run. Failures end as a failed run with a
 * reason an admin can read; they are returned, not thrown, so a scheduler simply goes on to other orgs.
 * It throws only when there is no run to record a failure on: an unknown org or run, a run not resumable.
 */
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
    await budgetStage(connector, checkpoint, night, deps.apiBudgetShare ?? defaultBudgetShare);
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
      night.model = (await trainAndStore(db, orgId, train, now(), model)).description;
      night.phases.model += performance.now() - trainStartedAt;
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

const defaultBudgetShare = 0.2;

/** Calls this night may still make within its budget; null when the CRM sets no limit. */
function callsLeft(night: NightState, connector: CrmConnector): number | null {
  if (night.budget.maxCalls === null) return null;
  const made = connector.calls();
  return Math.max(0, night.budget.maxCalls - made.reads - made.writes);
}

interface NightState {
  model: string | null;
  currency: string | null;
  tally: NightTally;
  phases: { load: number; model: number; writeBack: number };
  calls: ApiCallCount;
  budget: NightBudget;
  allowance: { max: number | null; remaining: number | null };
  /** Accounts the CRM said changed since the cursor, when it could count them. */
  changed: number | null;
  stopped: string | null;
  drain: DrainReport | null;
}

/** Load the org: its record, its sandbox settings, where its usage comes from. */
async function loadOrgStage(db: Database, orgId: string): Promise<{ org: OrgForNight; usage: UsageSource }> {
  const loaded = await withOrg(db, orgId, async (tx) => {
    const found = await getOrg(tx);
    const sandbox = found ? await getSandboxSettings(tx) : undefined;
    if (!found || !sandbox) return undefined;
    const { fieldMapping } = await getOrgSettings(tx);
    return { org: { ...found, sandbox }, usage: fieldMapping.usage };
  });
  if (!loaded) throw new RipeError('not_found', `Org ${orgId} does not exist`);
  return loaded;
}

/** What the CRM lacks for Ripe (the package or properties not installed, a permission) fails the night, named. */
async function preflightStage(connector: CrmConnector): Promise<void> {
  const report = await callWithAuth(connector, () => connector.preflight());
  if (!report.ok)
    throw new RipeError('connector_failed', `The CRM refused the preflight: ${report.error.message}`);
  if (report.value.ok) return;
  const missing = report.value.missing.map((item) => `${item.kind} ${item.name}`).join(', ');
  throw new RipeError(
    'connector_failed',
    `The ${connector.provider.label} org lacks what Ripe needs: ${missing}. Install or upgrade the Ripe package, then run the night again`,
  );
}

/** Calls a night makes before its first page: the preflight and the count of changed accounts. */
const callsBeforeAPage = 2;

/** The API budget: a share of what remains of the daily allowance, against what the night needs. */
async function budgetStage(
  connector: CrmConnector,
  checkpoint: NightCheckpoint,
  night: NightState,
  share: number,
): Promise<void> {
  const allowance = await callWithAuth(connector, () => connector.allowance());
  if (!allowance.ok) throw new RipeError('connector_failed', allowance.error.message);
  night.allowance = allowance.value;
  const base = { allowance: allowance.value, share, changed: null, pageSize: 1, writeBatchSize: 1 };
  const { maxCalls } = planBudget(base);
  // Too little left for the preflight, the count and one page: the night waits for tomorrow's allowance.
  if (maxCalls !== null && maxCalls < callsBeforeAPage + 1) {
    night.budget = { maxCalls, estimatedCalls: null, fits: false };
    night.stopped = 'budget';
    return;
  }
  await preflightStage(connector);
  const changed = await callWithAuth(connector, () =>
    connector.countChanged(checkpoint.cursor, checkpoint.asOf),
  );
  night.changed = changed.ok ? changed.value : null;
  night.budget = planBudget({
    allowance: allowance.value,
    share,
    changed: night.changed,
    pageSize: connector.provider.pageSize,
    writeBatchSize: connector.provider.writeBatchSize,
  });
}

/** Pull → score → agent → stage write-backs, batch by batch, each batch committed with its cursor. */
async function pullScoreStage(input: {
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
  const pull = pullStage({
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
      tally: (writebacks, feedback) =>
        addBatch(night.tally, {
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
  const stop: PullStop | null = pull.stopped();
  if (stop) night.stopped = stop.reason;
  // Reads made after the last committed batch (an empty page, a page cut by the budget) count too.
  night.tally = { ...night.tally, apiReads: readsBefore + connector.calls().reads };
}

function addBatch(
  tally: NightTally,
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
      next.totalPotential += verdict.potential.arr;
      next.totalExpectedValue += verdict.expectedValue;
    }
  }
  for (const phase of ['pull', 'score', 'agent', 'save'] as const)
    next.durations[phase] += batch.durations[phase];
  return next;
}

async function claimRun(
  db: Database,
  orgId: string,
  owner: string,
  leaseMs: number,
  driven: ReadonlySet<string>,
  input: {
    asOf: string;
    dryRun: boolean;
    nightDate?: string;
    resumeRunId?: string;
    batchSize: number;
    full: boolean;
    usageIngested: boolean;
  },
): Promise<Claimed | { skipped: 'already_done' | 'in_progress_elsewhere'; runId: string | null }> {
  return withOrg(db, orgId, async (tx) => {
    const existing = input.resumeRunId
      ? await getNightRun(tx, input.resumeRunId)
      : input.nightDate
        ? await findNightRun(tx, input.nightDate)
        : undefined;
    if (input.resumeRunId && !existing)
      throw new RipeError('not_found', `Run ${input.resumeRunId} does not exist`);
    if (existing) {
      if (existing.status === 'succeeded') return { skipped: 'already_done', runId: existing.id };
      if (driven.has(existing.id)) return { skipped: 'in_progress_elsewhere', runId: existing.id };
      if (existing.status === 'failed') {
        throw new RipeError('night_not_resumable', `Run ${existing.id} failed: run the night again instead`);
      }
      if (!(await getCheckpoint(tx, existing.id))) {
        throw new RipeError('night_not_resumable', `Run ${existing.id} has no checkpoint to resume from`);
      }
      const checkpoint = await claimLease(tx, existing.id, owner, leaseMs);
      if (!checkpoint) return { skipped: 'in_progress_elsewhere', runId: existing.id };
      return { runId: existing.id, dryRun: existing.dryRun, nightDate: existing.nightDate, checkpoint };
    }
    const run = await startNightRun(tx, { dryRun: input.dryRun, nightDate: input.nightDate });
    // Another process started this night a moment ago: it is theirs.
    if (!run) return { skipped: 'in_progress_elsewhere', runId: null };
    const checkpoint = await createCheckpoint(tx, {
      startCursor: input.full ? null : await nightStartCursor(tx, { usageIngested: input.usageIngested }),
      runId: run.id,
      asOf: input.asOf,
      batchSize: input.batchSize,
      owner,
      leaseMs,
    });
    return { runId: run.id, dryRun: run.dryRun, nightDate: run.nightDate, checkpoint };
  });
}

function toOutcome(night: NightState) {
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
function apiUsageOf(night: NightState, connector: CrmConnector): ApiUsage {
  const reads = night.tally.apiReads;
  const writes = night.calls.writes;
  const floorReads = Math.max(1, Math.ceil(night.tally.records / connector.provider.pageSize));
  const floorWrites = night.drain?.floorWriteCalls ?? 0;
  return {
    calls: { reads, writes, total: reads + writes, byKind: night.calls.byKind },
    floor: { reads: floorReads, writes: floorWrites, total: floorReads + floorWrites },
    allowance: night.allowance,
    budget: night.budget.maxCalls,
    stopped: night.stopped,
  };
}

function report(
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
function describeForLog(error: unknown): object {
  if (!(error instanceof Error)) return { type: typeof error };
  const code = (error as { code?: unknown }).code;
  return {
    name: error.name,
    code: typeof code === 'string' ? code : undefined,
    reason: failureReason(error),
  };
}
