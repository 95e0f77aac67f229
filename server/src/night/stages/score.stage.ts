import { parseAccounts, type FieldIssue, type Verdict } from '@ripe/shared';
import type { PulledAccount } from '../../connectors/crm-connector.ts';
import type { EngineContext } from '../../engine/engine-context.ts';
import { scoreWithFeatures } from '../../engine/score-account.ts';
import type { FeatureVector } from '../../model/features.ts';
import type { ScoringModel } from '../../model/scoring-model.ts';
import type { AccountSnapshot } from '@ripe/shared';

export interface ScoredAccount {
  pulled: PulledAccount;
  snapshot: AccountSnapshot;
  verdict: Verdict;
  features: FeatureVector;
}

/**
 * Validates a pulled batch and scores each valid account (pure, synchronous). A bad record is reported naming
 * the record and the field; an engine failure on one account is reported and costs no other account.
 */
export function scoreStage(
  batch: readonly PulledAccount[],
  ctx: EngineContext,
  model: ScoringModel,
): { scored: ScoredAccount[]; issues: FieldIssue[] } {
  const { valid, issues } = parseAccounts(batch.map((pulled) => pulled.snapshot));
  // What the connector could not read of an account's records; the account itself is scored.
  issues.push(...batch.flatMap((pulled) => pulled.issues ?? []));
  const byId = new Map(batch.map((pulled) => [pulled.accountId, pulled]));
  const scored: ScoredAccount[] = [];
  for (const snapshot of valid) {
    const pulled = byId.get(snapshot.account.id);
    if (!pulled) continue;
    try {
      scored.push({ pulled, snapshot, ...scoreWithFeatures(snapshot, ctx, model) });
    } catch (error) {
      issues.push({
        record: 'account',
        recordId: snapshot.account.id,
        field: '(engine)',
        message: error instanceof Error ? error.message : String(error),
      });
    }
  }
  return { scored, issues };
}
