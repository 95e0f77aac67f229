// What the HubSpot app calls with `hubspot.fetch` (docs/hubspot-app-api.md): the expansion card of a company
// and the decisions made on it, and the app's settings page. Every route is signed by HubSpot
// (X-HubSpot-Signature-v3) and served for the org connected to the caller's portal.
import { boundedDay, RipeError } from '@ripe/shared';
import { z } from 'zod';
import { recordAudit } from '../../audit/audit.repository.ts';
import { callWithAuth } from '../../connectors/call-with-auth.ts';
import { getConnection } from '../../connectors/connections/connections.repository.ts';
import type { HumanOwnedValues } from '../../connectors/crm-connector.ts';
import { defaultConnectors } from '../../night/connector-resolver.ts';
import { keepHumanValues, readHumanValues } from '../../night/human-values.repository.ts';
import { queueOrgRun } from '../../night/queue-run.ts';
import { loadOrgStage } from '../../night/stages/load-org.stage.ts';
import { createSecretsRepository, keyringFromConfig } from '../../secrets/index.ts';
import { getOrgSettings, patchOrgSettings } from '../../settings/settings.service.ts';
import { recordFeedback, type NewFeedback } from '../../store/feedback.repository.ts';
import { getRun, listRecentRuns, listRunErrors } from '../../store/runs.repository.ts';
import { previewOfRun, runPreviewSchema } from '../hubspot/run-preview.ts';
import { latestStateOf } from '../../store/verdicts.repository.ts';
import { apiRouter } from '../api/api-router.ts';
import { defineHubSpotRoute } from '../api/api-route.ts';
import { limitQuery, timestamp } from '../api/schemas.ts';
import { cardDecisionSchema, cardSchema, cardView, decisionOf } from '../hubspot/card-view.ts';
import type { RouterDeps, RouterFactory } from '../router-deps.ts';
import { launchRun } from './runs-trigger.routes.ts';
import { orgSettingsResponse, settingsChangeResponse, settingsDocument } from './config.routes.ts';
import { runErrorSchema, runSchema } from './run-history.routes.ts';

const tags = ['hubspot'];
const noParams = z.object({});
const companyQuery = {
  objectId: z
    .string()
    .regex(/^\d{1,20}$/, { error: 'must be a HubSpot record id' })
    .meta({ description: "The company's HubSpot record id (the card's context.crm.objectId)" }),
};

const reason = z.string().min(1).max(2_000);
const decisionBody = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('approve'), reason: reason.optional() }),
  z.strictObject({
    kind: z.literal('adjust'),
    adjustedPotential: z.number().nonnegative().max(1e12),
    reason: reason.optional(),
  }),
  z.strictObject({ kind: z.literal('reject'), reason }),
  z.strictObject({ kind: z.literal('snooze'), snoozedUntil: boundedDay(), reason: reason.optional() }),
]);
type Decision = z.infer<typeof decisionBody>;

const statusOf = { approve: 'approved', adjust: 'adjusted', reject: 'rejected', snooze: 'snoozed' } as const;

/** The human-owned values a decision leaves on the company. */
function valuesAfter(decision: Decision, actor: string, now: Date): HumanOwnedValues {
  return {
    status: statusOf[decision.kind],
    adjustedPotential: decision.kind === 'adjust' ? decision.adjustedPotential : null,
    rejectionReason: decision.kind === 'reject' ? decision.reason : null,
    snoozedUntil: decision.kind === 'snooze' ? decision.snoozedUntil : null,
    changedBy: actor,
    changedAt: now.toISOString(),
  };
}

