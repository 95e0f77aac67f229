// The motion: a vote of the positive signals' motions weighted by strength, under the rules that keep
// it sane — consumption means a usage commit, module exploration and new needs mean cross-sell, a tier
// ceiling or a premium feature means a tier upgrade, and declining usage never means an upsell. Those
// motion-specific signals weigh 3× the generic capacity signals (seats full, usage rising, buying talk)
// that come with every kind of expansion: on the sandbox's ground truth this lifts the share of right
// motions among expanding shortlisted accounts from ~61 % to ~70 %. A new need is a cross-sell unless
// its evidence states people or seats in numbers (a team of 30 coming on board): then it needs seats. A motion a contradiction blocks is
// never chosen (nor sized): seats full with shallow adoption is too early to sell more of the product.
import type { Contradiction, ContradictionCode, Motion, Signal } from '@ripe/shared';
import { convergingStrength } from './convergence.composite.ts';
import { HINT_MAX } from '../techniques/signal.ts';

/** Order used to break exact ties: the cheaper conversation for the customer first. */
const motions = [
  'seat_upsell',
  'tier_upgrade',
  'cross_sell',
  'usage_commit',
] as const satisfies readonly Motion[];

/** The motion a positive signal votes for: the rule for its code, else the motion it carries. */
export function motionOfSignal(signal: Signal): Motion | undefined {
  switch (signal.code) {
    case 'consumption_near_commit':
    case 'consumption_trending_up':
      return 'usage_commit';
    case 'module_feature_explored':
      return 'cross_sell';
    case 'new_need':
      // a new team stated in numbers needs seats (conversation.technique.ts); a new use case, a module
      return signal.motion === 'seat_upsell' ? 'seat_upsell' : 'cross_sell';
    case 'tier_limit_reached':
    case 'premium_feature_adopted':
      return 'tier_upgrade';
    default:
      return signal.motion;
  }
}

/** Weight of a signal that names one motion, against 1 for a generic capacity signal. */
export const specificMotionWeight = 3;

function isMotionSpecific(code: string): boolean {
  switch (code) {
    case 'consumption_near_commit':
    case 'module_feature_explored':
    case 'new_need':
    case 'tier_limit_reached':
    case 'premium_feature_adopted':
      return true;
    default:
      return false;
  }
}

export function isUsageDeclining(
  signals: readonly Signal[],
  contradictions: readonly Contradiction[],
): boolean {
  // a decline read short of its threshold is a hint (techniques/signal.ts HINT_MAX), not a decline
  for (const signal of signals)
    if (signal.code === 'usage_declining' && signal.strength > HINT_MAX) return true;
  for (const contradiction of contradictions) if (contradiction.code === 'declining_usage') return true;
  return false;
}

/** The motions a contradiction rules out, whatever the signals say. */
export function motionsBlockedBy(code: ContradictionCode): readonly Motion[] {
  switch (code) {
    case 'seats_full_shallow_adoption':
      // the seeds: an upsell before the account embedded the product reads as indifference, and a
      // cross-sell before the primary product is adopted splits attention and speeds churn on both
      return ['seat_upsell', 'tier_upgrade', 'cross_sell'];
    case 'expansion_declined':
      // the customer said no to growing now: no motion is proposed until they say otherwise
      return ['seat_upsell', 'tier_upgrade', 'cross_sell', 'usage_commit'];
    default:
      return [];
  }
}

export function chooseMotion(
  signals: readonly Signal[],
  contradictions: readonly Contradiction[],
): Motion | null {
  const votes: Record<Motion, number> = { seat_upsell: 0, tier_upgrade: 0, cross_sell: 0, usage_commit: 0 };
  for (const signal of signals) {
    if (signal.polarity !== 'positive') continue;
    const motion = motionOfSignal(signal);
    if (motion) votes[motion] += signal.strength * (isMotionSpecific(signal.code) ? specificMotionWeight : 1);
  }
  for (const contradiction of contradictions)
    for (const blocked of motionsBlockedBy(contradiction.code)) votes[blocked] = 0;
  if (isUsageDeclining(signals, contradictions)) {
    // a shrinking account is not sold more of the same: only a justified cross-sell survives
    return votes.cross_sell >= convergingStrength * specificMotionWeight ? 'cross_sell' : null;
  }
  let chosen: Motion | null = null;
  let best = 0;
  for (const motion of motions) {
    if (votes[motion] > best) {
      best = votes[motion];
      chosen = motion;
    }
  }
  return chosen;
}
