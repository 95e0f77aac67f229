import type { CrmConnector } from '../../connectors/crm-connector.ts';
import type { HistoryRow, TrainedModel } from '../../eval/sandbox-training.ts';
import { trainScoringModel } from '../../model/scoring-model.ts';

/** Trains the org's model on the labelled history its CRM holds as of `asOf` (expansions as labels). */
export async function trainFromCrm(connector: CrmConnector, asOf: string, seed = 1): Promise<TrainedModel> {
  const rows: HistoryRow[] = [];
  for await (const row of connector.pullHistory(asOf)) rows.push(row);
  const model = trainScoringModel(rows, { seed });
  const positives = rows.reduce((n, row) => n + row.label, 0);
  return {
    model,
    rows: rows.length,
    positives,
    description: `${model.describe()}, trained on ${rows.length} rows (${positives} expansions)`,
  };
}
