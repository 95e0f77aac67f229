import type { OrgTransaction } from './org-scope.ts';
import { firstRow } from './rows.ts';

/**
 * A trained scoring model of one org. The store keeps the model and its metrics as JSON and does
 * not know their shape: the model module parses what it reads back.
 */
export interface ModelRecord {
  id: string;
  trainedAt: Date;
  model: unknown;
  metrics: unknown;
  createdAt: Date;
}

export interface NewModel {
  trainedAt: Date;
  model: unknown;
  metrics: unknown;
}

interface ModelRow {
  id: string;
  trained_at: Date;
  model: unknown;
  metrics: unknown;
  created_at: Date;
}

const modelColumns = 'id::text, trained_at, model, metrics, created_at';

export async function saveModel(tx: OrgTransaction, model: NewModel): Promise<ModelRecord> {
  const { rows } = await tx.query<ModelRow>(
    `insert into models (org_id, trained_at, model, metrics)
     values ($1, $2::timestamptz, $3::jsonb, $4::jsonb)
     returning ${modelColumns}`,
    [tx.orgId, model.trainedAt.toISOString(), JSON.stringify(model.model), JSON.stringify(model.metrics)],
  );
  return toModel(firstRow(rows));
}

/** The most recently trained model, if any. */
export async function latestModel(tx: OrgTransaction): Promise<ModelRecord | undefined> {
  const { rows } = await tx.query<ModelRow>(
    `select ${modelColumns} from models where org_id = $1 order by trained_at desc, created_at desc limit 1`,
    [tx.orgId],
  );
  return rows[0] ? toModel(rows[0]) : undefined;
}

function toModel(row: ModelRow): ModelRecord {
  return {
    id: row.id,
    trainedAt: row.trained_at,
    model: row.model,
    metrics: row.metrics,
    createdAt: row.created_at,
  };
}
