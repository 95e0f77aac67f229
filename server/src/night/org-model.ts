import type { Database } from '../store/database.ts';
import { latestModel, saveModel } from '../store/models.repository.ts';
import { withOrg } from '../store/org-scope.ts';
import { scoringModelFromJson, type ScoringModel } from '../model/scoring-model.ts';
import type { TrainedModel } from '../eval/sandbox-training.ts';

export interface OrgModel {
  model: ScoringModel;
  description: string;
  /** Whether this night trained it (false: the stored model was young enough). */
  trained: boolean;
  trainedAt: Date;
}

export const modelMaxAgeMs = 24 * 60 * 60 * 1000;

/** The org's stored model when it was trained less than a day ago; a new one, trained and stored, otherwise. */
export async function loadOrTrainModel(
  db: Database,
  orgId: string,
  train: () => Promise<TrainedModel>,
  now: Date,
  maxAgeMs = modelMaxAgeMs,
): Promise<OrgModel> {
  const stored = await withOrg(db, orgId, (tx) => latestModel(tx));
  if (stored && now.getTime() - stored.trainedAt.getTime() < maxAgeMs) {
    try {
      const model = scoringModelFromJson(stored.model);
      const { description } = (stored.metrics ?? {}) as { description?: unknown };
      return {
        model,
        description: typeof description === 'string' ? description : model.describe(),
        trained: false,
        trainedAt: stored.trainedAt,
      };
    } catch {
      // A model stored by an older version that no longer parses: train a new one.
    }
  }
  const trained = await train();
  await withOrg(db, orgId, (tx) =>
    saveModel(tx, {
      trainedAt: now,
      model: trained.model.toJSON(),
      metrics: { description: trained.description, rows: trained.rows, positives: trained.positives },
    }),
  );
  return { model: trained.model, description: trained.description, trained: true, trainedAt: now };
}
