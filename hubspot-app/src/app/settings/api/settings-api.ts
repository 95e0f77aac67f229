// The settings page's calls to the backend.
import {
  dryRunStartedSchema,
  patchAnswerSchema,
  runPreviewSchema,
  runsAnswerSchema,
  settingsAnswerSchema,
  type DryRunStarted,
  type Run,
  type RunPreview,
  type SettingsAnswer,
  type SettingsDocument,
} from './settings-contract.ts';
import type { ApiResult, RipeClient } from './ripe-client.ts';

export interface SettingsApi {
  load(): Promise<ApiResult<SettingsAnswer>>;
  save(mergePatch: Record<string, unknown>): Promise<ApiResult<SettingsDocument>>;
  dryRun(): Promise<ApiResult<DryRunStarted>>;
  runs(): Promise<ApiResult<Run[]>>;
  preview(runId: string): Promise<ApiResult<RunPreview>>;
}

export const runsShown = 10;

export function settingsApi(client: RipeClient): SettingsApi {
  return {
    load: () => client.request(settingsAnswerSchema, '/v1/hubspot/settings'),
    save: (mergePatch) =>
      client.request(patchAnswerSchema, '/v1/hubspot/settings', { method: 'PATCH', body: mergePatch }),
    dryRun: () => client.request(dryRunStartedSchema, '/v1/hubspot/dry-run', { method: 'POST' }),
    runs: () => client.request(runsAnswerSchema, `/v1/hubspot/runs?limit=${runsShown}`),
    preview: (runId) =>
      client.request(runPreviewSchema, `/v1/hubspot/runs/${encodeURIComponent(runId)}/preview`),
  };
}
