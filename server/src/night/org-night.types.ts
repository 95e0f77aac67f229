import type { Readiness, Verdict } from '@ripe/shared';
import type { Database } from '../store/database.ts';
import type { RunCounts, RunDurations } from '../store/runs.repository.ts';
import type { DrainReport } from '../writeback/drain-outbox.ts';
import type { WrittenCounts } from '../writeback/write-tally.ts';
import type { NightCheckpoint } from './checkpoint.repository.ts';
import type { ConnectorResolver } from './connector-resolver.ts';
import type { NightAgent } from './night-agent.ts';
import type { ApiUsage } from './night-runs.repository.ts';
import type { NightProgress } from './run-night.ts';

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
  /** Takeovers of one run by another process before it ends `failed` (`defaultMaxResumes`). */
  maxResumes?: number;
  /** The CRM connector of an org's night (tests and `ripe demo` pass their own). */
  resolveConnector?: ConnectorResolver;
  /** The expansion agent for the shortlist; deterministic by default. */
  agent?: NightAgent;
  /** Share of the remaining daily API allowance a night may use; the org's `sync.apiBudgetShare` setting otherwise. */
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
      /** `given_up`: resumed too often without finishing, the run is now `failed` with the reason. */
      reason: 'already_done' | 'in_progress_elsewhere' | 'superseded' | 'given_up';
    };

export interface Claimed {
  runId: string;
  dryRun: boolean;
  nightDate: string | null;
  checkpoint: NightCheckpoint;
}
