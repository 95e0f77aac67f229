import { z } from 'zod';
import { topVerdictsOfRun } from '../../night/night-runs.repository.ts';
import { getRun, listRecentRuns, listRunErrors } from '../../store/runs.repository.ts';
import { apiRouter } from '../api/api-router.ts';
import { defineOrgRoute } from '../api/api-route.ts';
import { found } from '../api/found.ts';
import { limitQuery, orgIdParam, timestamp } from '../api/schemas.ts';
import type { RouterFactory } from '../router-deps.ts';

export const runSchema = z
  .object({
    id: z.uuid(),
    status: z.enum(['running', 'succeeded', 'failed']),
    dryRun: z.boolean(),
    startedAt: timestamp(),
    finishedAt: timestamp().nullable(),
    counts: z.object({ accounts: z.number(), scored: z.number(), ready: z.number(), errors: z.number() }),
    durations: z.record(z.string(), z.number()).meta({ description: 'Milliseconds per phase' }),
    apiCalls: z.number().int(),
    apiCallLimit: z.number().int().nullable(),
    tokens: z.number().int(),
    failureReason: z.string().nullable(),
    apiUsage: z
      .object({
        calls: z.object({
          reads: z.number().int(),
          writes: z.number().int(),
          total: z.number().int(),
          byKind: z.record(z.string(), z.number().int()),
        }),
        floor: z.object({ reads: z.number().int(), writes: z.number().int(), total: z.number().int() }),
        allowance: z.object({ max: z.number().nullable(), remaining: z.number().nullable() }),
        budget: z.number().int().nullable(),
        stopped: z.string().nullable(),
      })
      .nullable()
      .meta({
        description:
          "CRM API calls by direction and kind beside the floor (the fewest calls the same work needs), the day's allowance, the night's budget and why it stopped early",
      }),
  })
  .meta({ id: 'Run' });

export const runErrorSchema = z
  .object({ record: z.string(), recordId: z.string(), field: z.string(), message: z.string() })
  .meta({ id: 'RunError' });

const runParams = z.object({ orgId: orgIdParam, runId: z.uuid() });
const tags = ['runs'];
const read = { role: 'member', scope: 'read' } as const;

const list = defineOrgRoute({
  method: 'get',
  path: '/orgs/:orgId/runs',
  summary: 'Recent runs, newest first',
  tags,
  access: read,
  params: z.object({ orgId: orgIdParam }),
  query: z.object({ limit: limitQuery(20, 200) }),
  response: z.array(runSchema),
  handler: ({ withOrg, query }) => withOrg((tx) => listRecentRuns(tx, query.limit)),
});

const get = defineOrgRoute({
  method: 'get',
  path: '/orgs/:orgId/runs/:runId',
  summary: 'One run: counts, API calls, durations, tokens',
  tags,
  access: read,
  params: runParams,
  response: runSchema,
  handler: async ({ withOrg, params }) => found(await withOrg((tx) => getRun(tx, params.runId)), 'Run'),
});

const errors = defineOrgRoute({
  method: 'get',
  path: '/orgs/:orgId/runs/:runId/errors',
  summary: "A run's per-record errors",
  tags,
  access: read,
  params: runParams,
  query: z.object({ limit: limitQuery(1_000, 10_000) }),
  response: z.array(runErrorSchema),
  handler: ({ withOrg, params, query }) =>
    withOrg(async (tx) => {
      found(await getRun(tx, params.runId), 'Run');
      return listRunErrors(tx, params.runId, query.limit);
    }),
});

const top = defineOrgRoute({
  method: 'get',
  path: '/orgs/:orgId/runs/:runId/top',
  summary: "A run's shortlist: its ready accounts, then nurture, by expected value (dry runs too)",
  description:
    'The verdicts of that run as the engine wrote them, so a dry run can be read before anything is written.',
  tags,
  access: read,
  params: runParams,
  query: z.object({ limit: limitQuery(10, 1_000) }),
  response: z.array(
    z.record(z.string(), z.unknown()).meta({
      id: 'RunVerdict',
      description: 'The full verdict (the Verdict schema of @ripe/shared)',
    }),
  ),
  handler: ({ withOrg, params, query }) =>
    withOrg(async (tx) => {
      found(await getRun(tx, params.runId), 'Run');
      return topVerdictsOfRun(tx, params.runId, query.limit);
    }),
});

export const runHistoryRouter: RouterFactory = (deps) => apiRouter(deps, [list, get, errors, top]);
