// The relationship against the expansion case: a relationship clearly cooling is a serious risk (with
// rising usage it is the SPEC's "rising usage vs a cooling relationship"), a mild cooling only lowers the
// score, a faint one is noise; a champion gone lowers the score.
import type { ContradictionCode, SignalCode } from '@ripe/shared';
import { HINT_MAX } from '../signal.ts';
import { idsOf, type ContradictionCheck } from './contradiction-check.ts';

const RISING: readonly SignalCode[] = [
  'seats_trending_up',
  'active_users_trending_up',
  'consumption_trending_up',
  'active_user_spike',
];
const CHAMPION_GONE: readonly SignalCode[] = ['champion_left', 'champion_leaving_mentioned'];
/** Cooling strength from which the relationship is a serious risk, and from which it lowers the score. */
export const SERIOUS_COOLING = 0.5;
const NOTABLE_COOLING = 0.3;

export const coolingRelationshipCheck: ContradictionCheck = ({ present, contradict }) => {
  const cooling = present(['engagement_cooling']).filter((signal) => signal.strength >= NOTABLE_COOLING);
  if (cooling.length === 0) return;
  // a rising trend read short of its threshold is a hint, not rising usage
  const rising = present(RISING).filter((signal) => signal.strength > HINT_MAX);
  const code: ContradictionCode =
    rising.length > 0 ? 'rising_usage_cooling_relationship' : 'relationship_cooling';
  const serious = cooling.some((signal) => signal.strength >= SERIOUS_COOLING);
  contradict(code, serious ? 'block' : 'lower', idsOf([...rising, ...cooling]));
};

export const championGoneCheck: ContradictionCheck = ({ present, contradict }) => {
  const championGone = present(CHAMPION_GONE);
  if (championGone.length > 0) contradict('champion_left', 'lower', idsOf(championGone));
};
