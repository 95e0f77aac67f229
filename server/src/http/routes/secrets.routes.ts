import { RipeError } from '@ripe/shared';
import { z } from 'zod';
import { recordAudit } from '../../audit/index.ts';
import {
  createSecretsRepository,
  keyringFromConfig,
  listSecretEntries,
  requireKeyring,
  rotateDataKey,
  secretNamePattern,
} from '../../secrets/index.ts';
import { apiRouter } from '../api/api-router.ts';
import { defineOrgRoute } from '../api/api-route.ts';
import { orgIdParam, timestamp } from '../api/schemas.ts';
import type { RouterFactory } from '../router-deps.ts';

const tags = ['secrets'];
const orgParams = z.object({ orgId: orgIdParam });
const secretParams = orgParams.extend({
  name: z
    .string()
    .regex(secretNamePattern)
    .meta({ description: 'e.g. `slack.signing_secret`', example: 'slack.signing_secret' }),
});

const secretEntrySchema = z
  .object({
    name: z.string(),
    dataKeyVersion: z.number().int().meta({ description: 'The version of the data key that seals it' }),
    updatedAt: timestamp(),
  })
  .meta({ id: 'SecretEntry' });

/** Secrets are write-only over the API: names and dates come back, values never do. */
export const secretsRouter: RouterFactory = (deps) => {
  // Parsed once; a server without a master key answers these routes with a server error.
  const keyring = keyringFromConfig(deps.config.secrets);
  const repository = () => createSecretsRepository(requireKeyring(keyring));

  const list = defineOrgRoute({
    method: 'get',
    path: '/orgs/:orgId/secrets',
    summary: "The org's secrets, by name: values are never returned",
    tags,
    access: { role: 'admin', scope: 'read' },
    params: orgParams,
    response: z.array(secretEntrySchema),
    handler: ({ withOrg }) => withOrg(listSecretEntries),
  });

  const put = defineOrgRoute({
    method: 'put',
    path: '/orgs/:orgId/secrets/:name',
    summary: 'Sets a secret (an API or webhook secret), sealed with the org data key',
    tags,
    access: { role: 'admin', scope: 'admin' },
    params: secretParams,
    body: z.object({ value: z.string().min(1).max(16_384) }),
    bodyExample: { value: '8f14e45fceea167a5a36dedd4bea2543' },
    status: 204,
    response: z.void(),
    handler: ({ withOrg, params, body, auth }) =>
      withOrg(async (tx) => {
        await repository().putSecret(tx, params.name, body.value);
        await recordAudit(tx, { actor: auth.memberId, action: 'secret.updated', target: params.name });
      }),
  });

  const remove = defineOrgRoute({
    method: 'delete',
    path: '/orgs/:orgId/secrets/:name',
    summary: 'Deletes a secret',
    tags,
    access: { role: 'admin', scope: 'admin' },
    params: secretParams,
    status: 204,
    response: z.void(),
    handler: ({ withOrg, params, auth }) =>
      withOrg(async (tx) => {
        if (!(await repository().deleteSecret(tx, params.name))) {
          throw new RipeError('not_found', `Secret ${params.name} not found`);
        }
        await recordAudit(tx, { actor: auth.memberId, action: 'secret.deleted', target: params.name });
      }),
  });

  const rotate = defineOrgRoute({
    method: 'post',
    path: '/orgs/:orgId/secrets/rotate',
    summary: "Rotates the org's data key and re-encrypts its secrets, without downtime",
    tags,
    access: { role: 'admin', scope: 'admin' },
    params: orgParams,
    response: z
      .object({
        dataKeyVersion: z.number().int(),
        newVersion: z.boolean(),
        reEncrypted: z.number().int(),
        retiredVersions: z.array(z.number().int()),
      })
      .meta({ id: 'DataKeyRotation' }),
    handler: async ({ deps, orgId, auth, withOrg }) => {
      const report = await rotateDataKey(deps.db, requireKeyring(keyring), orgId);
      await withOrg((tx) =>
        recordAudit(tx, {
          actor: auth.memberId,
          action: 'data_key.rotated',
          details: { dataKeyVersion: report.dataKeyVersion, reEncrypted: report.reEncrypted },
        }),
      );
      return report;
    },
  });

  return apiRouter(deps, [list, put, remove, rotate]);
};
