import { z } from 'zod';
import { createSecretsRepository, keyringFromConfig } from '../../secrets/index.ts';
import { channelsSchema } from '../../settings/channels.schema.ts';
import { fieldMappingSchema } from '../../settings/field-mapping.schema.ts';
import { orgSettingsSchema, type OrgSettingsInput } from '../../settings/org-settings.schema.ts';
import {
  getOrgSettings,
  patchOrgSettings,
  replaceOrgSettings,
  type SettingsWriter,
} from '../../settings/settings.service.ts';
import { nightScheduleSchema } from '../../settings/night-settings.schema.ts';
import { orgConfigSchema, priceBookSchema } from '@ripe/shared';
import { apiRouter } from '../api/api-router.ts';
import { defineOrgRoute, type OrgRouteContext } from '../api/api-route.ts';
import { orgIdParam, timestamp } from '../api/schemas.ts';
import type { RouterFactory } from '../router-deps.ts';

const tags = ['settings'];
const params = z.object({ orgId: orgIdParam });
const admin = { role: 'admin', scope: 'admin' } as const;

export const orgSettingsResponse = z
  .object({
    fieldMapping: fieldMappingSchema,
    rules: orgConfigSchema,
    priceBook: priceBookSchema.nullable(),
    schedule: nightScheduleSchema.nullable().meta({ description: '`null`: nights run on demand only' }),
    channels: channelsSchema.meta({
      description: 'Webhook URLs are write-only: reads say whether one is set',
    }),
    updatedAt: timestamp().nullable(),
    updatedBy: z.string().nullable(),
  })
  .meta({ id: 'OrgSettings' });

export const settingsChangeResponse = z.object({
  settings: orgSettingsResponse,
  changed: z.array(z.string()).meta({ description: 'Dotted paths that changed (values are never echoed)' }),
});

// The handlers validate the document themselves, so that a bad one answers `invalid_config` naming
// each wrong field; the OpenAPI document still shows its schema.
export const settingsDocument = (description: string) =>
  z
    .record(z.string(), z.unknown())
    .meta({ description, override: withoutSchemaKey(z.toJSONSchema(orgSettingsSchema, { io: 'input' })) });

const example: OrgSettingsInput = {
  fieldMapping: {
    seatsLicensed: 'Seats_Licensed__c',
    seatsUsed: 'Seats_Used__c',
    tier: 'Plan__c',
    arr: 'ARR__c',
    renewalDate: 'Renewal_Date__c',
    csmOwner: 'CSM__c',
    usage: { source: 'ingest' },
  },
  rules: { rules: { seatUtilisation: { threshold: 0.8, minDays: 30 } }, composite: { readyScore: 60 } },
  priceBook: {
    currency: 'USD',
    tiers: [{ id: 'team', name: 'Team', rank: 1, seatPrice: 480, maxSeats: 50 }],
  },
  schedule: { timeOfDay: '02:30', timeZone: 'Europe/Paris' },
  channels: {
    email: { digestRecipients: ['cs-leads@acme.example'] },
    slack: { webhookUrl: 'https://hooks.slack.com/services/T000/B000/XXXX' },
  },
};

/** Field mapping, rules, price book, schedule and channels of an org: read by members, written by admins. */
export const configRouter: RouterFactory = (deps) => {
  const keyring = keyringFromConfig(deps.config.secrets);
  const secrets = keyring ? createSecretsRepository(keyring) : undefined;
  const writer = (ctx: OrgRouteContext<unknown, unknown, unknown>): SettingsWriter => ({
    actor: ctx.auth.memberId,
    secrets,
  });

  const get = defineOrgRoute({
    method: 'get',
    path: '/orgs/:orgId/settings',
    summary: "The org's settings: field mapping, rules, price book, schedule, channels",
    tags,
    access: { role: 'member', scope: 'read' },
    params,
    response: orgSettingsResponse,
    handler: ({ withOrg }) => withOrg(getOrgSettings),
  });

  const put = defineOrgRoute({
    method: 'put',
    path: '/orgs/:orgId/settings',
    summary: 'Replaces the settings, validated together; a bad document changes nothing',
    description:
      'A section left out takes its defaults. Webhook URLs are write-only: leave `webhookUrl` out to keep ' +
      'the configured one, `null` removes it. A bad document answers 400 `invalid_config` naming each wrong ' +
      'field, and the previous settings stay. Each change is audited with the changed paths.',
    tags,
    access: admin,
    params,
    body: settingsDocument('The whole settings document (OrgSettings as read is accepted back)'),
    bodyExample: example,
    response: settingsChangeResponse,
    handler: (ctx) => ctx.withOrg((tx) => replaceOrgSettings(tx, ctx.body, writer(ctx))),
  });

  const patch = defineOrgRoute({
    method: 'patch',
    path: '/orgs/:orgId/settings',
    summary: 'Changes part of the settings (JSON merge patch), validated with the rest',
    description:
      'RFC 7396: objects merge, `null` removes (a schedule, the price book, a webhook URL), arrays replace. ' +
      'The merged document is validated like a PUT.',
    tags,
    access: admin,
    params,
    body: settingsDocument('A JSON merge patch of the settings document'),
    bodyContentTypes: ['application/merge-patch+json', 'application/json'],
    bodyExample: {
      rules: { composite: { readyScore: 65 } },
      schedule: { timeOfDay: '03:00', timeZone: 'UTC' },
    },
    response: settingsChangeResponse,
    handler: (ctx) => ctx.withOrg((tx) => patchOrgSettings(tx, ctx.body, writer(ctx))),
  });

  return apiRouter(deps, [get, put, patch]);
};

function withoutSchemaKey(schema: Record<string, unknown>): Record<string, unknown> {
  const { $schema: _schema, ...rest } = schema;
  return rest;
}
