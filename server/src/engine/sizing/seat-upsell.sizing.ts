// Seat upsell: the extra seats the projected demand needs beyond the licence, at the tier's seat price.
// A purchase is never smaller than a sensible step (10 / 15 / 20 % of the licence for low / mid / high):
// nobody buys 1 seat after an expansion conversation.
import type { AccountSnapshot, Potential, Tier } from '@ripe/shared';
import type { EngineContext } from '../engine-context.ts';
import { formatAmount, formatMoney } from './money.ts';
import { seatDemand } from './seat-demand.ts';

const minimumStep = { low: 0.1, mid: 0.15, high: 0.2 } as const;

function extraSeats(demand: number, licensed: number, step: number): number {
  return Math.max(Math.ceil(demand - licensed), Math.ceil(step * licensed), 1);
}

export function sizeSeatUpsell(
  snapshot: AccountSnapshot,
  ctx: EngineContext,
  tier: Tier,
  horizonDays: number,
): Potential {
  const currency = ctx.priceBook.currency;
  const demand = seatDemand(snapshot, ctx.now, horizonDays);
  const { licensed } = demand;
  const mid = extraSeats(demand.mid, licensed, minimumStep.mid);
  const low = Math.min(mid, extraSeats(demand.low, licensed, minimumStep.low));
  const high = Math.max(mid, extraSeats(demand.high, licensed, minimumStep.high));
  const price = tier.seatPrice;

  const usage = Number.isNaN(demand.used)
    ? 'no seat usage on record'
    : `${formatAmount(demand.used)} of ${licensed} seats used` +
      (demand.slopePerDay > 0
        ? `, trending +${(demand.slopePerDay * 30).toFixed(1)} seats a month, ${Math.ceil(demand.mid)} needed in ${horizonDays} days`
        : '');
  const beyondActive = demand.active > licensed ? `; ${formatAmount(demand.active)} active users` : '';
  const ceiling =
    tier.maxSeats !== undefined && licensed + mid > tier.maxSeats
      ? `; beyond the ${tier.name} tier's ${tier.maxSeats} seats`
      : '';
  return {
    currency,
    arr: mid * price,
    low: low * price,
    high: high * price,
    basis:
      `${mid} extra seats × ${formatMoney(price, currency)} (${tier.name} seat price) = ${formatMoney(mid * price, currency)}: ` +
      `${usage}${beyondActive}${ceiling}; range ${low}–${high} seats.`,
  };
}
