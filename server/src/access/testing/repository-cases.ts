import { secret } from '../../config/secret.ts';
import { createSecretsRepository } from '../../secrets/index.ts';
import type { OrgTransaction } from '../../store/org-scope.ts';
import { makeVerdict } from '../../store/testing/verdict.fixture.ts';
import { seedKeyring, type SeededOrg } from './seed-orgs.ts';

/** A module's exports, called without static types: the table must not break when a module is absent. */
export type ModuleExports = Record<string, unknown>;
type Call = (module: ModuleExports, tx: OrgTransaction, target: SeededOrg) => Promise<unknown>;

/**
 * How the cross-org suite calls one repository function with another org's ids.
 * - `read`: as the target org itself (rolled back) the call must return the target's data — proof
 *   the arguments are right — and as the attacker, nothing of it. `control: 'succeeds'` when the
 *   result carries no id to recognise.
 * - `write`: as the target it must succeed (rolled back) — or, `control: 'conflicts'`, hit the
 *   target's existing row — and as the attacker it must change nothing.
 * - `not-org-scoped`: pure functions and factories, with the reason.
 */
export type RepositoryCase =
  | { kind: 'read'; call: Call; control?: 'fingerprint' | 'succeeds' }
  | { kind: 'write'; call: Call; control?: 'succeeds' | 'conflicts' }
  | { kind: 'not-org-scoped'; reason: string };

type Fn = (...args: unknown[]) => Promise<unknown>;

/** The named export as a function; a missing one fails the case loudly. */
export function fn(module: ModuleExports, name: string): Fn {
  const value = module[name];
  if (typeof value !== 'function') throw new Error(`${name} is not an exported function`);
  return value as Fn;
}

const read = (call: Call, control: 'fingerprint' | 'succeeds' = 'fingerprint'): RepositoryCase => ({
  kind: 'read',
  call,
  control,
});
const write = (call: Call, control: 'succeeds' | 'conflicts' = 'succeeds'): RepositoryCase => ({
  kind: 'write',
  call,
  control,
});
const secrets = (module: ModuleExports) =>
  fn(module, 'createSecretsRepository')(seedKeyring) as unknown as Promise<Record<string, Fn>>;
const tokenSet = {
  accessToken: secret('eve-access'),
  refreshToken: secret('eve-refresh'),
  expiresAt: new Date('2026-10-01T12:00:00Z'),
  instance: 'https://eve.example',
  scopes: ['api'],
};
const outcome = {
  counts: { accounts: 1, scored: 1, ready: 0, errors: 0 },
  durations: {},
  apiCalls: 0,
  apiCallLimit: null,
  tokens: 0,
};

/**
 * One entry per exported function of every `*.repository.ts` / `*.reader.ts` under server/src, keyed
 * `<path from server/src>#<export>`. The suite fails for a function without an entry: add yours.
 */
