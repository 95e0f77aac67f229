import type { Verdict } from '@ripe/shared';
import type { OrgTransaction } from '../store/org-scope.ts';
import type { RunApiUsage, RunStatus } from '../store/runs.repository.ts';
import type { SyncCursor } from '../connectors/crm-connector.ts';
import { getSyncCursor } from '../connectors/connections/connections.repository.ts';

export interface NightRunRef {
  id: string;
  status: RunStatus;
  dryRun: boolean;
  nightDate: string | null;
}

interface NightRunRow {
  id: string;
  status: RunStatus;
  dry_run: boolean;
  night_date: string | null;
}

const columns = 'id::text, status, dry_run, night_date::text';

/**
 * Starts a run; a scheduled night names its `nightDate`. `undefined` when a live (running or
 * succeeded) run of that night exists already: the unique index decides between racing processes.
 */
export async function startNightRun(
  tx: OrgTransaction,
  input: { dryRun: boolean; nightDate?: string },
): Promise<NightRunRef | undefined> {
  const { rows } = await tx.query<NightRunRow>(
    `insert into runs (org_id, dry_run, night_date) values ($1, $2, $3::date)
     on conflict (org_id, night_date) where night_date is not null and status <> 'failed' do nothing
     returning ${columns}`,
    [tx.orgId, input.dryRun, input.nightDate ?? null],
  );
  return rows[0] ? toRef(rows[0]) : undefined;
}

/** The live run of a scheduled night, if any. */
export async function findNightRun(tx: OrgTransaction, nightDate: string): Promise<NightRunRef | undefined> {
  const { rows } = await tx.query<NightRunRow>(
    `select ${columns} from runs where org_id = $1 and night_date = $2::date and status <> 'failed'`,
    [tx.orgId, nightDate],
  );
  return rows[0] ? toRef(rows[0]) : undefined;
}

export async function getNightRun(tx: OrgTransaction, runId: string): Promise<NightRunRef | undefined> {
  const { rows } = await tx.query<NightRunRow>(
    `select ${columns} from runs where org_id = $1 and id = $2::uuid`,
    [tx.orgId, runId],
  );
  return rows[0] ? toRef(rows[0]) : undefined;
}

function toRef(row: NightRunRow): NightRunRef {
  return { id: row.id, status: row.status, dryRun: row.dry_run, nightDate: row.night_date };
}

/** The run's best opportunities, as the ranked list shows them: ready first, then expected value. */
export async function topVerdictsOfRun(tx: OrgTransaction, runId: string, limit = 10): Promise<Verdict[]> {
  const { rows } = await tx.query<{ verdict: Verdict }>(
    `select verdict from verdicts
     where org_id = $1 and run_id = $2::uuid and readiness in ('ready', 'nurture')
     order by readiness = 'ready' desc, expected_value desc, account_id
     limit $3`,
    [tx.orgId, runId, limit],
  );
  return rows.map((row) => row.verdict);
}

/**
 * Where tonight's pull starts: the org's accounts cursor (advanced with each committed batch of a real night),
 * so a night stopped by the API budget or a failure resumes where it stopped, and a finished one pulls only what
 * changed since. Usage ingested since the last real night changes accounts the CRM does not know changed: then
 * every account is pulled.
 */
export async function nightStartCursor(
  tx: OrgTransaction,
  options: { usageIngested?: boolean } = {},
): Promise<SyncCursor> {
  const cursor = await getSyncCursor(tx, accountsCursor);
  if (cursor === null || !options.usageIngested) return cursor;
  const { rows } = await tx.query(
    `select 1 from usage_points where org_id = $1 and received_at >= (
       select max(r.started_at) from runs r join night_checkpoints c on c.org_id = r.org_id and c.run_id = r.id
       where r.org_id = $1 and not r.dry_run and c.batches_committed > 0)
     limit 1`,
    [tx.orgId],
  );
  return rows.length > 0 ? null : cursor;
}

/** The sync cursor of the accounts object: the position of the last account a real night committed. */
export const accountsCursor = 'accounts';

export type ApiUsage = RunApiUsage;

export async function recordApiUsage(tx: OrgTransaction, runId: string, usage: ApiUsage): Promise<void> {
  await tx.query(`update runs set api_usage = $3::jsonb where org_id = $1 and id = $2::uuid`, [
    tx.orgId,
    runId,
    JSON.stringify(usage),
  ]);
}
