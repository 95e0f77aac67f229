import { RipeError, type Readiness, type Verdict } from '@ripe/shared';
import type { Database } from '../store/database.ts';
import { withOrg } from '../store/org-scope.ts';
import { getOrg } from '../store/orgs.repository.ts';
import { failRun, finishRun, type RunCounts, type RunDurations } from '../store/runs.repository.ts';
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
import { checkpointedNight } from './checkpointed-night.ts';
import {
  failureReason,
  isLeaseLost,
  isNightStopped,
  isTransientFailure,
  LeaseLostError,
} from './night-failure.ts';
import { findNightRun, getNightRun, startNightRun, topVerdictsOfRun } from './night-runs.repository.ts';
import { defaultOrgData, type OrgDataResolver, type OrgForNight } from './org-data.ts';
import { loadOrTrainModel } from './org-model.ts';
import { getSandboxSettings } from './org-sandbox.repository.ts';
import { startHeartbeat } from './run-lease.ts';
import { getOrgSettings } from '../settings/settings.service.ts';
import type { UsageSource } from '../settings/field-mapping.schema.ts';
import { withIngestedUsage } from './ingested-usage-source.ts';
import { runNight, type NightProgress } from './run-night.ts';

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
  resolveData?: OrgDataResolver;
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
  const loaded = await withOrg(
    db,
    orgId,
    async (tx): Promise<{ org: OrgForNight; usage: UsageSource } | undefined> => {
      const found = await getOrg(tx);
      const sandbox = found ? await getSandboxSettings(tx) : undefined;
      if (!found || !sandbox) return undefined;
      const { fieldMapping } = await getOrgSettings(tx);
      return { org: { ...found, sandbox }, usage: fieldMapping.usage };
    },
  );
  if (!loaded) throw new RipeError('not_found', `Org ${orgId} does not exist`);
  const { org } = loaded;
  const asOf = options.asOf ?? options.nightDate ?? now().toISOString().slice(0, 10);
  const driven = deps.drivenRuns ?? new Set<string>();
  const claim = await claimRun(db, orgId, owner, leaseMs, driven, {
    asOf,
    dryRun: options.dryRun ?? false,
    nightDate: options.nightDate,
    resumeRunId: options.resumeRunId,
    batchSize: options.batchSize ?? defaultBatchSize,
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
  let modelDescription: string | null = null;
  let currency: string | null = org.priceBook?.currency ?? null;
  let tally = checkpoint.tally;
  const phases = { load: 0, model: 0 };
  try {
    const data = (deps.resolveData ?? defaultOrgData)(org, checkpoint.asOf);
    // Ingested usage is the source of truth for its metrics: merged into each snapshot before scoring.
    const source =
      loaded.usage.source === 'ingest'
        ? withIngestedUsage(data.source, { db, orgId, asOf: checkpoint.asOf })
        : data.source;
    phases.load = performance.now() - startedAt;
    currency = data.source.priceBook.currency;
    const modelStartedAt = performance.now();
    const model = await loadOrTrainModel(db, orgId, data, now());
    phases.model = performance.now() - modelStartedAt;
    modelDescription = model.description;
    const night = checkpointedNight({
      db,
      orgId,
      runId,
      owner,
      leaseMs,
      dryRun: claim.dryRun,
      checkpoint,
      source,
      signal: options.signal,
    });
    try {
      await runNight({
        source: night.source,
        asOf: checkpoint.asOf,
        config: org.config,
        model: model.model,
        batchSize: checkpoint.batchSize,
        sink: night.sink,
        progress: options.progress,
        topCount: 0,
      });
    } finally {
      tally = night.tally();
    }
    const outcome = toOutcome(tally, phases);
    await withOrg(db, orgId, async (tx) => {
      if (!(await lockLease(tx, runId, owner))) throw new LeaseLostError(runId);
      await finishRun(tx, runId, outcome);
      await releaseLease(tx, runId, owner);
    });
    deps.log?.info({ ...context, counts: outcome.counts }, 'night succeeded');
    const top = await withOrg(db, orgId, (tx) => topVerdictsOfRun(tx, runId));
    return {
      status: 'succeeded',
      report: report(claim, org.id, tally, outcome, null, modelDescription, top, currency),
    };
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
    const outcome = toOutcome(tally, phases);
    const recorded = await withOrg(db, orgId, async (tx) => {
      if (!(await lockLease(tx, runId, owner))) return false;
      await failRun(tx, runId, reason, outcome);
      await releaseLease(tx, runId, owner);
      return true;
    });
    if (!recorded) return { status: 'skipped', runId, reason: 'superseded' };
    deps.log?.error({ ...context, reason, error: describeForLog(error) }, 'night failed');
    return {
      status: 'failed',
      report: report(claim, org.id, tally, outcome, reason, modelDescription, [], currency),
    };
  } finally {
    driven.delete(runId);
    await heartbeat.stop();
  }
}

async function claimRun(
  db: Database,
  orgId: string,
  owner: string,
  leaseMs: number,
  driven: ReadonlySet<string>,
  input: { asOf: string; dryRun: boolean; nightDate?: string; resumeRunId?: string; batchSize: number },
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
      runId: run.id,
      asOf: input.asOf,
      batchSize: input.batchSize,
      owner,
      leaseMs,
    });
    return { runId: run.id, dryRun: run.dryRun, nightDate: run.nightDate, checkpoint };
  });
}

function toOutcome(tally: NightTally, phases: { load: number; model: number }) {
  const durations = {
    load: phases.load,
    model: phases.model,
    pull: tally.durations.pull,
    score: tally.durations.score,
    save: tally.durations.save,
  };
  const total = Object.values(durations).reduce((sum, ms) => sum + ms, 0);
  return {
    counts: {
      accounts: tally.records,
      scored: tally.scored,
      ready: tally.readiness.ready,
      errors: tally.issueCount,
    },
    durations: Object.fromEntries(
      Object.entries({ ...durations, total }).map(([phase, ms]) => [phase, Math.round(ms)]),
    ),
    // No CRM connector yet: the sandbox costs no API calls and no model tokens.
    apiCalls: 0,
    apiCallLimit: null,
    tokens: 0,
  };
}

function report(
  claim: Claimed,
  orgId: string,
  tally: NightTally,
  outcome: ReturnType<typeof toOutcome>,
  failure: string | null,
  model: string | null,
  top: Verdict[],
  currency: string | null,
): OrgNightReport {
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
    currency,
    writebacks: tally.writebacks,
    durations: outcome.durations,
    resumedFromBatch: claim.checkpoint.batchesCommitted,
    resumes: claim.checkpoint.resumes,
    model,
    top,
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
