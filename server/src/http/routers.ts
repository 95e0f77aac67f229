import type { RouterFactory } from './router-deps.ts';
import { accountsRouter } from './routes/accounts.routes.ts';
import { apiKeysRouter } from './routes/api-keys.routes.ts';
import { auditRouter } from './routes/audit.routes.ts';
import { configRouter } from './routes/config.routes.ts';
import { connectionsRouter } from './routes/connections.routes.ts';
import { dataRightsRouter } from './routes/export.routes.ts';
import { feedbackRouter } from './routes/feedback.routes.ts';
import { hubspotRouter } from './routes/hubspot.routes.ts';
import { membersRouter } from './routes/members.routes.ts';
import { openApiRouter } from './routes/openapi.routes.ts';
import { orgsRouter } from './routes/orgs.routes.ts';
import { runHistoryRouter } from './routes/run-history.routes.ts';
import { runsTriggerRouter } from './routes/runs-trigger.routes.ts';
import { sandboxRouter } from './routes/sandbox.routes.ts';
import { secretsRouter } from './routes/secrets.routes.ts';
import { usageRouter } from './routes/usage.routes.ts';

/**
 * Every router of the API, mounted under `/v1` in this order. Add yours here: one line, a factory
 * building its routes with `apiRouter(deps, [...])` so they appear in /v1/openapi.json and are
 * covered by the cross-org suite.
 */
export const routers: RouterFactory[] = [
  openApiRouter,
  orgsRouter,
  membersRouter,
  apiKeysRouter,
  runHistoryRouter,
  runsTriggerRouter,
  accountsRouter,
  feedbackRouter,
  auditRouter,
  secretsRouter,
  dataRightsRouter,
  configRouter,
  usageRouter,
  connectionsRouter,
  sandboxRouter,
  hubspotRouter,
];
