// Seats full but few features adopted: the account has not embedded the product yet, so selling it more
// of the same (seats, a tier) or a second product is too early. The contradiction blocks those motions
// (motion.composite.ts), not the account: a usage commit may still be proposed.
import { isoDay } from '@ripe/shared';
import { round3 } from '../signal.ts';
import { adoptionBreadth } from './adoption-breadth.ts';
import { idsOf, type ContradictionCheck } from './contradiction-check.ts';

export const shallowAdoptionCheck: ContradictionCheck = (check) => {
  const seatsFull = check.present(['seat_utilisation_high', 'plateau_at_limit']);
  if (seatsFull.length === 0) return;
  const breadth = adoptionBreadth(check.snapshot, check.ctx.priceBook, check.today);
  const { shallowAdoption } = check.ctx.config.rules;
  if (!breadth || breadth.share >= shallowAdoption) return;
  check.evidence.push({
    id: 'xc:adoption-breadth',
    description: `${breadth.used} of ${breadth.available} available features used in the last 30 days`,
    value: round3(breadth.share),
    threshold: shallowAdoption,
    date: isoDay(check.today),
    source: 'usage:feature_adoption',
  });
  check.contradict('seats_full_shallow_adoption', 'lower', [...idsOf(seatsFull), 'xc:adoption-breadth']);
};
