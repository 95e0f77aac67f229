import { RipeError } from '@ripe/shared';
import type { Database } from '../store/database.ts';
import { withOrg } from '../store/org-scope.ts';
import { getOrg } from '../store/orgs.repository.ts';
import { createCheckpoint } from './checkpoint.repository.ts';
import { startNightRun } from './night-runs.repository.ts';

export interface QueuedRun {
  runId: string;
  orgId: string;
  asOf: string;
  dryRun: boolean;
}

/** The lease owner of a run nobody drives yet: its lease is expired from the start, so anyone may take it. */
export const queuedOwner = 'queued';

/**
 * Records an on-demand run before anything runs it: the run and its checkpoint exist at once (an id to
 * return, a row in the history), and whoever runs nights — this process, the in-process scheduler or a
 * pg-boss worker — resumes it like a run whose process stopped. One on-demand run of an org at a time.
 */
export async function queueOrgRun(
  db: Database,
  orgId: string,
  input: { asOf: string; dryRun: boolean; batchSize?: number },
): Promise<QueuedRun> {
  return withOrg(db, orgId, async (tx) => {
    // Two requests at once would both find no run in progress: they take turns per org.
    await tx.query(`select pg_advisory_xact_lock(hashtext('ripe.run:' || $1))`, [orgId]);
    if (!(await getOrg(tx))) throw new RipeError('not_found', `Org ${orgId} does not exist`);
    const { rows } = await tx.query<{ id: string }>(
      `select r.id::text from runs r join night_checkpoints c on c.org_id = r.org_id and c.run_id = r.id
       where r.org_id = $1 and r.status = 'running' and r.night_date is null
       limit 1`,
      [orgId],
    );
    if (rows[0]) throw new RipeError('conflict', `A run of this org is in progress: ${rows[0].id}`);
    const run = await startNightRun(tx, { dryRun: input.dryRun });
    if (!run) throw new Error('An on-demand run always starts');
    await createCheckpoint(tx, {
      runId: run.id,
      asOf: input.asOf,
      batchSize: input.batchSize ?? 100,
      owner: queuedOwner,
      leaseMs: -1,
    });
    return { runId: run.id, orgId, asOf: input.asOf, dryRun: input.dryRun };
  });
}
