// Readiness, in four meanings (README, "Readiness"):
//   ready     — a converging expansion case, strong enough, with a motion to propose, nothing serious
//               against it: approach the account now, inside the window.
//   nurture   — an expansion case that is forming: not strong or converging enough yet, no motion it may
//               be sold on yet (too early), or worth less than the org's minimum potential. Keep it warm.
//   caution   — a real expansion case with a serious risk against it (a blocking contradiction: an
//               escalation, a cooling relationship, an alternative being evaluated...). The contradictions
//               are named; resolve them before any pitch.
//   not_ready — no case for expansion now, whatever the risks.
// The case is judged on the evidence for expansion only (positive signals, their convergence, the model),
// so a risk can turn a case into `caution` but never hide it as a quieter `not_ready`.
import type { Contradiction, Motion, OrgConfig, Readiness } from '@ripe/shared';
import type { Convergence } from './convergence.composite.ts';

export interface ReadinessInputs {
  /** The verdict's score: the case less what argues against it (negative signals, contradictions). */
  score: number;
  /** The strength of the expansion case alone (score.composite.ts `caseScore`). */
  caseScore: number;
  convergence: Convergence;
  contradictions: readonly Contradiction[];
  /** The motion the case may be sold on, after the contradictions that block motions. */
  motion: Motion | null;
  config: OrgConfig['composite'];
}

/** Is there a case for expansion now? At least one source points at it, and strongly enough. */
export function hasExpansionCase(
  caseScore: number,
  convergence: Convergence,
  config: OrgConfig['composite'],
): boolean {
  return convergence.sources.length > 0 && caseScore >= config.nurtureScore;
}

export function isSeriousRisk(contradiction: Contradiction): boolean {
  return contradiction.effect === 'block';
}

export function decideReadiness(inputs: ReadinessInputs): Readiness {
  const { score, caseScore, convergence, contradictions, motion, config } = inputs;
  if (!hasExpansionCase(caseScore, convergence, config)) return 'not_ready';
  if (contradictions.some(isSeriousRisk)) return 'caution';
  // `minConvergingTechniques` counts independent sources (see convergence.composite.ts)
  const converges =
    convergence.sources.length >= config.minConvergingTechniques && convergence.nonModelSources >= 1;
  return converges && motion !== null && score >= config.readyScore ? 'ready' : 'nurture';
}

/** A ready account worth less than the org's minimum potential is nurtured, not pitched. */
export function applyMinimumPotential(
  readiness: Readiness,
  potentialArr: number,
  config: OrgConfig['composite'],
): Readiness {
  return readiness === 'ready' && config.minPotential !== undefined && potentialArr < config.minPotential
    ? 'nurture'
    : readiness;
}
