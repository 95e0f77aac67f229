import type { Database } from '../store/database.ts';
import { withOrg } from '../store/org-scope.ts';
import { renewLease } from './checkpoint.repository.ts';

export interface LeaseHeartbeat {
  /** False once another process took the run over. */
  held(): boolean;
  /** Stops renewing; resolves once a renewal in flight has settled. */
  stop(): Promise<void>;
}

export interface HeartbeatInput {
  db: Database;
  orgId: string;
  runId: string;
  owner: string;
  leaseMs: number;
  onError?: (error: unknown) => void;
}

/**
 * Renews the run's lease three times per lease period, so the lease only runs out when the process
 * stops (crash, kill, lost connection) and a worker can then resume the run.
 */
export function startHeartbeat(input: HeartbeatInput): LeaseHeartbeat {
  let held = true;
  let renewal: Promise<void> | undefined;
  const timer = setInterval(
    () => {
      if (renewal || !held) return;
      renewal = withOrg(input.db, input.orgId, (tx) =>
        renewLease(tx, input.runId, input.owner, input.leaseMs),
      )
        .then((renewed) => {
          held = renewed;
        })
        // A missed renewal is not fatal: the next one (or the next batch commit) extends the lease.
        .catch((error: unknown) => input.onError?.(error))
        .finally(() => {
          renewal = undefined;
        });
    },
    Math.max(50, Math.floor(input.leaseMs / 3)),
  );
  timer.unref();
  return {
    held: () => held,
    stop: async () => {
      clearInterval(timer);
      await renewal;
    },
  };
}
