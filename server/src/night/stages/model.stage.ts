import { ConnectorFailure, type CrmConnector } from '../../connectors/crm-connector.ts';
import type { HistoryRow, TrainedModel } from '../../eval/sandbox-training.ts';
import { trainScoringModel } from '../../model/scoring-model.ts';

/**
 * Trains the org's model on the labelled history its CRM holds as of `asOf` (expansions as labels), and on the
 * account team's decisions on earlier verdicts (won, lost, rejected).
 */
export async function trainFromCrm(
  connector: CrmConnector,
  asOf: string,
  seed = 1,
  maxCalls: number | null = null,
  feedbackRows: readonly HistoryRow[] = [],
): Promise<TrainedModel> {
  const rows = [...(await pullHistoryOnce(connector, asOf, maxCalls)), ...feedbackRows];
  // labels look 90 days ahead of their row: validation leaves that gap between training and validation rows
  const model = trainScoringModel(rows, { seed, horizon: 90 });
  const positives = rows.reduce((n, row) => n + row.label, 0);
  return {
    model,
    rows: rows.length,
    positives,
    description:
      `${model.describe()}, trained on ${rows.length} rows (${positives} expansions` +
      `${feedbackRows.length > 0 ? `, ${feedbackRows.length} from the account team's decisions` : ''})`,
  };
}

// An expired session gets one new token, and the history is read again from the start (it is not resumable).
// The budget and the daily limit defer training: the night goes on with the model the org has.
async function pullHistoryOnce(
  connector: CrmConnector,
  asOf: string,
  maxCalls: number | null,
): Promise<HistoryRow[]> {
  for (let attempt = 1; ; attempt += 1) {
    const rows: HistoryRow[] = [];
    try {
      const before = connector.calls();
      for await (const row of connector.pullHistory(asOf)) {
        const calls = connector.calls();
        const used = calls.reads + calls.writes - before.reads - before.writes;
        if (maxCalls !== null && used >= maxCalls) throw new TrainingDeferred('budget');
        rows.push(row);
      }
      return rows;
    } catch (error) {
      if (error instanceof ConnectorFailure && error.error.code === 'daily_limit') {
        throw new TrainingDeferred('daily_limit');
      }
      if (!(error instanceof ConnectorFailure) || error.error.code !== 'auth_expired' || attempt > 1)
        throw error;
      const renewed = await connector.reauthenticate();
      if (!renewed.ok) throw new ConnectorFailure(renewed.error);
    }
  }
}

/** The history could not be read tonight (the API budget or the daily limit): the night uses the model it has. */
export class TrainingDeferred extends Error {
  constructor(readonly reason: 'budget' | 'daily_limit') {
    super(
      `Training deferred: the ${reason === 'budget' ? "night's API budget" : 'daily API limit'} does not allow reading the history`,
    );
    this.name = 'TrainingDeferred';
  }
}
