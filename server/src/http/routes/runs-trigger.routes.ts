import { boundedDay } from '@ripe/shared';
import PQueue from 'p-queue';
import { z } from 'zod';
import { failureReason } from '../../night/night-failure.ts';
import { processOwner } from '../../night/process-owner.ts';
import { queueOrgRun } from '../../night/queue-run.ts';
import { runOrgNight, type OrgNightDeps } from '../../night/org-night.ts';
import { apiRouter } from '../api/api-router.ts';
import { defineOrgRoute } from '../api/api-route.ts';
import { orgIdParam } from '../api/schemas.ts';
import type { RouterDeps, RouterFactory } from '../router-deps.ts';

const triggerBody = z.object({
  dryRun: z
    .boolean()
    .default(false)
    .meta({ description: 'Score and record the run, but change no latest state and queue no CRM write' }),
  asOf: boundedDay().optional().meta({ description: 'The day to score (default: today, UTC)' }),
});

const queuedRunSchema = z
  .object({
    runId: z.uuid(),
    orgId: z.string(),
    status: z.literal('running'),
    dryRun: z.boolean(),
    asOf: z.iso.date(),
  })
  .meta({ id: 'QueuedRun' });

/** Runs on-demand nights in this process, one at a time (the scheduler has its own bound). */
function inProcessLauncher(deps: RouterDeps): (orgId: string, runId: string) => void {
  const queue = new PQueue({ concurrency: 1 });
  const nightDeps: OrgNightDeps = {
    db: deps.db,
    owner: processOwner('api'),
    log: deps.logger,
    drivenRuns: new Set(),
    ...(deps.resolveConnector ? { resolveConnector: deps.resolveConnector } : {}),
  };
  return (orgId, runId) => {
    void queue.add(() =>
      runOrgNight(nightDeps, orgId, { resumeRunId: runId }).catch((error: unknown) => {
        // If this process stops first, the run's expired lease lets a scheduler or worker resume it.
        deps.logger.error({ orgId, runId, reason: failureReason(error) }, 'on-demand night could not run');
      }),
    );
  };
}

const launchers = new WeakMap<RouterDeps['db'], (orgId: string, runId: string) => void>();

/**
 * Starts a queued on-demand run: with pg-boss, the workers' next planning round picks it up; otherwise this
 * process runs it (one launcher per database, so every route shares its queue).
 */
export function launchRun(deps: RouterDeps, orgId: string, runId: string): void {
  if (deps.config.scheduler.mode === 'pg-boss') return;
  let launch = launchers.get(deps.db);
  if (!launch) {
    launch = inProcessLauncher(deps);
    launchers.set(deps.db, launch);
  }
  launch(orgId, runId);
}

export const runsTriggerRouter: RouterFactory = (deps) => {
  const trigger = defineOrgRoute({
    method: 'post',
    path: '/orgs/:orgId/runs',
    summary: 'Runs a night now, or a dry run (admin)',
    description:
      'Records the run at once and answers 202 with its id; follow it with GET /orgs/{orgId}/runs/{runId}. ' +
      'One on-demand run of an org at a time (409 while one is in progress). A dry run keeps its verdicts ' +
      'in the history but changes no latest state and queues no CRM write.',
    tags: ['runs'],
    access: { role: 'admin', scope: 'admin' },
    params: z.object({ orgId: orgIdParam }),
    body: triggerBody,
    bodyExample: { dryRun: true },
    status: 202,
    response: queuedRunSchema,
    handler: async ({ orgId, body, req }) => {
      const asOf = body.asOf ?? new Date().toISOString().slice(0, 10);
      const queued = await queueOrgRun(deps.db, orgId, { asOf, dryRun: body.dryRun });
      req.log?.info({ orgId, runId: queued.runId, dryRun: queued.dryRun }, 'on-demand run queued');
      launchRun(deps, orgId, queued.runId);
      return { ...queued, status: 'running' as const };
    },
  });
  return apiRouter(deps, [trigger]);
};
