import { randomBytes, randomUUID } from 'node:crypto';
import { recordAudit } from '../../audit/index.ts';
import { createMasterKeyring, createSecretsRepository } from '../../secrets/index.ts';
import type { OrgTransaction } from '../../store/index.ts';

/** What the seeders of one org share: ids of rows later rows reference. */
interface SeedState {
  runId?: string;
  memberId?: string;
}

export interface TableSeeder {
  table: string;
  seed(tx: OrgTransaction, state: SeedState): Promise<void>;
}

const keyring = createMasterKeyring({ seed: randomBytes(32) }, 'seed');
const secrets = createSecretsRepository(keyring);

/** The secret value every seeded org stores: tests look for it in the export and the tables. */
export function seededSecretValue(orgId: string): string {
  return `seeded-refresh-token-of-${orgId}`;
}

/**
 * One row (at least) for every table that holds an org's data, in an order that respects foreign
 * keys. The data-rights suite fails for a table that has no seeder here: add one with your table.
 */
export const tableSeeders: TableSeeder[] = [
  {
    table: 'runs',
    seed: async (tx, state) => {
      const { rows } = await tx.query<{ id: string }>(`insert into runs (org_id) values ($1) returning id`, [
        tx.orgId,
      ]);
      state.runId = rows[0]?.id;
    },
  },
  {
    table: 'run_errors',
    seed: (tx, { runId }) =>
      run(
        tx,
        `insert into run_errors (org_id, run_id, record, record_id, field, message)
         values ($1, $2, 'account', 'acc-1', 'arr', 'not a number')`,
        [runId],
      ),
  },
  {
    table: 'verdicts',
    seed: (tx, { runId }) =>
      run(
        tx,
        `insert into verdicts (org_id, run_id, account_id, as_of, readiness, score, probability,
           expected_value, verdict, evidence_hash)
         values ($1, $2, 'acc-1', '2026-10-01', 'ready', 80, 0.8, 1000, $3::jsonb, 'h1')`,
        [runId, JSON.stringify({ accountId: 'acc-1', org: tx.orgId })],
      ),
  },
  {
    table: 'account_states',
    seed: (tx, { runId }) =>
      run(
        tx,
        `insert into account_states (org_id, account_id, last_run_id, as_of, readiness, score, probability,
           expected_value, verdict, evidence_hash)
         values ($1, 'acc-1', $2, '2026-10-01', 'ready', 80, 0.8, 1000, '{}', 'h1')`,
        [runId],
      ),
  },
  {
    table: 'feedback',
    seed: (tx) =>
      run(
        tx,
        `insert into feedback (org_id, account_id, kind, actor) values ($1, 'acc-1', 'approve', 'ann')`,
      ),
  },
  {
    table: 'models',
    seed: (tx) => run(tx, `insert into models (org_id, trained_at, model) values ($1, now(), '{"w": [1]}')`),
  },
  {
    table: 'members',
    seed: async (tx, state) => {
      const { rows } = await tx.query<{ id: string }>(
        `insert into members (org_id, email, name, role) values ($1, 'admin@acme.example', 'Ann', 'admin')
         returning id`,
        [tx.orgId],
      );
      state.memberId = rows[0]?.id;
    },
  },
  {
    table: 'api_keys',
    seed: (tx, { memberId }) =>
      run(
        tx,
        `insert into api_keys (org_id, member_id, name, prefix, hash, scopes)
         values ($1, $2, 'admin key', 'ripe_1b2c3d4e', $3, array['read', 'write', 'admin'])`,
        [memberId, randomBytes(32)],
      ),
  },
  {
    // createOrg made the row; the seeder gives it an instance and scopes.
    table: 'connections',
    seed: (tx) =>
      run(
        tx,
        `insert into connections (org_id, crm, instance, scopes, status, status_reason)
         select id, crm, 'https://acme.my.salesforce.example', array['api'], 'error', 'seeded'
         from orgs where id = $1
         on conflict (org_id) do update set instance = excluded.instance, scopes = excluded.scopes`,
      ),
  },
  {
    table: 'sync_cursors',
    seed: (tx) =>
      run(tx, `insert into sync_cursors (org_id, object, cursor) values ($1, 'accounts', $2::jsonb)`, [
        JSON.stringify({ modifiedAt: '2026-09-30T00:00:00.000Z', id: randomUUID() }),
      ]),
  },
  {
    table: 'oauth_states',
    seed: (tx, { memberId }) =>
      run(
        tx,
        `insert into oauth_states (org_id, state_hash, member_id, crm, redirect_uri, expires_at)
         values ($1, $2, $3, 'hubspot', 'https://ripe.example/v1/oauth/hubspot/callback',
                 now() + interval '10 minutes')`,
        [randomBytes(32), memberId],
      ),
  },
  {
    table: 'org_settings',
    seed: (tx) =>
      run(tx, `insert into org_settings (org_id, schedule) values ($1, '{"timeZone": "Europe/Paris"}')`),
  },
  {
    table: 'usage_points',
    seed: (tx) =>
      run(
        tx,
        `insert into usage_points (org_id, account_external_id, metric, kind, day, value)
         values ($1, 'acc-1', 'seats', 'seats_used', '2026-09-30', 42)`,
      ),
  },
  {
    table: 'night_checkpoints',
    seed: (tx, { runId }) =>
      run(
        tx,
        `insert into night_checkpoints (org_id, run_id, as_of, batch_size) values ($1, $2, '2026-10-01', 100)`,
        [runId],
      ),
  },
  {
    table: 'writebacks',
    seed: (tx, { runId }) =>
      run(tx, `insert into writebacks (org_id, run_id, account_id, payload) values ($1, $2, 'acc-1', '{}')`, [
        runId,
      ]),
  },
  {
    table: 'written_state',
    seed: (tx) =>
      run(
        tx,
        `insert into written_state (org_id, account_id, state) values ($1, 'acc-1', '{"fields": {"score": 71}}')`,
      ),
  },
  {
    table: 'crm_human_values',
    seed: (tx) =>
      run(
        tx,
        `insert into crm_human_values (org_id, account_id, status, changed_by) values ($1, 'acc-1', 'approved', 'eve')`,
      ),
  },
  {
    table: 'secrets',
    seed: (tx) => secrets.putSecret(tx, 'salesforce.refresh_token', seededSecretValue(tx.orgId)),
  },
  {
    // Written with the first secret above; listed so the suite knows it is covered.
    table: 'org_data_keys',
    seed: async () => {},
  },
  {
    table: 'audit_log',
    seed: async (tx) => {
      await recordAudit(tx, { actor: 'cli', action: 'config.updated', target: 'rules' });
    },
  },
];

async function run(tx: OrgTransaction, sql: string, params: unknown[] = []): Promise<void> {
  await tx.query(sql, [tx.orgId, ...params]);
}
