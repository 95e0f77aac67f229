import { motionSchema, readinessSchema } from '@ripe/shared';
import { z } from 'zod';
import { historyOf, latestStates } from '../../store/verdicts.repository.ts';
import { apiRouter } from '../api/api-router.ts';
import { defineOrgRoute } from '../api/api-route.ts';
import { limitQuery, orgIdParam, timestamp } from '../api/schemas.ts';
import type { RouterFactory } from '../router-deps.ts';

// Stored verdicts are returned as written: a verdict of an older engine must not fail the whole list.
const verdict = z.record(z.string(), z.unknown()).meta({
  id: 'VerdictDocument',
  description:
    'The full verdict as the engine wrote it (the Verdict schema of @ripe/shared): potential, window, signals with evidence, contradictions, agent approach',
});
const verdictFields = {
  asOf: z.string().meta({ description: 'The night the verdict is for (YYYY-MM-DD)' }),
  readiness: readinessSchema,
  score: z.number(),
  probability: z.number(),
  expectedValue: z.number(),
  motion: motionSchema.nullable(),
  evidenceHash: z.string(),
  verdict,
};

export const accountStateSchema = z
  .object({
    accountId: z.string(),
    lastRunId: z.uuid(),
    ...verdictFields,
    previousReadiness: readinessSchema.nullable(),
    previousScore: z.number().nullable(),
    updatedAt: timestamp(),
  })
  .meta({ id: 'AccountState' });

const verdictRecordSchema = z
  .object({ runId: z.uuid(), ...verdictFields, createdAt: timestamp() })
  .meta({ id: 'VerdictRecord' });

const accountIdParam = z.string().min(1).max(200).meta({ description: "The account's CRM id" });
const read = { role: 'member', scope: 'read' } as const;
const tags = ['accounts'];

const list = defineOrgRoute({
  method: 'get',
  path: '/orgs/:orgId/accounts',
  summary: 'Latest verdict of each account, by expected value',
  tags,
  access: read,
  params: z.object({ orgId: orgIdParam }),
  query: z.object({
    readiness: z
      .string()
      .optional()
      .transform((value, ctx) => {
        if (value === undefined) return undefined;
        const parsed = z.array(readinessSchema).safeParse(value.split(','));
        if (parsed.success) return parsed.data;
        ctx.addIssue({
          code: 'custom',
          message: 'a comma-separated list of ready, nurture, caution, not_ready',
        });
        return z.NEVER;
      })
      .meta({ description: 'Comma-separated readiness levels, e.g. ready,nurture' }),
    limit: limitQuery(50, 1_000),
  }),
  response: z.array(accountStateSchema),
  handler: ({ withOrg, query }) =>
    withOrg((tx) =>
      latestStates(tx, { limit: query.limit, ...(query.readiness ? { readiness: query.readiness } : {}) }),
    ),
});

const history = defineOrgRoute({
  method: 'get',
  path: '/orgs/:orgId/accounts/:accountId/history',
  summary: "An account's verdicts, newest first (dry runs left out)",
  tags,
  access: read,
  params: z.object({ orgId: orgIdParam, accountId: accountIdParam }),
  query: z.object({ limit: limitQuery(100, 1_000) }),
  response: z.array(verdictRecordSchema),
  handler: ({ withOrg, params, query }) =>
    withOrg((tx) => historyOf(tx, params.accountId, { limit: query.limit })),
});

export const accountsRouter: RouterFactory = (deps) => apiRouter(deps, [list, history]);
