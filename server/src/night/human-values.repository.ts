import type { HumanOwnedValues, PulledAccount } from '../connectors/crm-connector.ts';
import type { OrgTransaction } from '../store/org-scope.ts';

interface HumanRow {
  account_id: string;
  status: HumanOwnedValues['status'];
  adjusted_potential: number | null;
  rejection_reason: string | null;
  snoozed_until: string | null;
}

const feedbackKinds = {
  approved: 'approve',
  adjusted: 'adjust',
  rejected: 'reject',
  snoozed: 'snooze',
  won: 'won',
  lost: 'lost',
} as const;

/**
 * Keeps the human-owned values as pulled, and turns each change the account team made in the CRM (approve,
 * adjust, reject, snooze, won, lost) into a feedback row with who and when, as if made through the API.
 * Returns how many feedback rows were added.
 */
export async function recordHumanValues(
  tx: OrgTransaction,
  accounts: readonly PulledAccount[],
  now: Date,
): Promise<number> {
  if (accounts.length === 0) return 0;
  const { rows } = await tx.query<HumanRow>(
    `select account_id, status, adjusted_potential, rejection_reason, snoozed_until::text
     from crm_human_values where org_id = $1 and account_id = any($2::text[])`,
    [tx.orgId, accounts.map((account) => account.accountId)],
  );
  const previous = new Map(rows.map((row) => [row.account_id, row]));
  const feedback = accounts.flatMap(({ accountId, human }) => {
    const before = previous.get(accountId);
    const changed =
      before?.status !== human.status ||
      (before?.adjusted_potential ?? null) !== human.adjustedPotential ||
      (before?.snoozed_until ?? null) !== human.snoozedUntil;
    if (!changed || human.status === null || human.status === 'new') return [];
    const kind = feedbackKinds[human.status];
    if (kind === 'adjust' && human.adjustedPotential === null) return [];
    if (kind === 'snooze' && human.snoozedUntil === null) return [];
    return [
      {
        accountId,
        kind,
        adjustedPotential: kind === 'adjust' ? human.adjustedPotential : null,
        reason: kind === 'reject' ? (human.rejectionReason ?? 'rejected in the CRM, no reason given') : null,
        snoozedUntil: kind === 'snooze' ? human.snoozedUntil : null,
        actor: human.changedBy ?? 'crm',
        createdAt: human.changedAt ?? now.toISOString(),
      },
    ];
  });
  if (feedback.length > 0) {
    await tx.query(
      `insert into feedback (org_id, account_id, kind, adjusted_potential, reason, snoozed_until, actor, created_at, source)
       select $1, f."accountId", f.kind, f."adjustedPotential", f.reason, f."snoozedUntil", f.actor, f."createdAt", 'crm'
       from jsonb_to_recordset($2::jsonb) as f("accountId" text, kind text, "adjustedPotential" double precision,
         reason text, "snoozedUntil" date, actor text, "createdAt" timestamptz)`,
      [tx.orgId, JSON.stringify(feedback)],
    );
  }
  await tx.query(
    `insert into crm_human_values (org_id, account_id, status, adjusted_potential, rejection_reason, snoozed_until,
       changed_by, changed_at, pulled_at)
     select $1, h."accountId", h.status, h."adjustedPotential", h."rejectionReason", h."snoozedUntil", h."changedBy",
       h."changedAt", $3
     from jsonb_to_recordset($2::jsonb) as h("accountId" text, status text, "adjustedPotential" double precision,
       "rejectionReason" text, "snoozedUntil" date, "changedBy" text, "changedAt" timestamptz)
     on conflict (org_id, account_id) do update set status = excluded.status,
       adjusted_potential = excluded.adjusted_potential, rejection_reason = excluded.rejection_reason,
       snoozed_until = excluded.snoozed_until, changed_by = excluded.changed_by, changed_at = excluded.changed_at,
       pulled_at = excluded.pulled_at`,
    [tx.orgId, JSON.stringify(accounts.map(({ accountId, human }) => ({ accountId, ...human }))), now],
  );
  return feedback.length;
}

/** The human-owned values Ripe last knew the CRM to hold for an account; undefined when it knows none. */
export async function readHumanValues(
  tx: OrgTransaction,
  accountId: string,
): Promise<HumanOwnedValues | undefined> {
  const { rows } = await tx.query<HumanRow & { changed_by: string | null; changed_at: Date | null }>(
    `select account_id, status, adjusted_potential, rejection_reason, snoozed_until::text, changed_by, changed_at
     from crm_human_values where org_id = $1 and account_id = $2`,
    [tx.orgId, accountId],
  );
  const row = rows[0];
  if (!row) return undefined;
  return {
    status: row.status,
    adjustedPotential: row.adjusted_potential,
    rejectionReason: row.rejection_reason,
    snoozedUntil: row.snoozed_until,
    changedBy: row.changed_by,
    changedAt: row.changed_at?.toISOString() ?? null,
  };
}

/**
 * Records values Ripe itself just wrote to the CRM (a decision made on the card, already recorded as
 * feedback): the next night pulls them back unchanged and adds no second feedback row for them.
 */
export async function keepHumanValues(
  tx: OrgTransaction,
  accountId: string,
  values: HumanOwnedValues,
  now: Date,
): Promise<void> {
  await tx.query(
    `insert into crm_human_values (org_id, account_id, status, adjusted_potential, rejection_reason, snoozed_until,
       changed_by, changed_at, pulled_at)
     values ($1, $2, $3, $4, $5, $6::date, $7, $8, $9)
     on conflict (org_id, account_id) do update set status = excluded.status,
       adjusted_potential = excluded.adjusted_potential, rejection_reason = excluded.rejection_reason,
       snoozed_until = excluded.snoozed_until, changed_by = excluded.changed_by, changed_at = excluded.changed_at,
       pulled_at = excluded.pulled_at`,
    [
      tx.orgId,
      accountId,
      values.status,
      values.adjustedPotential,
      values.rejectionReason,
      values.snoozedUntil,
      values.changedBy,
      values.changedAt,
      now,
    ],
  );
}
