import { z } from 'zod';
import type { OrgTransaction } from '../../store/org-scope.ts';

const readiness = z.enum(['ready', 'nurture', 'caution', 'not_ready']);

export const runPreviewSchema = z
  .object({
    runId: z.uuid(),
    /** Companies the run scored. */
    scored: z.number().int(),
    /** Companies whose readiness or score (rounded) would change: their Ripe properties are written. */
    changed: z.number().int(),
    /** Companies that would become ready: each also gets a task for its CSM. */
    newlyReady: z.number().int(),
    examples: z.array(
      z.object({
        companyId: z.string(),
        name: z.string(),
        readiness,
        previousReadiness: readiness.nullable(),
        score: z.number(),
        previousScore: z.number().nullable(),
      }),
    ),
  })
  .meta({ id: 'HubSpotRunPreview' });
export type RunPreview = z.infer<typeof runPreviewSchema>;

interface PreviewRow {
  account_id: string;
  name: string | null;
  readiness: z.infer<typeof readiness>;
  previous_readiness: z.infer<typeof readiness> | null;
  score: number;
  previous_score: number | null;
  total: string;
  changed: string;
  newly_ready: string;
}

/**
 * What a run would change against the companies' latest verdicts, newly ready companies first, then by the
 * size of the score's move. A dry run's verdicts are compared with what the last real night left.
 */
export async function previewOfRun(tx: OrgTransaction, runId: string, limit: number): Promise<RunPreview> {
  const { rows } = await tx.query<PreviewRow>(
    `with compared as (
       select v.account_id, v.verdict->>'accountName' as name, v.readiness, s.readiness as previous_readiness,
         v.score, s.score as previous_score,
         (s.account_id is null or s.readiness <> v.readiness or round(s.score) <> round(v.score)) as changed,
         (v.readiness = 'ready' and s.readiness is distinct from 'ready') as newly_ready
       from verdicts v
       left join account_states s on s.org_id = v.org_id and s.account_id = v.account_id
       where v.org_id = $1 and v.run_id = $2::uuid
     ),
     totals as (
       select count(*) as total, count(*) filter (where changed) as changed,
         count(*) filter (where newly_ready) as newly_ready
       from compared
     )
     select c.account_id, c.name, c.readiness, c.previous_readiness, c.score, c.previous_score,
       t.total, t.changed, t.newly_ready
     from totals t left join lateral (
       select * from compared where changed
       order by newly_ready desc, abs(score - coalesce(previous_score, 0)) desc, account_id
       limit $3
     ) c on true`,
    [tx.orgId, runId, limit],
  );
  const first = rows[0];
  return {
    runId,
    scored: Number(first?.total ?? 0),
    changed: Number(first?.changed ?? 0),
    newlyReady: Number(first?.newly_ready ?? 0),
    examples: rows
      .filter((row) => row.account_id !== null)
      .map((row) => ({
        companyId: row.account_id,
        name: row.name ?? row.account_id,
        readiness: row.readiness,
        previousReadiness: row.previous_readiness,
        score: row.score,
        previousScore: row.previous_score,
      })),
  };
}