export const repositoryCases: Record<string, RepositoryCase> = {
  // store
  'store/orgs.repository.ts#createOrg': write(
    (m, tx) => fn(m, 'createOrg')(tx, { name: 'twin', crm: 'sandbox' }),
    'conflicts',
  ),
  'store/orgs.repository.ts#getOrg': read((m, tx) => fn(m, 'getOrg')(tx)),
  'store/orgs.repository.ts#updateOrgSettings': write((m, tx) =>
    fn(m, 'updateOrgSettings')(tx, { config: { composite: { readyScore: 99 } } }),
  ),
  'store/runs.repository.ts#startRun': write((m, tx) => fn(m, 'startRun')(tx)),
  'store/runs.repository.ts#finishRun': write((m, tx, t) => fn(m, 'finishRun')(tx, t.runningRunId, outcome)),
  'store/runs.repository.ts#failRun': write((m, tx, t) => fn(m, 'failRun')(tx, t.runningRunId, 'stopped')),
  'store/runs.repository.ts#getRun': read((m, tx, t) => fn(m, 'getRun')(tx, t.runId)),
  'store/runs.repository.ts#listRecentRuns': read((m, tx) => fn(m, 'listRecentRuns')(tx)),
  'store/runs.repository.ts#recordRunErrors': write((m, tx, t) =>
    fn(m, 'recordRunErrors')(tx, t.runId, [{ record: 'account', recordId: 'x', field: 'y', message: 'z' }]),
  ),
  'store/runs.repository.ts#listRunErrors': read((m, tx, t) => fn(m, 'listRunErrors')(tx, t.runId)),
  'store/verdicts.repository.ts#saveVerdicts': write((m, tx, t) =>
    fn(m, 'saveVerdicts')(tx, t.runningRunId, [
      makeVerdict({ accountId: t.accountId, readiness: 'not_ready' }),
    ]),
  ),
  'store/verdicts.repository.ts#historyOf': read((m, tx, t) => fn(m, 'historyOf')(tx, t.accountId)),
  'store/verdicts.repository.ts#latestStates': read((m, tx) => fn(m, 'latestStates')(tx)),
  'store/verdicts.repository.ts#latestStateOf': read((m, tx, t) => fn(m, 'latestStateOf')(tx, t.accountId)),
  'store/orgs.repository.ts#setOrgExternalId': write((m, tx) => fn(m, 'setOrgExternalId')(tx, '999999999')),
  'store/feedback.repository.ts#recordFeedback': write((m, tx, t) =>
    fn(m, 'recordFeedback')(tx, { accountId: t.accountId, kind: 'approve', actor: 'eve' }),
  ),
  'store/feedback.repository.ts#listFeedback': read((m, tx, t) => fn(m, 'listFeedback')(tx, t.accountId)),
  'store/models.repository.ts#saveModel': write((m, tx) =>
    fn(m, 'saveModel')(tx, { trainedAt: new Date(), model: {}, metrics: {} }),
  ),
  'store/models.repository.ts#latestModel': read((m, tx) => fn(m, 'latestModel')(tx)),

  // access
  'access/members.repository.ts#addMember': write((m, tx) =>
    fn(m, 'addMember')(tx, { email: 'eve@attacker.example', name: 'Eve', role: 'admin' }),
  ),
  'access/members.repository.ts#listMembers': read((m, tx) => fn(m, 'listMembers')(tx)),
  'access/members.repository.ts#getMember': read((m, tx, t) => fn(m, 'getMember')(tx, t.memberId)),
  'access/members.repository.ts#updateMember': write((m, tx, t) =>
    fn(m, 'updateMember')(tx, t.memberId, { role: 'admin', name: 'Eve' }),
  ),
  'access/members.repository.ts#removeMember': write((m, tx, t) => fn(m, 'removeMember')(tx, t.memberId)),
  'access/members.repository.ts#countAdmins': read((m, tx) => fn(m, 'countAdmins')(tx), 'succeeds'),
  'access/members.repository.ts#findMemberByEmail': read((m, tx, t) =>
    fn(m, 'findMemberByEmail')(tx, t.adminEmail),
  ),
  'access/api-keys.repository.ts#createApiKey': write((m, tx, t) =>
    fn(m, 'createApiKey')(tx, { memberId: t.memberId, name: 'eve', scopes: ['admin'] }),
  ),
  'access/api-keys.repository.ts#listApiKeys': read((m, tx) => fn(m, 'listApiKeys')(tx)),
  'access/api-keys.repository.ts#getApiKey': read((m, tx, t) => fn(m, 'getApiKey')(tx, t.keyId)),
  'access/api-keys.repository.ts#revokeApiKey': write((m, tx, t) => fn(m, 'revokeApiKey')(tx, t.keyId)),
  'access/api-keys.repository.ts#touchApiKey': write((m, tx, t) => fn(m, 'touchApiKey')(tx, t.keyId)),

  // audit
  'audit/audit.repository.ts#recordAudit': write((m, tx) =>
    fn(m, 'recordAudit')(tx, { actor: 'eve', action: 'config.updated', target: 'rules' }),
  ),
  'audit/audit.repository.ts#listAudit': read((m, tx) => fn(m, 'listAudit')(tx), 'succeeds'),

  // secrets
  'secrets/secrets.repository.ts#createSecretsRepository': read(async (m, tx, t) =>
    (await secrets(m)).getSecret?.(tx, t.secretName),
  ),
  'secrets/secrets.repository.ts#listSecretEntries': read(
    (m, tx) => fn(m, 'listSecretEntries')(tx),
    'succeeds',
  ),
  'secrets/secrets.repository.ts#sealSecret': {
    kind: 'not-org-scoped',
    reason: 'pure: encrypts a value in memory',
  },
  'secrets/secrets.repository.ts#openSecret': {
    kind: 'not-org-scoped',
    reason: 'pure: decrypts a value in memory',
  },
  'secrets/data-keys.repository.ts#activeDataKey': read(
    (m, tx) => fn(m, 'activeDataKey')(tx, seedKeyring),
    'succeeds',
  ),
  'secrets/data-keys.repository.ts#dataKeyVersion': read(
    (m, tx) => fn(m, 'dataKeyVersion')(tx, seedKeyring, 1),
    'succeeds',
  ),
  'secrets/data-keys.repository.ts#latestDataKeyVersion': read(
    (m, tx) => fn(m, 'latestDataKeyVersion')(tx),
    'succeeds',
  ),
  'secrets/data-keys.repository.ts#addDataKeyVersion': write((m, tx) =>
    fn(m, 'addDataKeyVersion')(tx, seedKeyring),
  ),
  'secrets/data-keys.repository.ts#rewrapDataKeys': write((m, tx) =>
    fn(m, 'rewrapDataKeys')(tx, seedKeyring),
  ),
  'secrets/data-keys.repository.ts#retireUnusedDataKeys': write((m, tx) =>
    fn(m, 'retireUnusedDataKeys')(tx, 99),
  ),

  // connections
  'connectors/connections/connections.repository.ts#getConnection': read((m, tx) =>
    fn(m, 'getConnection')(tx),
  ),
  'connectors/connections/connections.repository.ts#upsertConnection': write((m, tx) =>
    fn(m, 'upsertConnection')(tx, { crm: 'hubspot', settings: {} }),
  ),
  'connectors/connections/connections.repository.ts#setConnectionStatus': write((m, tx) =>
    fn(m, 'setConnectionStatus')(tx, { status: 'error', reason: 'eve' }),
  ),
  'connectors/connections/connections.repository.ts#recordInstance': write((m, tx) =>
    fn(m, 'recordInstance')(tx, { instance: '999999999', scopes: ['eve'] }),
  ),
  'connectors/connections/connections.repository.ts#recordTokens': write((m, tx) =>
    fn(m, 'recordTokens')(tx, createSecretsRepository(seedKeyring), tokenSet),
  ),
  'connectors/connections/connections.repository.ts#readTokens': read(
    (m, tx) => fn(m, 'readTokens')(tx, createSecretsRepository(seedKeyring)),
    'succeeds',
  ),
  'connectors/connections/connections.repository.ts#revokeConnection': write((m, tx) =>
    fn(m, 'revokeConnection')(tx, createSecretsRepository(seedKeyring), 'eve'),
  ),
  'connectors/connections/connections.repository.ts#getSyncCursor': read((m, tx) =>
    fn(m, 'getSyncCursor')(tx, 'accounts'),
  ),
  'connectors/connections/connections.repository.ts#setSyncCursor': write((m, tx) =>
    fn(m, 'setSyncCursor')(tx, 'accounts', { modifiedAt: '2026-10-01T00:00:00.000Z', id: 'eve' }),
  ),
  'connectors/connections/oauth-states.repository.ts#createOAuthState': write((m, tx, t) =>
    fn(m, 'createOAuthState')(tx, {
      memberId: t.adminMemberId,
      crm: 'hubspot',
      redirectUri: 'https://eve.example/callback',
      now: new Date(),
    }),
  ),

  // settings
  'settings/settings.repository.ts#readSettingsRow': read(
    (m, tx) => fn(m, 'readSettingsRow')(tx),
    'succeeds',
  ),
  'settings/settings.repository.ts#writeSettingsRow': write((m, tx) =>
    fn(m, 'writeSettingsRow')(tx, {
      fieldMapping: {},
      schedule: null,
      channels: {},
      sync: {},
      updatedBy: 'eve',
    }),
  ),

  // usage
  'usage/usage-points.repository.ts#upsertUsagePoints': write((m, tx, t) =>
    fn(m, 'upsertUsagePoints')(tx, [
      { accountId: t.accountId, metric: 'seats', kind: 'seats_used', day: '2026-09-30', value: 1 },
    ]),
  ),
  'usage/usage-series.reader.ts#usageSeriesFor': read(
    (m, tx) => fn(m, 'usageSeriesFor')(tx, ['acc-1'], '2026-09-01'),
    'succeeds',
  ),

  // jobs
  'night/checkpoint.repository.ts#emptyTally': { kind: 'not-org-scoped', reason: 'pure: a zero tally' },
  'night/checkpoint.repository.ts#createCheckpoint': write((m, tx, t) =>
    fn(m, 'createCheckpoint')(tx, {
      runId: t.runningRunId,
      asOf: '2026-10-01',
      batchSize: 10,
      owner: 'eve',
      leaseMs: 60_000,
    }),
  ),
  'night/checkpoint.repository.ts#getCheckpoint': read((m, tx, t) =>
    fn(m, 'getCheckpoint')(tx, t.seededRunId),
  ),
  'night/checkpoint.repository.ts#claimLease': write((m, tx, t) =>
    fn(m, 'claimLease')(tx, t.seededRunId, 'eve', 60_000),
  ),
  'night/checkpoint.repository.ts#renewLease': write((m, tx, t) =>
    fn(m, 'renewLease')(tx, t.seededRunId, 'eve', 60_000),
  ),
  'night/checkpoint.repository.ts#releaseLease': write((m, tx, t) =>
    fn(m, 'releaseLease')(tx, t.seededRunId, 'eve'),
  ),
  'night/checkpoint.repository.ts#expireLease': write((m, tx, t) =>
    fn(m, 'expireLease')(tx, t.seededRunId, 'eve'),
  ),
  'night/checkpoint.repository.ts#commitBatch': write((m, tx, t) =>
    fn(m, 'commitBatch')(tx, t.seededRunId, 'eve', 60_000, {
      batchIndex: 0,
      lastAccountId: 'x',
      tally: (m.emptyTally as () => unknown)(),
    }),
  ),
  'night/checkpoint.repository.ts#lockForBatch': write((m, tx, t) =>
    fn(m, 'lockForBatch')(tx, t.seededRunId, 'eve', 0),
  ),
  'night/checkpoint.repository.ts#lockLease': write((m, tx, t) =>
    fn(m, 'lockLease')(tx, t.seededRunId, 'eve'),
  ),
  'night/night-runs.repository.ts#startNightRun': write((m, tx) =>
    fn(m, 'startNightRun')(tx, { dryRun: false, nightDate: '2026-10-02' }),
  ),
  'night/night-runs.repository.ts#findNightRun': read(
    (m, tx) => fn(m, 'findNightRun')(tx, '2026-10-01'),
    'succeeds',
  ),
  'night/night-runs.repository.ts#getNightRun': read((m, tx, t) => fn(m, 'getNightRun')(tx, t.runId)),
  'night/night-runs.repository.ts#topVerdictsOfRun': read((m, tx, t) =>
    fn(m, 'topVerdictsOfRun')(tx, t.runId),
  ),
  'night/night-runs.repository.ts#nightStartCursor': read(
    (m, tx) => fn(m, 'nightStartCursor')(tx, { usageIngested: true }),
    'succeeds',
  ),
  'night/night-runs.repository.ts#recordApiUsage': write((m, tx, t) =>
    fn(m, 'recordApiUsage')(tx, t.runId, { calls: { reads: 1 } }),
  ),
  'night/feedback-labels.repository.ts#feedbackTrainingRows': read(
    (m, tx) => fn(m, 'feedbackTrainingRows')(tx, '2030-01-01'),
    'succeeds',
  ),
  'night/human-values.repository.ts#recordHumanValues': write((m, tx, t) =>
    fn(m, 'recordHumanValues')(
      tx,
      [
        {
          accountId: t.accountId,
          human: {
            status: 'approved',
            adjustedPotential: null,
            rejectionReason: null,
            snoozedUntil: null,
            changedBy: 'eve',
            changedAt: null,
          },
        },
      ],
      new Date(),
    ),
  ),
  'night/human-values.repository.ts#readHumanValues': read(
    (m, tx, t) => fn(m, 'readHumanValues')(tx, t.accountId),
    'succeeds',
  ),
  'night/human-values.repository.ts#keepHumanValues': write((m, tx, t) =>
    fn(m, 'keepHumanValues')(
      tx,
      t.accountId,
      {
        status: 'rejected',
        adjustedPotential: null,
        rejectionReason: 'eve',
        snoozedUntil: null,
        changedBy: 'eve',
        changedAt: null,
      },
      new Date(),
    ),
  ),
  'writeback/written-state.repository.ts#loadOwnWrites': read(
    (m, tx) => fn(m, 'loadOwnWrites')(tx),
    'succeeds',
  ),
  'writeback/written-state.repository.ts#loadWrittenStates': read(
    (m, tx, t) => fn(m, 'loadWrittenStates')(tx, [t.accountId]),
    'succeeds',
  ),
  'writeback/written-state.repository.ts#saveWrittenStates': write((m, tx, t) =>
    fn(m, 'saveWrittenStates')(tx, new Map([[t.accountId, { fields: { score: 1 } }]])),
  ),
  'night/org-sandbox.repository.ts#getSandboxSettings': read(
    (m, tx) => fn(m, 'getSandboxSettings')(tx),
    'succeeds',
  ),
  'night/org-sandbox.repository.ts#setSandboxSettings': write((m, tx) => fn(m, 'setSandboxSettings')(tx, {})),
  'writeback/outbox.repository.ts#enqueueWritebacks': write((m, tx, t) =>
    fn(m, 'enqueueWritebacks')(tx, t.runId, [{ accountId: t.accountId, payload: {} }]),
  ),
  'writeback/outbox.repository.ts#listPendingWritebacks': read((m, tx) => fn(m, 'listPendingWritebacks')(tx)),
  'writeback/outbox.repository.ts#listRunWritebacks': read((m, tx, t) =>
    fn(m, 'listRunWritebacks')(tx, t.seededRunId),
  ),
  'writeback/outbox.repository.ts#markWritebacks': write((m, tx, t) =>
    fn(m, 'markWritebacks')(tx, [
      { runId: t.seededRunId, accountId: 'acc-1', status: 'failed', lastError: 'eve' },
    ]),
  ),
};
