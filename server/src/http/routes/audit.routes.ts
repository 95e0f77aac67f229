import { z } from 'zod';
import { auditActions, listAudit } from '../../audit/index.ts';
import { apiRouter } from '../api/api-router.ts';
import { defineOrgRoute } from '../api/api-route.ts';
import { limitQuery, orgIdParam, timestamp } from '../api/schemas.ts';
import type { RouterFactory } from '../router-deps.ts';

export const auditEntrySchema = z
  .object({
    id: z.string().meta({ description: 'Increasing: a later entry has a greater id' }),
    at: timestamp(),
    actor: z.string().meta({ description: 'A member id, `system` or `cli`' }),
    action: z.enum(auditActions),
    target: z.string().nullable(),
    details: z.record(z.string(), z.unknown()),
  })
  .meta({ id: 'AuditEntry' });

const listAuditRoute = defineOrgRoute({
  method: 'get',
  path: '/orgs/:orgId/audit',
  summary: 'Who changed what in the org, newest first',
  description: 'Pages with `before`: pass the `nextBefore` of the previous page.',
  tags: ['audit'],
  access: { role: 'admin', scope: 'read' },
  params: z.object({ orgId: orgIdParam }),
  query: z.object({
    limit: limitQuery(50, 1_000),
    before: z
      .string()
      .regex(/^\d{1,18}$/)
      .optional()
      .meta({ description: 'An entry id: entries older than it' }),
  }),
  response: z
    .object({ entries: z.array(auditEntrySchema), nextBefore: z.string().nullable() })
    .meta({ id: 'AuditPage' }),
  handler: ({ withOrg, query }) => withOrg((tx) => listAudit(tx, query)),
});

export const auditRouter: RouterFactory = (deps) => apiRouter(deps, [listAuditRoute]);
