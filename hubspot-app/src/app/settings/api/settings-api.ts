// The settings page's calls to the backend.
import {
  dryRunAnswerSchema,
  patchAnswerSchema,
  runsAnswerSchema,
  settingsAnswerSchema,
  type DryRunAnswer,
  type Run,
  type SettingsAnswer,
  type SettingsDocument,
} from './settings-contract.ts';
import type { ApiResult, RipeClient } from './ripe-client.ts';

export interface SettingsApi {
  load(): Promise<ApiResult<SettingsAnswer>>;
  save(mergePatch: Record<string, unknown>): Promise<ApiResult<SettingsDocument>>;
  dryRun(): Promise<ApiResult<DryRunAnswer>>;
  runs(): Promise<ApiResult<Run[]>>;
}

export const runsShown = 10;

export function settingsApi(client: RipeClient): SettingsApi {
  return {
    load: () => client.request(settingsAnswerSchema, '/v1/hubspot/settings'),
    save: (mergePatch) =>
      client.request(patchAnswerSchema, '/v1/hubspot/settings', { method: 'PATCH', body: mergePatch }),
    dryRun: () => client.request(dryRunAnswerSchema, '/v1/hubspot/dry-run', { method: 'POST' }),
    runs: () => client.request(runsAnswerSchema, `/v1/hubspot/runs?limit=${runsShown}`),
  };
}
