import { z } from 'zod';
import { getOrg } from '../../store/orgs.repository.ts';
import { apiRouter } from '../api/api-router.ts';
import { defineOrgRoute } from '../api/api-route.ts';
import { found } from '../api/found.ts';
import { orgIdParam, timestamp } from '../api/schemas.ts';
import type { RouterFactory } from '../router-deps.ts';

export const orgSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    crm: z.enum(['salesforce', 'hubspot', 'sandbox']),
    externalId: z.string().nullable().meta({ description: 'Salesforce org id or HubSpot portal id' }),
    createdAt: timestamp(),
    updatedAt: timestamp(),
    config: z.object({
      readyScore: z.number(),
      nurtureScore: z.number(),
      minConvergingTechniques: z.number().int(),
      seatUtilisationThreshold: z.number(),
      priceBook: z
        .object({ currency: z.string(), tiers: z.number().int(), modules: z.number().int() })
        .nullable(),
    }),
  })
  .meta({ id: 'Org' });

const getOrgRoute = defineOrgRoute({
  method: 'get',
  path: '/orgs/:orgId',
  summary: 'The org and a summary of its configuration',
  tags: ['orgs'],
  access: { role: 'member', scope: 'read' },
  params: z.object({ orgId: orgIdParam }),
  response: orgSchema,
  handler: async ({ withOrg }) => {
    const org = found(await withOrg(getOrg), 'Org');
    return {
      id: org.id,
      name: org.name,
      crm: org.crm,
      externalId: org.externalId,
      createdAt: org.createdAt,
      updatedAt: org.updatedAt,
      config: {
        readyScore: org.config.composite.readyScore,
        nurtureScore: org.config.composite.nurtureScore,
        minConvergingTechniques: org.config.composite.minConvergingTechniques,
        seatUtilisationThreshold: org.config.rules.seatUtilisation.threshold,
        priceBook: org.priceBook && {
          currency: org.priceBook.currency,
          tiers: org.priceBook.tiers.length,
          modules: org.priceBook.modules.length,
        },
      },
    };
  },
});

export const orgsRouter: RouterFactory = (deps) => apiRouter(deps, [getOrgRoute]);
