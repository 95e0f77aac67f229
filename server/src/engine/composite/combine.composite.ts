// The composite: six technique results in, readiness, score, motion and confidence out.
import type {
  Contradiction,
  Motion,
  OrgConfig,
  Readiness,
  Signal,
  TechniqueName,
  TechniqueResult,
} from '@ripe/shared';
import { measureConvergence, type EvidenceSource } from './convergence.composite.ts';
import { chooseMotion } from './motion.composite.ts';
import { decideReadiness, hasExpansionCase } from './readiness.composite.ts';
import { caseScore, compositeScore, techniqueWeights } from './score.composite.ts';

export interface CompositeOutcome {
  readiness: Readiness;
  /** 0..100 */
  score: number;
  /** 0..100: the strength of the expansion case alone, before anything that argues against it. */
  caseScore: number;
  /** Whether there is a case for expansion now: `not_ready` exactly when there is none. */
  hasCase: boolean;
  /** 0..1 */
  confidence: number;
  /** Null when nothing points at a motion it may be sold on, or the account is `not_ready`. */
  motion: Motion | null;
  convergingTechniques: TechniqueName[];
  /** Independent sources among them: usage, conversations, relationship, model. */
  convergingSources: EvidenceSource[];
}

/**
 * Confidence in the verdict: the techniques' own confidences (weighted as in the score), discounted
 * when few independent sources agree and for each contradiction left unresolved.
 */
export function compositeConfidence(
  results: readonly TechniqueResult[],
  convergingCount: number,
  minConverging: number,
  contradictionCount: number,
): number {
  let weighted = 0;
  let totalWeight = 0;
  for (const result of results) {
    const weight = techniqueWeights[result.technique];
    weighted += weight * result.confidence;
    totalWeight += weight;
  }
  const dataConfidence = totalWeight > 0 ? weighted / totalWeight : 0;
  const agreement = Math.min(1, convergingCount / (minConverging + 1));
  const unresolved = Math.pow(0.9, contradictionCount);
  return Math.round(dataConfidence * (0.5 + 0.5 * agreement) * unresolved * 1000) / 1000;
}

export function combineTechniques(
  results: readonly TechniqueResult[],
  signals: readonly Signal[],
  contradictions: readonly Contradiction[],
  config: OrgConfig['composite'],
): CompositeOutcome {
  const convergence = measureConvergence(results);
  const converging = convergence.sources.length;
  const score = compositeScore(results, converging, contradictions);
  const strength = caseScore(results, converging);
  const hasCase = hasExpansionCase(strength, convergence, config);
  const motion = hasCase ? chooseMotion(signals, contradictions) : null;
  const readiness = decideReadiness({
    score,
    caseScore: strength,
    convergence,
    contradictions,
    motion,
    config,
  });
  return {
    readiness,
    score,
    caseScore: strength,
    hasCase,
    confidence: compositeConfidence(
      results,
      converging,
      config.minConvergingTechniques,
      contradictions.length,
    ),
    motion,
    convergingTechniques: convergence.techniques,
    convergingSources: convergence.sources,
  };
}
