import type { Sandbox } from '../sandbox/sandbox.ts';
import { extractFeatures, labelExpansion, type FeatureVector } from '../model/features.ts';
import { trainScoringModel, type ScoringModel } from '../model/scoring-model.ts';
import { addDays } from './dates.ts';

export interface TrainedModel {
  model: ScoringModel;
  description: string;
  rows: number;
  positives: number;
}

export interface HistoryRow {
  accountId: string;
  /** The account's index in the sandbox: its rows form one group in validation. */
  group?: number;
  /** The day the features describe. */
  observedOn: string;
  features: FeatureVector;
  label: 0 | 1;
  /** Days before asOf, negated: larger is later, for time-ordered validation. */
  time: number;
}

interface HistoryOptions {
  progress?: { start(total: number, label: string): void; update(done: number): void; stop(): void };
  /** Accounts sampled (a stride over the portfolio). */
  sampleSize?: number;
  horizonDays?: number;
  /** Observation dates, in days before `asOf`; each must leave the full horizon before asOf. */
  lookbacks?: number[];
  /** Accounts (by sandbox index) whose history is left out: those the model will be evaluated on. */
  excluded?: (index: number) => boolean;
}

/**
 * The org's labelled history as it was known on `asOf`: features from the CRM's view on past dates t, labels
 * from expansions that closed in (t, t + horizon] — all before asOf, so nothing that had not happened yet leaks in.
 */
export function* sandboxHistory(
  sandbox: Sandbox,
  asOf: string,
  options: HistoryOptions = {},
): Generator<HistoryRow> {
  const horizonDays = options.horizonDays ?? 90;
  const lookbacks = (options.lookbacks ?? [90, 120, 150, 180, 210, 240, 270]).filter((d) => d >= horizonDays);
  const total = sandbox.options.accounts;
  const sampleSize = Math.min(total, options.sampleSize ?? 1500);
  const stride = total / sampleSize;
  options.progress?.start(sampleSize, 'reading the history');
  for (let k = 0; k < sampleSize; k += 1) {
    const index = Math.floor(k * stride);
    if (options.excluded?.(index)) {
      options.progress?.update(k + 1);
      continue;
    }
    const known = sandbox.snapshotAt(index, asOf);
    for (const lookback of lookbacks) {
      const t = addDays(asOf, -lookback);
      if (sandbox.customerSince(index) > t) continue; // not a customer yet on that day
      const snapshot = sandbox.snapshotAt(index, t);
      yield {
        accountId: snapshot.account.id,
        group: index,
        observedOn: t,
        features: extractFeatures(snapshot, t),
        label: labelExpansion(known, t, horizonDays) ? 1 : 0,
        time: -lookback,
      };
    }
    options.progress?.update(k + 1);
  }
  options.progress?.stop();
}

/**
 * Trains the org's model on its own labelled history as it was known on `asOf`. Its inner validation is
 * time-ordered with the label's horizon as a gap (rows 30 days apart would otherwise share an expansion
 * between a training label and a validation label), each account's rows being one group.
 */
export function trainSandboxModel(
  sandbox: Sandbox,
  asOf: string,
  options: HistoryOptions = {},
): TrainedModel {
  const rows = [...sandboxHistory(sandbox, asOf, options)];
  const model = trainScoringModel(rows, {
    seed: sandbox.options.seed,
    horizon: options.horizonDays ?? 90,
  });
  const positives = rows.reduce((n, r) => n + r.label, 0);
  return {
    model,
    rows: rows.length,
    positives,
    description: `${model.describe()}, trained on ${rows.length} rows (${positives} expansions)`,
  };
}
