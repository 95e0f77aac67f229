// The relationship against the expansion case: a cooling relationship is a serious risk (with rising
// usage it is the SPEC's "rising usage vs a cooling relationship"); a champion gone lowers the score.
import type { SignalCode } from '@ripe/shared';
import { idsOf, type ContradictionCheck } from './contradiction-check.ts';

const RISING: readonly SignalCode[] = [
  'seats_trending_up',
  'active_users_trending_up',
  'consumption_trending_up',
  'active_user_spike',
];
const CHAMPION_GONE: readonly SignalCode[] = ['champion_left', 'champion_leaving_mentioned'];

export const coolingRelationshipCheck: ContradictionCheck = ({ present, contradict }) => {
  const cooling = present(['engagement_cooling']);
  if (cooling.length === 0) return;
  const rising = present(RISING);
  if (rising.length > 0) {
    contradict('rising_usage_cooling_relationship', 'block', idsOf([...rising, ...cooling]));
  } else {
    contradict('relationship_cooling', 'block', idsOf(cooling));
  }
};

export const championGoneCheck: ContradictionCheck = ({ present, contradict }) => {
  const championGone = present(CHAMPION_GONE);
  if (championGone.length > 0) contradict('champion_left', 'lower', idsOf(championGone));
};
