import type { Database } from '../store/database.ts';
import { latestModel, saveModel, type ModelRecord } from '../store/models.repository.ts';
import { withOrg } from '../store/org-scope.ts';
import { priorOnlyModel, scoringModelFromJson, type ScoringModel } from '../model/scoring-model.ts';
import type { TrainedModel } from '../eval/sandbox-training.ts';
import { TrainingDeferred } from './stages/model.stage.ts';

export interface OrgModel {
  model: ScoringModel;
  description: string;
  /** Whether this night trained it. */
  trained: boolean;
  trainedAt: Date | null;
  /** Younger than a day: no need to train tonight. */
  fresh: boolean;
  /** Why training was put off tonight, when it was. */
  deferred?: 'budget' | 'daily_limit';
}

export const modelMaxAgeMs = 24 * 60 * 60 * 1000;

/** The org's stored model (any age; `fresh` says whether it is younger than a day), or the domain prior. */
export async function storedModel(
  db: Database,
  orgId: string,
  now: Date,
  maxAgeMs = modelMaxAgeMs,
): Promise<OrgModel> {
  const stored = await withOrg(db, orgId, (tx) => latestModel(tx));
  // A model stored by an older version that no longer parses counts as none.
  const parsed = stored ? parseStored(stored) : undefined;
  if (!stored || !parsed) {
    return {
      model: priorOnlyModel(),
      description: 'domain prior only',
      trained: false,
      trainedAt: null,
      fresh: false,
    };
  }
  return {
    ...parsed,
    trained: false,
    trainedAt: stored.trainedAt,
    fresh: now.getTime() - stored.trainedAt.getTime() < maxAgeMs,
  };
}

/** Trains the org's model and stores it; when the history cannot be read tonight, the current model stays. */
export async function trainAndStore(
  db: Database,
  orgId: string,
  train: () => Promise<TrainedModel>,
  now: Date,
  current: OrgModel,
): Promise<OrgModel> {
  let trained: TrainedModel;
  try {
    trained = await train();
  } catch (error) {
    if (!(error instanceof TrainingDeferred)) throw error;
    return { ...current, description: `${current.description} (${error.message})`, deferred: error.reason };
  }
  await withOrg(db, orgId, (tx) =>
    saveModel(tx, {
      trainedAt: now,
      model: trained.model.toJSON(),
      metrics: { description: trained.description, rows: trained.rows, positives: trained.positives },
    }),
  );
  return {
    model: trained.model,
    description: trained.description,
    trained: true,
    trainedAt: now,
    fresh: true,
  };
}

function parseStored(stored: ModelRecord): { model: ScoringModel; description: string } | undefined {
  try {
    const model = scoringModelFromJson(stored.model);
    const { description } = (stored.metrics ?? {}) as { description?: unknown };
    return { model, description: typeof description === 'string' ? description : model.describe() };
  } catch {
    return undefined;
  }
}
