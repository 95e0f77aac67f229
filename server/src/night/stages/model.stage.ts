import { ConnectorFailure, type CrmConnector } from '../../connectors/crm-connector.ts';
import type { HistoryRow, TrainedModel } from '../../eval/sandbox-training.ts';
import { trainScoringModel } from '../../model/scoring-model.ts';

/** Trains the org's model on the labelled history its CRM holds as of `asOf` (expansions as labels). */
export async function trainFromCrm(connector: CrmConnector, asOf: string, seed = 1): Promise<TrainedModel> {
  const rows = await pullHistoryOnce(connector, asOf);
  const model = trainScoringModel(rows, { seed });
  const positives = rows.reduce((n, row) => n + row.label, 0);
  return {
    model,
    rows: rows.length,
    positives,
    description: `${model.describe()}, trained on ${rows.length} rows (${positives} expansions)`,
  };
}

// An expired session gets one new token, and the history is read again from the start (it is not resumable).
async function pullHistoryOnce(connector: CrmConnector, asOf: string): Promise<HistoryRow[]> {
  for (let attempt = 1; ; attempt += 1) {
    const rows: HistoryRow[] = [];
    try {
      for await (const row of connector.pullHistory(asOf)) rows.push(row);
      return rows;
    } catch (error) {
      if (!(error instanceof ConnectorFailure) || error.error.code !== 'auth_expired' || attempt > 1)
        throw error;
      const renewed = await connector.reauthenticate();
      if (!renewed.ok) throw new ConnectorFailure(renewed.error);
    }
  }
}
