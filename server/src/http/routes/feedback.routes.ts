import { boundedDay } from '@ripe/shared';
import { z } from 'zod';
import { getMember } from '../../access/members.repository.ts';
import { recordAudit } from '../../audit/audit.repository.ts';
import { listFeedback, recordFeedback, type NewFeedback } from '../../store/feedback.repository.ts';
import { apiRouter } from '../api/api-router.ts';
import { defineOrgRoute } from '../api/api-route.ts';
import { found } from '../api/found.ts';
import { limitQuery, orgIdParam, timestamp } from '../api/schemas.ts';
import type { RouterFactory } from '../router-deps.ts';

const reason = z.string().min(1).max(2_000);
const feedbackBody = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('approve'), reason: reason.optional() }),
  z.object({
    kind: z.literal('adjust'),
    adjustedPotential: z.number().nonnegative(),
    reason: reason.optional(),
  }),
  z.object({ kind: z.literal('reject'), reason }),
  z.object({ kind: z.literal('snooze'), snoozedUntil: boundedDay(), reason: reason.optional() }),
]);

export const feedbackSchema = z
  .object({
    id: z.uuid(),
    accountId: z.string(),
    kind: z.enum(['approve', 'adjust', 'reject', 'snooze']),
    adjustedPotential: z.number().nullable(),
    reason: z.string().nullable(),
    snoozedUntil: z.string().nullable(),
    actor: z.string().meta({ description: 'Email of the member who decided' }),
    createdAt: timestamp(),
  })
  .meta({ id: 'Feedback' });

const params = z.object({ orgId: orgIdParam, accountId: z.string().min(1).max(200) });
const tags = ['feedback'];

const record = defineOrgRoute({
  method: 'post',
  path: '/orgs/:orgId/accounts/:accountId/feedback',
  summary: "A person's decision on an account's verdict: approve, adjust, reject or snooze",
  tags,
  access: { role: 'member', scope: 'write' },
  params,
  body: feedbackBody,
  bodyExample: { kind: 'adjust', adjustedPotential: 18_000, reason: 'Budget frozen until Q3' },
  status: 201,
  response: feedbackSchema,
  handler: ({ withOrg, params, body, auth }) =>
    withOrg(async (tx) => {
      const member = found(await getMember(tx, auth.memberId), 'Member');
      const feedback = { ...body, accountId: params.accountId, actor: member.email } as NewFeedback;
      const recorded = await recordFeedback(tx, feedback);
      await recordAudit(tx, {
        actor: auth.memberId,
        action: 'feedback.recorded',
        target: params.accountId,
        details: { kind: recorded.kind, feedbackId: recorded.id },
      });
      return recorded;
    }),
});

const list = defineOrgRoute({
  method: 'get',
  path: '/orgs/:orgId/accounts/:accountId/feedback',
  summary: "An account's feedback, newest first",
  tags,
  access: { role: 'member', scope: 'read' },
  params,
  query: z.object({ limit: limitQuery(100, 1_000) }),
  response: z.array(feedbackSchema),
  handler: ({ withOrg, params, query }) => withOrg((tx) => listFeedback(tx, params.accountId, query.limit)),
});

export const feedbackRouter: RouterFactory = (deps) => apiRouter(deps, [record, list]);
