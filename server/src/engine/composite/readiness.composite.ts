// Readiness from the score, the convergence and the contradictions. Convergence gates `ready`: one
// isolated signal (or the model alone) never makes an alert, and a blocking contradiction never does.
import type { Contradiction, OrgConfig, Readiness, Signal } from '@ripe/shared';
import type { Convergence } from './convergence.composite.ts';

export interface ReadinessInputs {
  score: number;
  convergence: Convergence;
  signals: readonly Signal[];
  contradictions: readonly Contradiction[];
  config: OrgConfig['composite'];
}

/** Usage signals come from the techniques that read the usage series. */
function hasPositiveUsageSignal(signals: readonly Signal[]): boolean {
  for (const signal of signals) {
    if (signal.polarity !== 'positive') continue;
    if (signal.technique === 'business_rules' || signal.technique === 'temporal') return true;
  }
  return false;
}

export function decideReadiness(inputs: ReadinessInputs): Readiness {
  const { score, convergence, signals, contradictions, config } = inputs;
  let blocked = false;
  let cooling = false;
  for (const contradiction of contradictions) {
    if (contradiction.effect === 'block') blocked = true;
    if (contradiction.code === 'rising_usage_cooling_relationship') cooling = true;
  }
  // rising usage with a cooling relationship: the demand is there, the relationship is not
  if (cooling && hasPositiveUsageSignal(signals)) return 'caution';

  const converging = convergence.sources.length;
  if (converging === 0) return 'not_ready';
  // `minConvergingTechniques` counts independent sources (see convergence.composite.ts)
  const converges = converging >= config.minConvergingTechniques && convergence.nonModelSources >= 1;
  if (score >= config.readyScore && converges) return blocked ? 'caution' : 'ready';
  if (score >= config.nurtureScore) return blocked ? 'caution' : 'nurture';
  return 'not_ready';
}
