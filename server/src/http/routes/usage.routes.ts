import { boundedDay, RipeError, usageSeriesSchema } from '@ripe/shared';
import { z } from 'zod';
import { ingestUsage } from '../../usage/ingest-usage.ts';
import { latestUsageDay, maxUsageBatchSize, usagePointSchema } from '../../usage/usage-point.schema.ts';
import { usageSeriesFor } from '../../usage/usage-series.reader.ts';
import { apiRouter } from '../api/api-router.ts';
import { defineKeyRoute, defineOrgRoute } from '../api/api-route.ts';
import { orgIdParam } from '../api/schemas.ts';
import type { RouterFactory } from '../router-deps.ts';

/** Body limit of `POST /v1/usage`: a full batch of 10,000 points with feature names fits. */
export const usageBodyLimit = '8mb';

const tags = ['usage'];

const ingestResponse = z
  .object({
    accepted: z.number().int().meta({ description: 'Valid points, stored' }),
    changed: z
      .number()
      .int()
      .meta({ description: 'Rows inserted or changed: 0 when a batch is posted again' }),
    rejected: z.array(
      z.object({
        index: z.number().int().meta({ description: 'Position of the point in `points`' }),
        field: z.string(),
        message: z.string(),
      }),
    ),
  })
  .meta({ id: 'UsageIngestResult' });

const pointDocumentation = z.toJSONSchema(usagePointSchema, { io: 'input' });
const { $schema: _schema, ...pointJsonSchema } = pointDocumentation;

const ingest = defineKeyRoute({
  method: 'post',
  path: '/usage',
  summary: 'Daily usage of accounts, for the org of the API key',
  description:
    `Up to ${maxUsageBatchSize.toLocaleString('en-US')} points per call. Idempotent on account + metric + day: ` +
    'posting the same batch again changes nothing, a later value for a day replaces the stored one. Each ' +
    'point is validated on its own: the valid ones are stored, the others come back in `rejected` with ' +
    'their index and field, and the status is then 207 (422 when none was valid).',
  tags,
  access: { role: 'member', scope: 'write' },
  params: z.object({}),
  body: z.object({
    points: z.array(z.unknown().meta({ override: pointJsonSchema })).meta({
      description: `At most ${maxUsageBatchSize.toLocaleString('en-US')} points`,
    }),
  }),
  bodyExample: {
    points: [
      { accountId: '0015g00000XyZabAAB', metric: 'seats_used', day: '2026-03-01', value: 42 },
      {
        accountId: '0015g00000XyZabAAB',
        metric: 'api_calls',
        kind: 'consumption',
        day: '2026-03-01',
        value: 1_250,
      },
      {
        accountId: '0015g00000XyZabAAB',
        metric: 'sso_users',
        kind: 'feature_adoption',
        feature: 'sso',
        premium: true,
        day: '2026-03-01',
        value: 12,
      },
    ],
  },
  bodyLimit: usageBodyLimit,
  itemsCheckedByHandler: 'points',
  response: ingestResponse,
  rawResponse: { contentType: 'application/json' },
  handler: async ({ body, res, withOrg }) => {
    if (body.points.length > maxUsageBatchSize) {
      throw new RipeError(
        'payload_too_large',
        `A batch holds at most ${maxUsageBatchSize.toLocaleString('en-US')} points, got ${body.points.length.toLocaleString('en-US')}: split it`,
      );
    }
    const outcome = await withOrg((tx) => ingestUsage(tx, body.points, latestUsageDay(new Date())));
    const status = outcome.rejected.length === 0 ? 200 : outcome.accepted > 0 ? 207 : 422;
    res.status(status).json(ingestResponse.parse(outcome));
    return outcome;
  },
});

const read = defineOrgRoute({
  method: 'get',
  path: '/orgs/:orgId/usage',
  summary: "Ingested daily usage of some accounts, as the snapshot's series",
  tags,
  access: { role: 'member', scope: 'read' },
  params: z.object({ orgId: orgIdParam }),
  query: z.object({
    accountId: z
      .union([z.string().min(1).max(200), z.array(z.string().min(1).max(200)).min(1).max(500)])
      .transform((ids) => (Array.isArray(ids) ? ids : [ids]))
      .meta({ description: 'One or more account ids (repeat the parameter)' }),
    since: boundedDay().meta({ description: 'First day, YYYY-MM-DD' }),
  }),
  response: z.record(z.string(), z.array(usageSeriesSchema)),
  handler: async ({ withOrg, query }) =>
    Object.fromEntries(await withOrg((tx) => usageSeriesFor(tx, query.accountId, query.since))),
});

export const usageRouter: RouterFactory = (deps) => apiRouter(deps, [ingest, read]);
