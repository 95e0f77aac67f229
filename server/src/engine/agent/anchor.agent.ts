// The anchor of the approach: the concrete usage fact the conversation opens with. Preferred signals
// depend on the motion (seats full for a seat upsell, consumption for a commit...); failing those, the
// strongest positive usage signal, then any usage evidence, then the strongest positive signal at all.
import type { Evidence, Motion, Signal, Verdict } from '@ripe/shared';
import type { SignalCode } from '@ripe/shared';

export interface Anchor {
  evidence: Evidence;
  /** The signal the evidence backs, when one cites it. */
  signal: Signal | null;
}

const preferred: Record<Motion, readonly SignalCode[]> = {
  seat_upsell: [
    'seat_utilisation_high',
    'plateau_at_limit',
    'limit_projected',
    'seats_trending_up',
    'active_user_spike',
    'active_users_trending_up',
  ],
  tier_upgrade: [
    'tier_limit_reached',
    'premium_feature_adopted',
    'seat_utilisation_high',
    'plateau_at_limit',
  ],
  cross_sell: ['module_feature_explored', 'premium_feature_adopted', 'active_users_trending_up'],
  usage_commit: ['consumption_near_commit', 'plateau_at_limit', 'limit_projected', 'consumption_trending_up'],
};

export function isUsageEvidence(evidence: Evidence): boolean {
  return evidence.source.startsWith('usage:');
}

function firstEvidence(
  signal: Signal,
  byId: ReadonlyMap<string, Evidence>,
  usageOnly: boolean,
): Evidence | null {
  for (const id of signal.evidenceIds) {
    const evidence = byId.get(id);
    if (evidence && (!usageOnly || isUsageEvidence(evidence))) return evidence;
  }
  return null;
}

export function findAnchor(verdict: Verdict, byId: ReadonlyMap<string, Evidence>): Anchor | null {
  const positives = verdict.signals.filter((signal) => signal.polarity === 'positive');
  if (verdict.motion) {
    for (const code of preferred[verdict.motion]) {
      const signal = positives.find((candidate) => candidate.code === code);
      const evidence = signal ? firstEvidence(signal, byId, true) : null;
      if (signal && evidence) return { evidence, signal };
    }
  }
  const byStrength = [...positives].sort((a, b) => b.strength - a.strength);
  for (const signal of byStrength) {
    const evidence = firstEvidence(signal, byId, true);
    if (evidence) return { evidence, signal };
  }
  const usage = verdict.evidence.find(isUsageEvidence);
  if (usage) return { evidence: usage, signal: null };
  for (const signal of byStrength) {
    const evidence = firstEvidence(signal, byId, false);
    if (evidence) return { evidence, signal };
  }
  return null;
}
