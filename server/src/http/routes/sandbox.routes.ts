import { RipeError } from '@ripe/shared';
import { z } from 'zod';
import { getConnection } from '../../connectors/connections/connections.repository.ts';
import type { SandboxSettings } from '../../connectors/connections/connection-settings.schema.ts';
import { getSandboxSettings, setSandboxSettings } from '../../night/org-sandbox.repository.ts';
import { recordAudit } from '../../audit/index.ts';
import type { OrgTransaction } from '../../store/org-scope.ts';
import { apiRouter } from '../api/api-router.ts';
import { defineOrgRoute } from '../api/api-route.ts';
import { orgIdParam } from '../api/schemas.ts';
import type { RouterFactory } from '../router-deps.ts';

const tags = ['sandbox'];
const params = z.object({ orgId: orgIdParam });

/** As `ripe org create --accounts --seed` bounds them. */
export const SANDBOX_MAX_ACCOUNTS = 100_000;

const sandboxSchema = z
  .object({
    accounts: z.number().int().meta({ description: 'Accounts the sandbox generates', example: 200 }),
    seed: z.number().int().meta({ description: 'Seed of the sandbox: the same seed, the same portfolio' }),
    latencyMs: z.number().int().meta({ description: 'Simulated CRM latency per batch pulled' }),
    inUse: z.boolean().meta({
      description:
        "Whether the org's nights run on the sandbox (its CRM is `sandbox`); otherwise the defaults",
    }),
  })
  .meta({ id: 'SandboxSettings' });

const sandboxChange = z
  .object({
    accounts: z.number().int().min(1).max(SANDBOX_MAX_ACCOUNTS).optional(),
    seed: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).optional(),
    latencyMs: z.number().int().min(0).max(60_000).optional(),
  })
  .refine((change) => Object.keys(change).length > 0, { error: 'set accounts, seed or latencyMs' });

/** The org's sandbox settings, and whether its nights use them (the defaults for an org on another CRM). */
async function sandboxOf(tx: OrgTransaction): Promise<SandboxSettings & { inUse: boolean }> {
  const connection = await getConnection(tx);
  if (!connection) throw new RipeError('not_found', 'The org has no connection');
  const settings = await getSandboxSettings(tx);
  if (!settings) throw new RipeError('not_found', 'The org has no connection');
  return { ...settings, inUse: connection.crm === 'sandbox' };
}

/** A sandbox org's generator — its size and seed — read and set over the API, as `ripe org create` sets them. */
export const sandboxRouter: RouterFactory = (deps) => {
  const get = defineOrgRoute({
    method: 'get',
    path: '/orgs/:orgId/sandbox',
    summary: "A sandbox org's generator: how many accounts, which seed",
    description: 'An org on another CRM answers the defaults, with `inUse: false`.',
    tags,
    access: { role: 'member', scope: 'read' },
    params,
    response: sandboxSchema,
    handler: ({ withOrg }) => withOrg(sandboxOf),
  });

  const patch = defineOrgRoute({
    method: 'patch',
    path: '/orgs/:orgId/sandbox',
    summary: "Sets a sandbox org's size and seed; the next night generates that portfolio",
    description: `Accounts 1–${SANDBOX_MAX_ACCOUNTS.toLocaleString('en-US')}; the keys not sent keep their value. An org on another CRM answers 409.`,
    tags,
    access: { role: 'admin', scope: 'admin' },
    params,
    body: sandboxChange,
    bodyContentTypes: ['application/json', 'application/merge-patch+json'],
    bodyExample: { accounts: 500, seed: 7 },
    response: sandboxSchema,
    handler: ({ withOrg, body, auth }) =>
      withOrg(async (tx) => {
        const { inUse, ...before } = await sandboxOf(tx);
        if (!inUse)
          throw new RipeError('conflict', "The org's CRM is not the sandbox: it has no sandbox to size");
        const after = await setSandboxSettings(tx, { ...before, ...body });
        await recordAudit(tx, {
          actor: auth.memberId,
          action: 'sandbox.updated',
          details: { before, after },
        });
        return { ...after, inUse };
      }),
  });

  return apiRouter(deps, [get, patch]);
};
