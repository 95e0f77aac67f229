import type { OwnWrite } from '../connectors/crm-connector.ts';
import type { OrgTransaction } from '../store/org-scope.ts';
import { emptyWrittenState, type WrittenState } from './written-state.ts';

/** What the CRM last confirmed for these accounts; an account never written gets the empty state. */
export async function loadWrittenStates(
  tx: OrgTransaction,
  accountIds: readonly string[],
): Promise<Map<string, WrittenState>> {
  const states = new Map<string, WrittenState>(accountIds.map((id) => [id, emptyWrittenState]));
  if (accountIds.length === 0) return states;
  const { rows } = await tx.query<{ account_id: string; state: WrittenState }>(
    `select account_id, state from written_state where org_id = $1 and account_id = any($2::text[])`,
    [tx.orgId, accountIds],
  );
  for (const row of rows) states.set(row.account_id, { ...emptyWrittenState, ...row.state });
  return states;
}

export async function saveWrittenStates(
  tx: OrgTransaction,
  states: ReadonlyMap<string, WrittenState>,
): Promise<void> {
  if (states.size === 0) return;
  const items = [...states].map(([accountId, state]) => ({ accountId, state }));
  await tx.query(
    `insert into written_state (org_id, account_id, state)
     select $1, s."accountId", s.state from jsonb_to_recordset($2::jsonb) as s("accountId" text, state jsonb)
     on conflict (org_id, account_id) do update set state = excluded.state, updated_at = now()`,
    [tx.orgId, JSON.stringify(items)],
  );
}

/**
 * Account id → the last-modified instant Ripe's own last write left each account with, and the version it was
 * pulled at, for the night's pull to tell Ripe's writes from a person's (`PullRequest.ownWrites`).
 */
export async function loadOwnWrites(tx: OrgTransaction): Promise<Map<string, OwnWrite>> {
  const { rows } = await tx.query<{ account_id: string; modified_at: string; version: string | null }>(
    `select account_id, state->>'modifiedAt' as modified_at, state->>'pulledVersion' as version
     from written_state where org_id = $1 and state->>'modifiedAt' is not null`,
    [tx.orgId],
  );
  return new Map(
    rows.map((row) => [
      row.account_id,
      row.version === null
        ? { modifiedAt: row.modified_at }
        : { modifiedAt: row.modified_at, version: row.version },
    ]),
  );
}
