// The settings page's words (English; the field labels are in settings-fields.ts).
import type { ApiError } from '../api/ripe-client.ts';

export const messages = {
  loading: 'Loading the settings',
  loadFailed: 'The settings could not be loaded',
  retry: 'Try again',
  connection: 'Connection',
  connectionStatus: {
    connected: 'Connected',
    expired: 'Expired: reconnect',
    revoked: 'Revoked: reconnect',
    error: 'In error',
    not_connected: 'Not connected',
  } as Record<string, string>,
  portal: 'HubSpot account',
  connectedAt: 'Connected on',
  scopes: 'Scopes granted',
  noScopes: 'none',
  fieldMapping: 'Field mapping',
  usageSource: (source: string) => `Usage comes from: ${source}`,
  rules: 'Rule thresholds',
  priceBook: 'Price book',
  noPriceBook:
    'No price book yet: potentials are sized once one is set (PUT /v1/orgs/{orgId}/settings or the CLI).',
  currency: (currency: string) => `Prices in ${currency}`,
  modules: (names: string) => `Modules: ${names}`,
  schedule: 'Schedule',
  nightly: 'Run every night',
  channels: 'Channels',
  webhookConfigured: 'Configured: type a new URL to replace it',
  webhookMissing: 'Not configured',
  sync: 'API use',
  save: 'Save',
  saving: 'Saving',
  saved: 'Settings saved',
  unchanged: 'Nothing to save: no value changed.',
  saveFailed: 'The settings were not saved',
  fixFields: 'Fix the fields marked below.',
  lastSaved: (when: string, by: string | null | undefined) => `Last saved ${when}${by ? ` by ${by}` : ''}`,
  dryRun: 'Dry run',
  dryRunButton: 'What would tonight write?',
  dryRunRunning: 'Scoring every account as tonight would; nothing is written.',
  dryRunStarted: 'The dry run is still running: its result appears in the last runs.',
  dryRunFailed: 'The dry run failed',
  dryRunCounts: (scored: number) => `${scored} companies scored as tonight would; nothing was written.`,
  dryRunWrites: (changed: number, newlyReady: number) =>
    `Tonight would update Ripe's properties on ${changed} companies and create ${newlyReady} tasks for the CSMs.`,
  dryRunMove: (before: string | number | null, after: string | number) =>
    before === null ? `new: ${after}` : before === after ? String(after) : `${before} → ${after}`,
  score: 'Score',
  company: 'Company',
  readiness: 'Readiness',
  changes: 'Changes',
  runs: 'Last runs',
  refresh: 'Refresh',
  noRuns: 'No run yet.',
  runsFailed: 'The last runs could not be loaded',
  started: 'Started',
  status: 'Status',
  kind: 'Kind',
  dryRunKind: 'dry run',
  nightKind: 'night',
  counts: 'Accounts (scored / ready)',
  apiCalls: 'API calls',
  errors: 'Errors',
  noLimit: 'no limit known',
  failure: (reason: string) => `Failed: ${reason}`,
  error: (error: ApiError): string => {
    switch (error.kind) {
      case 'not_configured':
        return 'The app has no backend URL: set RIPE_PUBLIC_URL in the project profile and upload again.';
      case 'network':
        return `Ripe could not be reached (${error.message}).`;
      case 'http':
        return `Ripe answered ${error.status}${error.message ? `: ${error.message}` : ''}.`;
      case 'unexpected_answer':
        return `Ripe's answer was not understood (${error.message}).`;
    }
  },
};
