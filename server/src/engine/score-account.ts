// One account, end to end: the six techniques, the composite, the sizing, the window, and the agent for
// the shortlist → a Verdict. Pure: the model and the agent are passed in, `ctx.now` is the only "today".
import type { AccountSnapshot, Potential, TechniqueResult, Verdict } from '@ripe/shared';
import type { ScoringModel } from '../model/scoring-model.ts';
import type { FeatureVector } from '../model/features.ts';
import { priorOnlyModel } from '../model/scoring-model.ts';
import { deterministicAgent } from './agent/deterministic.agent.ts';
import { isShortlisted, type ExpansionAgent } from './agent/expansion-agent.ts';
import { combineTechniques } from './composite/combine.composite.ts';
import { mergeResults } from './composite/merge-results.composite.ts';
import { applyMinimumPotential } from './composite/readiness.composite.ts';
import { expansionWindow, projectedLimitOf } from './composite/window.composite.ts';
import type { EngineContext } from './engine-context.ts';
import { accountContext } from './account-context.ts';
import { noPotential, sizePotential } from './sizing/potential.sizing.ts';
import { businessRulesTechnique } from './techniques/business-rules/business-rules.technique.ts';
import { contactNetworkTechnique } from './techniques/contact-network/contact-network.technique.ts';
import { conversationTechnique } from './techniques/conversation/conversation.technique.ts';
import { crossCheck } from './techniques/cross-check/cross-check.ts';
import { predictiveResult, scoreWithModel } from './techniques/predictive.technique.ts';
import { projectLimit } from './techniques/temporal/limit-projection.ts';
import { temporalTechnique } from './techniques/temporal/temporal.technique.ts';

let coldStartModel: ScoringModel | null = null;

/** The domain prior alone, for an org without a trained model (built once). */
function coldStart(): ScoringModel {
  coldStartModel ??= priorOnlyModel();
  return coldStartModel;
}

export interface ScoreOptions {
  /** The expansion agent for the shortlist; the deterministic one unless told otherwise. */
  agent?: ExpansionAgent;
}

/** The verdict without the agent's assessment: the night runs the agent afterwards, on the shortlist only. */
export function scoreAccount(snapshot: AccountSnapshot, ctx: EngineContext, model?: ScoringModel): Verdict {
  return scoreWithFeatures(snapshot, ctx, model).verdict;
}

/** The verdict and the model's features it rests on (kept so that a later human decision can label them). */
export function scoreWithFeatures(
  snapshot: AccountSnapshot,
  orgCtx: EngineContext,
  model?: ScoringModel,
): { verdict: Verdict; features: FeatureVector } {
  const ctx = accountContext(snapshot, orgCtx);
  const modelScore = scoreWithModel(model ?? coldStart(), snapshot, ctx.now);
  const results: TechniqueResult[] = [
    predictiveResult(modelScore, ctx.now),
    conversationTechnique(snapshot, ctx),
    contactNetworkTechnique(snapshot, ctx),
    businessRulesTechnique(snapshot, ctx),
    temporalTechnique(snapshot, ctx),
  ];
  results.push(crossCheck(snapshot, ctx, results));
  const { signals, evidence, contradictions } = mergeResults(results);
  const outcome = combineTechniques(results, signals, contradictions, ctx.config.composite);
  const { motion } = outcome;

  // sizing and the window cost strings and trend fits: only where someone will read them
  const potential: Potential = motion
    ? sizePotential(motion, snapshot, ctx, evidence)
    : noPotential(ctx.priceBook.currency);
  const readiness = applyMinimumPotential(outcome.readiness, potential.arr, ctx.config.composite);
  // a window is for a motion to propose: an account too early for any motion has none
  const shortlisted = (readiness === 'ready' || readiness === 'nurture') && motion !== null;
  const window = shortlisted
    ? expansionWindow(
        readiness,
        projectedLimitOf(signals, evidence) ?? projectLimit(snapshot, ctx),
        ctx.now,
        ctx.config.window,
        snapshot.contract.renewalDate,
      )
    : null;
  const probability = modelScore.probability;

  const verdict: Verdict = {
    accountId: snapshot.account.id,
    accountName: snapshot.account.name,
    asOf: ctx.now,
    readiness,
    score: outcome.score,
    probability,
    probabilityInterval: modelScore.interval,
    confidence: outcome.confidence,
    motion,
    potential,
    expectedValue: Math.round(potential.arr * probability),
    window,
    signals,
    contradictions,
    evidence,
    techniques: results.map((result) => ({
      technique: result.technique,
      score: result.score,
      confidence: result.confidence,
    })),
    featureContributions: modelScore.contributions,
    agent: null,
  };
  return { verdict, features: modelScore.features };
}

/** The verdict with the agent's assessment for the shortlist, in one synchronous call (files, eval, reports). */
export function scoreAndAssess(
  snapshot: AccountSnapshot,
  ctx: EngineContext,
  model?: ScoringModel,
  options: ScoreOptions = {},
): Verdict {
  const verdict = scoreAccount(snapshot, ctx, model);
  if (isShortlisted(verdict))
    verdict.agent = (options.agent ?? deterministicAgent).assess(
      verdict,
      snapshot,
      accountContext(snapshot, ctx),
    );
  return verdict;
}
