import type { OrgTransaction } from './org-scope.ts';
import { firstRow } from './rows.ts';

export type FeedbackKind = 'approve' | 'adjust' | 'reject' | 'snooze';

/** A human decision on an account's verdict; each kind carries what it needs. */
export type NewFeedback = { accountId: string; actor: string; reason?: string } & (
  | { kind: 'approve' }
  | { kind: 'adjust'; adjustedPotential: number }
  | { kind: 'reject'; reason: string }
  | { kind: 'snooze'; snoozedUntil: string }
);

export interface Feedback {
  id: string;
  accountId: string;
  kind: FeedbackKind;
  adjustedPotential: number | null;
  reason: string | null;
  /** ISO date. */
  snoozedUntil: string | null;
  actor: string;
  createdAt: Date;
}

interface FeedbackRow {
  id: string;
  account_id: string;
  kind: FeedbackKind;
  adjusted_potential: number | null;
  reason: string | null;
  snoozed_until: string | null;
  actor: string;
  created_at: Date;
}

const feedbackColumns =
  'id::text, account_id, kind, adjusted_potential, reason, snoozed_until::text, actor, created_at';

export async function recordFeedback(tx: OrgTransaction, feedback: NewFeedback): Promise<Feedback> {
  const { rows } = await tx.query<FeedbackRow>(
    `insert into feedback (org_id, account_id, kind, adjusted_potential, reason, snoozed_until, actor)
     values ($1, $2, $3, $4, $5, $6::date, $7)
     returning ${feedbackColumns}`,
    [
      tx.orgId,
      feedback.accountId,
      feedback.kind,
      feedback.kind === 'adjust' ? feedback.adjustedPotential : null,
      feedback.reason ?? null,
      feedback.kind === 'snooze' ? feedback.snoozedUntil : null,
      feedback.actor,
    ],
  );
  return toFeedback(firstRow(rows));
}

/** The account's feedback, newest first. */
export async function listFeedback(tx: OrgTransaction, accountId: string, limit = 100): Promise<Feedback[]> {
  const { rows } = await tx.query<FeedbackRow>(
    `select ${feedbackColumns} from feedback
     where org_id = $1 and account_id = $2
     order by created_at desc, id
     limit $3`,
    [tx.orgId, accountId, limit],
  );
  return rows.map(toFeedback);
}

function toFeedback(row: FeedbackRow): Feedback {
  return {
    id: row.id,
    accountId: row.account_id,
    kind: row.kind,
    adjustedPotential: row.adjusted_potential,
    reason: row.reason,
    snoozedUntil: row.snoozed_until,
    actor: row.actor,
    createdAt: row.created_at,
  };
}
