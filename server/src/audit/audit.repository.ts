import type { OrgTransaction } from '../store/index.ts';
import { redactDetails } from './audit-details.ts';

/**
 * What happened, `<subject>.<verb in the past>`. Add yours here when a route records a new action;
 * the table accepts any name of that shape.
 */
export const auditActions = [
  'org.created',
  'org.exported',
  'config.updated',
  'price_book.updated',
  'settings.updated',
  'feedback.recorded',
  'member.added',
  'member.updated',
  'member.removed',
  'api_key.created',
  'api_key.revoked',
  'connection.connected',
  'connection.disconnected',
  'secret.updated',
  'secret.deleted',
  'data_key.rotated',
  'run.requested',
  'sandbox.updated',
] as const;
export type AuditAction = (typeof auditActions)[number];

/** A member id, or `system` (the night, the scheduler) or `cli` (an operator's command). */
export type AuditActor = string;

export interface NewAuditEntry {
  actor: AuditActor;
  action: AuditAction;
  /** What was acted on, e.g. an account id, an API key id, `price_book`. */
  target?: string;
  /** What changed; values under secret-sounding keys are redacted before they are stored. */
  details?: Record<string, unknown>;
}

export interface AuditEntry {
  /** Increasing: a later entry has a greater id. */
  id: string;
  at: Date;
  actor: AuditActor;
  action: AuditAction;
  target: string | null;
  details: Record<string, unknown>;
}

export interface AuditPage {
  entries: AuditEntry[];
  /** Pass as `before` for the next (older) page; null on the last page. */
  nextBefore: string | null;
}

interface AuditRow {
  id: string;
  at: Date;
  actor: string;
  action: AuditAction;
  target: string | null;
  details: Record<string, unknown>;
}

const auditColumns = 'id::text as id, at, actor, action, target, details';

/** Appends one entry to the org's audit log, in the caller's transaction: it commits with the change. */
export async function recordAudit(tx: OrgTransaction, entry: NewAuditEntry): Promise<AuditEntry> {
  const { rows } = await tx.query<AuditRow>(
    `insert into audit_log (org_id, actor, action, target, details)
     values ($1, $2, $3, $4, $5::jsonb)
     returning ${auditColumns}`,
    [
      tx.orgId,
      entry.actor,
      entry.action,
      entry.target ?? null,
      JSON.stringify(redactDetails(entry.details ?? {})),
    ],
  );
  const [row] = rows;
  if (!row) throw new Error('The audit insert returned no row');
  return row;
}

/** The org's entries, newest first, `limit` at a time; `before` is the previous page's `nextBefore`. */
export async function listAudit(
  tx: OrgTransaction,
  options: { limit?: number; before?: string } = {},
): Promise<AuditPage> {
  const limit = Math.min(Math.max(options.limit ?? 50, 1), 1000);
  if (options.before !== undefined && !/^\d{1,18}$/.test(options.before)) {
    throw new Error(`An audit cursor is an entry id, got "${options.before}"`);
  }
  const { rows } = await tx.query<AuditRow>(
    `select ${auditColumns} from audit_log
     where org_id = $1 and ($2::bigint is null or id < $2::bigint)
     order by id desc
     limit $3`,
    [tx.orgId, options.before ?? null, limit + 1],
  );
  const entries = rows.slice(0, limit);
  return { entries, nextBefore: rows.length > limit ? (entries.at(-1)?.id ?? null) : null };
}
