import { z } from 'zod';
import { assembleOrgExport, assertDeletionConfirmed, deleteOrg } from '../../data-rights/index.ts';
import { apiRouter } from '../api/api-router.ts';
import { defineOrgRoute } from '../api/api-route.ts';
import { orgIdParam } from '../api/schemas.ts';
import type { RouterFactory } from '../router-deps.ts';

const params = z.object({ orgId: orgIdParam });
const tags = ['data rights'];

const exportRoute = defineOrgRoute({
  method: 'get',
  path: '/orgs/:orgId/export',
  summary: 'Everything Ripe holds for the org, as a .tar.gz download',
  description:
    '`manifest.json` (tables, row counts, columns withheld) and one JSON Lines file per table, ' +
    '`tables/<table>.jsonl`. Secrets appear by name, never by value. The export is recorded in the ' +
    'audit log as `org.exported`, which the next export shows.',
  tags,
  access: { role: 'admin', scope: 'admin' },
  params,
  // The handler streams the archive itself; the schema documents it.
  response: z.string().meta({ format: 'binary' }).optional(),
  rawResponse: { contentType: 'application/gzip' },
  handler: async ({ deps, orgId, auth, res }) => {
    // Read before the first byte: a failure until then is still an ordinary JSON error.
    const assembled = await assembleOrgExport(deps.db, orgId, { actor: auth.memberId });
    try {
      const day = assembled.manifest.exportedAt.slice(0, 10);
      res.status(200);
      res.setHeader('content-type', 'application/gzip');
      res.setHeader('content-disposition', `attachment; filename="${exportFileName(orgId, day)}"`);
      res.setHeader('cache-control', 'no-store');
      await assembled.write(res);
    } finally {
      await assembled.dispose();
    }
    return undefined;
  },
});

const deleteRoute = defineOrgRoute({
  method: 'delete',
  path: '/orgs/:orgId',
  summary: 'Deletes the org and every row of its data, in one transaction',
  description:
    'Irreversible: members, API keys (including the one calling), runs, verdicts, feedback, secrets ' +
    'and the audit log go. The body repeats the org id to confirm.',
  tags,
  access: { role: 'admin', scope: 'admin' },
  params,
  body: z.object({ confirm: z.string().meta({ description: "The org's id, typed again" }) }),
  bodyExample: { confirm: 'org_3f2a9c' },
  response: z
    .object({ orgId: z.string(), deletedRows: z.record(z.string(), z.number().int()) })
    .meta({ id: 'OrgDeletion' }),
  handler: async ({ deps, orgId, body, auth, req }) => {
    assertDeletionConfirmed(orgId, body.confirm);
    const deletion = await deleteOrg(deps.db, orgId);
    // The org's own audit log is gone with it: the deletion is kept in the server's log.
    req.log?.info({ orgId, memberId: auth.memberId, deletedRows: deletion.deletedRows }, 'org deleted');
    return deletion;
  },
});

/** A file name safe in a header whatever the org id holds. */
function exportFileName(orgId: string, day: string): string {
  return `ripe-export-${orgId.replaceAll(/[^A-Za-z0-9_-]/g, '_').slice(0, 80)}-${day}.tar.gz`;
}

export const dataRightsRouter: RouterFactory = (deps) => apiRouter(deps, [exportRoute, deleteRoute]);