/** Writes the human-owned properties of one company in the org's CRM now; a refusal is the caller's error. */
async function writeDecision(
  deps: RouterDeps,
  orgId: string,
  companyId: string,
  values: HumanOwnedValues,
): Promise<void> {
  const { org } = await loadOrgStage(deps.db, orgId);
  const connector = (deps.resolveConnector ?? defaultConnectors)(org, new Date().toISOString().slice(0, 10));
  const fields = {
    status: values.status,
    adjusted_potential: values.adjustedPotential,
    rejection_reason: values.rejectionReason,
    snoozed_until: values.snoozedUntil,
  };
  const written = await callWithAuth(connector, () =>
    connector.applyWrites([{ kind: 'account_fields', accountId: companyId, fields }]),
  );
  if (!written.ok) {
    throw new RipeError(
      'connector_unavailable',
      `HubSpot did not take the decision, nothing was recorded: ${written.error.message}`,
    );
  }
  const outcome = written.value[0];
  if (outcome && !outcome.ok) {
    throw new RipeError(
      'invalid_request',
      `HubSpot refused the decision on company ${companyId}: ${outcome.message}`,
      {
        issues: outcome.fields.map((field) => ({
          record: 'company',
          recordId: companyId,
          field,
          message: outcome.message,
        })),
      },
    );
  }
}

const feedbackResult = z
  .object({
    feedback: z.object({
      id: z.uuid(),
      kind: z.enum(['approve', 'adjust', 'reject', 'snooze']),
      actor: z.string(),
      createdAt: timestamp(),
    }),
    decision: cardDecisionSchema,
  })
  .meta({ id: 'HubSpotCardFeedback' });

const connectionSchema = z.object({
  status: z.enum(['connected', 'expired', 'revoked', 'error', 'not_connected']),
  statusReason: z.string().nullable(),
  portalId: z.string().nullable(),
  scopes: z.array(z.string()),
  connectedAt: timestamp().nullable(),
});

const runWithErrors = runSchema.extend({ errors: z.array(runErrorSchema) }).meta({ id: 'HubSpotRun' });

