import { defaultOrgConfig } from '@ripe/shared';
import { createSandbox } from '../sandbox/sandbox.ts';
import { scoreAndAssess } from '../engine/score-account.ts';
import { areaUnderRoc, brierScore } from '../model/metrics/index.ts';
import { trainSandboxModel } from './sandbox-training.ts';
import { addDays, daysBetween } from './dates.ts';
import { createRandom, shuffleInPlace } from '../model/random.ts';

export interface EvalOptions {
  accounts: number;
  seed: number;
  endDate: string;
  /** Days between the evaluation date and the sandbox's last day: the future the truth can speak about. */
  futureDays?: number;
  /**
   * Folds over accounts: each account is scored by a model trained on the other folds' accounts only, so
   * no account is both learned from and evaluated. Default 5; 1 trains on every account.
   */
  folds?: number;
  progress?: { start(total: number, label: string): void; update(done: number): void; stop(): void };
}

export interface EvalResult {
  accounts: number;
  asOf: string;
  endDate: string;
  model: string;
  /** Folds over accounts (1: one model trained on every account's history). */
  folds: number;
  /** The label's horizon left as a gap between training and validation rows inside each model's training. */
  horizonDays: number;
  readyCount: number;
  /** Share of `ready` accounts that expanded within `precisionHorizonDays` after the evaluation date. */
  precisionReady: number;
  precisionHorizonDays: number;
  /** Share of the accounts that expanded within 90 days that were `ready` on the evaluation date. */
  recall90d: number;
  expansions90d: number;
  /** Ranking quality of the probability against "expands within 90 days". */
  auc: number;
  brier: number;
  /** Median days between the first `ready` verdict (weekly nights from the evaluation date) and the expansion. */
  medianLeadDays: number | null;
  leadTimesMeasured: number;
}

/** Each account's fold, dealt round-robin after a seeded shuffle. */
function accountFolds(accounts: number, folds: number, seed: number): Int32Array {
  const order = Array.from({ length: accounts }, (_, i) => i);
  shuffleInPlace(order, createRandom(seed * 31 + 5));
  const foldOf = new Int32Array(accounts);
  order.forEach((index, k) => (foldOf[index] = k % folds));
  return foldOf;
}

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? null) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

/**
 * Scores a sandbox as of a past date against its ground truth. Every feature comes from the CRM's view on that
 * date (`snapshotAt`), and the model is trained only on expansions that closed before it, on other accounts
 * than the ones it scores (folds over accounts), with the label's horizon as a gap in its validation.
 */
export function evaluateSandbox(options: EvalOptions): EvalResult {
  const futureDays = options.futureDays ?? 180;
  const sandbox = createSandbox({ accounts: options.accounts, seed: options.seed, endDate: options.endDate });
  const asOf = addDays(options.endDate, -futureDays);
  const folds = Math.max(1, options.folds ?? 5);
  const foldOf = accountFolds(options.accounts, folds, options.seed);
  const models = Array.from({ length: folds }, (_, fold) =>
    trainSandboxModel(sandbox, asOf, {
      progress: options.progress,
      ...(folds > 1 ? { excluded: (index: number) => foldOf[index] === fold } : {}),
    }),
  );
  const modelOf = (index: number) => models[foldOf[index]!]!.model;
  const ctxAt = (now: string) => ({ now, config: defaultOrgConfig, priceBook: sandbox.priceBook });
  const isReadyAt = (index: number, day: string) =>
    scoreAndAssess(sandbox.snapshotAt(index, day), ctxAt(day), modelOf(index)).readiness === 'ready';

  const probabilities: number[] = [];
  const labels90: number[] = [];
  let readyCount = 0;
  let readyHits = 0;
  let expansions90d = 0;
  let recalled = 0;
  const leadTimes: number[] = [];
  options.progress?.start(options.accounts, `evaluating as of ${asOf}`);
  for (let index = 0; index < options.accounts; index += 1) {
    const verdict = scoreAndAssess(sandbox.snapshotAt(index, asOf), ctxAt(asOf), modelOf(index));
    const next = sandbox.truth(index).expansions.find((e) => e.date > asOf);
    const daysToExpansion = next ? daysBetween(asOf, next.date) : Number.POSITIVE_INFINITY;
    const expands90 = daysToExpansion <= 90;
    const ready = verdict.readiness === 'ready';
    probabilities.push(verdict.probability);
    labels90.push(expands90 ? 1 : 0);
    if (ready) {
      readyCount += 1;
      if (daysToExpansion <= futureDays) readyHits += 1;
    }
    if (expands90) {
      expansions90d += 1;
      if (ready) recalled += 1;
    }
    if (next && daysToExpansion <= futureDays) {
      // Weekly nights from the evaluation date up to the expansion: the first `ready` gives the lead time.
      for (let day = asOf; day < next.date; day = addDays(day, 7)) {
        if (day === asOf ? ready : isReadyAt(index, day)) {
          leadTimes.push(daysBetween(day, next.date));
          break;
        }
      }
    }
    options.progress?.update(index + 1);
  }
  options.progress?.stop();
  return {
    accounts: options.accounts,
    asOf,
    endDate: options.endDate,
    model:
      folds > 1
        ? `${models[0]!.description} (one of ${folds}, each without its fold's accounts)`
        : models[0]!.description,
    folds,
    horizonDays: 90,
    readyCount,
    precisionReady: readyCount ? readyHits / readyCount : 0,
    precisionHorizonDays: futureDays,
    recall90d: expansions90d ? recalled / expansions90d : 0,
    expansions90d,
    auc: areaUnderRoc(labels90, probabilities),
    brier: brierScore(labels90, probabilities),
    medianLeadDays: median(leadTimes),
    leadTimesMeasured: leadTimes.length,
  };
}
