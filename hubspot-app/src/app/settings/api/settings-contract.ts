// The backend's answers to the settings page (docs/hubspot-app-api.md, "The settings page"). The settings
// document is server/src/settings/org-settings.schema.ts as GET /v1/orgs/{orgId}/settings returns it; only what
// the page shows is typed here, the rest is kept as it came.
import { z } from 'zod';

export const connectionSchema = z.object({
  status: z.string(),
  statusReason: z.string().nullable(),
  portalId: z.string().nullable(),
  scopes: z.array(z.string()),
  connectedAt: z.string().nullable(),
});
export type Connection = z.infer<typeof connectionSchema>;

const tierSchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  rank: z.number(),
  seatPrice: z.number(),
  platformFee: z.number().optional(),
  maxSeats: z.number().optional(),
});

export const settingsDocumentSchema = z.object({
  fieldMapping: z.looseObject({ usage: z.looseObject({ source: z.string() }) }),
  rules: z.looseObject({
    rules: z.looseObject({}),
    composite: z.looseObject({}),
    window: z.looseObject({}),
  }),
  priceBook: z
    .looseObject({
      currency: z.string(),
      tiers: z.array(tierSchema),
      modules: z.array(z.looseObject({ id: z.string(), name: z.string() })),
    })
    .nullable(),
  schedule: z.object({ timeOfDay: z.string(), timeZone: z.string() }).nullable(),
  channels: z.object({
    email: z.object({ digestRecipients: z.array(z.string()) }),
    slack: z.object({ webhookConfigured: z.boolean() }),
    teams: z.object({ webhookConfigured: z.boolean() }),
  }),
  sync: z.looseObject({ apiBudgetShare: z.number() }),
  updatedAt: z.string().nullable(),
  updatedBy: z.string().nullable().optional(),
});
export type SettingsDocument = z.infer<typeof settingsDocumentSchema>;

export const settingsAnswerSchema = z.object({
  connection: connectionSchema,
  settings: settingsDocumentSchema,
});
export type SettingsAnswer = z.infer<typeof settingsAnswerSchema>;

/**
 * PATCH answers "the settings after the change": the document itself, or `{ settings, changed }` as the org
 * settings route answers; both read as the document.
 */
export const patchAnswerSchema = z.union([
  z
    .object({ settings: settingsDocumentSchema, changed: z.array(z.string()) })
    .transform((answer) => answer.settings),
  settingsDocumentSchema,
]);

const counts = z.object({ accounts: z.number(), scored: z.number(), ready: z.number(), errors: z.number() });

/** A dry run started in the background (`POST /v1/hubspot/dry-run`, 202): follow it in the last runs. */
export const dryRunStartedSchema = z.object({
  runId: z.string(),
  status: z.literal('running'),
  dryRun: z.literal(true),
});
export type DryRunStarted = z.infer<typeof dryRunStartedSchema>;

const readiness = z.enum(['ready', 'nurture', 'caution', 'not_ready']);

/** What a finished dry run would change (`GET /v1/hubspot/runs/{runId}/preview`). */
export const runPreviewSchema = z.object({
  runId: z.string(),
  scored: z.number(),
  changed: z.number(),
  newlyReady: z.number(),
  examples: z.array(
    z.object({
      companyId: z.string(),
      name: z.string(),
      readiness,
      previousReadiness: readiness.nullable(),
      score: z.number(),
      previousScore: z.number().nullable(),
    }),
  ),
});
export type RunPreview = z.infer<typeof runPreviewSchema>;

export const runSchema = z.object({
  id: z.string(),
  status: z.string(),
  dryRun: z.boolean(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  counts,
  apiCalls: z.number(),
  apiCallLimit: z.number().nullable(),
  failureReason: z.string().nullable(),
  errors: z.array(
    z.object({ record: z.string(), recordId: z.string(), field: z.string(), message: z.string() }),
  ),
});
export type Run = z.infer<typeof runSchema>;
export const runsAnswerSchema = z.array(runSchema);