export const hubspotRouter: RouterFactory = (deps) => {
  const keyring = keyringFromConfig(deps.config.secrets);
  const secrets = keyring ? createSecretsRepository(keyring) : undefined;

  const card = defineHubSpotRoute({
    method: 'get',
    path: '/hubspot/card',
    summary: "The expansion card of a company: its latest verdict, the team's decision, its usage chart",
    tags,
    role: 'member',
    params: noParams,
    query: z.object(companyQuery),
    response: cardSchema,
    handler: ({ withOrg, query }) =>
      withOrg(async (tx) =>
        cardView(
          query.objectId,
          await latestStateOf(tx, query.objectId),
          await readHumanValues(tx, query.objectId),
          new Date(),
        ),
      ),
  });

  const feedback = defineHubSpotRoute({
    method: 'post',
    path: '/hubspot/card/feedback',
    summary: 'Approve, adjust, reject or snooze a company’s verdict from the card',
    description:
      'Writes the human-owned company properties in HubSpot at once, then records the feedback; the night never ' +
      'writes those properties. When HubSpot refuses, nothing is recorded.',
    tags,
    role: 'member',
    params: noParams,
    query: z.object(companyQuery),
    body: decisionBody,
    bodyExample: { kind: 'adjust', adjustedPotential: 18_000, reason: 'Budget frozen until Q3' },
    status: 201,
    response: feedbackResult,
    handler: async ({ withOrg, orgId, query, body, caller }) => {
      const known = await withOrg((tx) => latestStateOf(tx, query.objectId));
      if (!known) throw new RipeError('not_found', `Ripe has not scored company ${query.objectId} yet`);
      const now = new Date();
      const values = valuesAfter(body, caller.userEmail, now);
      await writeDecision(deps, orgId, query.objectId, values);
      return withOrg(async (tx) => {
        const recorded = await recordFeedback(tx, {
          ...body,
          accountId: query.objectId,
          actor: caller.userEmail,
        } as NewFeedback);
        await keepHumanValues(tx, query.objectId, values, now);
        await recordAudit(tx, {
          actor: caller.memberId,
          action: 'feedback.recorded',
          target: query.objectId,
          details: { kind: recorded.kind, feedbackId: recorded.id, via: 'hubspot' },
        });
        return { feedback: recorded, decision: decisionOf(values) };
      });
    },
  });

  const settings = defineHubSpotRoute({
    method: 'get',
    path: '/hubspot/settings',
    summary: "The app's settings page: the connection and its scopes, and the org's settings",
    tags,
    role: 'member',
    params: noParams,
    response: z
      .object({ connection: connectionSchema, settings: orgSettingsResponse })
      .meta({ id: 'HubSpotSettings' }),
    handler: ({ withOrg }) =>
      withOrg(async (tx) => {
        const connection = await getConnection(tx);
        return {
          connection: connection
            ? {
                status: connection.status,
                statusReason: connection.statusReason,
                portalId: connection.instance,
                scopes: connection.scopes,
                connectedAt: connection.connectedAt,
              }
            : {
                status: 'not_connected' as const,
                statusReason: null,
                portalId: null,
                scopes: [],
                connectedAt: null,
              },
          settings: await getOrgSettings(tx),
        };
      }),
  });

  const patchSettings = defineHubSpotRoute({
    method: 'patch',
    path: '/hubspot/settings',
    summary: 'Changes part of the settings from the app (JSON merge patch), validated with the rest (admins)',
    description:
      'As PATCH /v1/orgs/{orgId}/settings: a bad document answers 400 `invalid_config` whose issues name each ' +
      'field at fault (`rules.composite.readyScore`), and nothing changes.',
    tags,
    role: 'admin',
    params: noParams,
    body: settingsDocument('A JSON merge patch of the settings document'),
    bodyExample: {
      rules: { composite: { readyScore: 65 } },
      schedule: { timeOfDay: '03:00', timeZone: 'UTC' },
    },
    response: settingsChangeResponse,
    handler: ({ withOrg, body, caller }) =>
      withOrg((tx) => patchOrgSettings(tx, body, { actor: caller.memberId, secrets })),
  });

  const dryRun = defineHubSpotRoute({
    method: 'post',
    path: '/hubspot/dry-run',
    summary: 'What would tonight write? Starts a dry run (admins); follow it in GET /hubspot/runs',
    description:
      'Scores every account as tonight would and records the run, but changes no verdict and writes nothing to ' +
      'HubSpot. One on-demand run at a time (409 while one is in progress).',
    tags,
    role: 'admin',
    params: noParams,
    status: 202,
    response: z.object({ runId: z.uuid(), status: z.literal('running'), dryRun: z.literal(true) }),
    handler: async ({ orgId, req }) => {
      const queued = await queueOrgRun(deps.db, orgId, {
        asOf: new Date().toISOString().slice(0, 10),
        dryRun: true,
      });
      req.log?.info({ orgId, runId: queued.runId }, 'dry run queued from HubSpot');
      launchRun(deps, orgId, queued.runId);
      return { runId: queued.runId, status: 'running' as const, dryRun: true as const };
    },
  });

  const runs = defineHubSpotRoute({
    method: 'get',
    path: '/hubspot/runs',
    summary: 'The last runs, newest first, with their API usage and their first errors',
    tags,
    role: 'member',
    params: noParams,
    query: z.object({ limit: limitQuery(10, 50) }),
    response: z.array(runWithErrors),
    handler: ({ withOrg, query }) =>
      withOrg(async (tx) => {
        const recent = await listRecentRuns(tx, query.limit);
        return Promise.all(
          recent.map(async (run) => ({ ...run, errors: await listRunErrors(tx, run.id, 20) })),
        );
      }),
  });

  const preview = defineHubSpotRoute({
    method: 'get',
    path: '/hubspot/runs/:runId/preview',
    summary:
      "What a (dry) run would change on companies: verdicts that differ from tonight's, newly ready first",
    description:
      "Compares the run's verdicts with the companies' latest ones: each company whose readiness or score would " +
      'change is a write of its Ripe properties, each one that would become ready also gets a task for its CSM.',
    tags,
    role: 'member',
    params: z.object({ runId: z.uuid() }),
    query: z.object({ limit: limitQuery(20, 200) }),
    response: runPreviewSchema,
    handler: ({ withOrg, params, query }) =>
      withOrg(async (tx) => {
        const run = await getRun(tx, params.runId);
        if (!run) throw new RipeError('not_found', 'Run not found');
        return previewOfRun(tx, params.runId, query.limit);
      }),
  });

  return apiRouter(deps, [card, feedback, settings, patchSettings, dryRun, runs, preview]);
};
