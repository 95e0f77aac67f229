// Seat upsell: the extra seats the account needs beyond the licence, at the tier's seat price. When the
// customer stated the need in numbers ("25 more people", "a quote for 20 more seats"), that sizes it
// and the potential cites the sentence; otherwise the projected demand does. A projected purchase is
// never smaller than a sensible step (10 / 15 / 20 % of the licence for low / mid / high): nobody buys 1
// seat after an expansion conversation.
import type { AccountSnapshot, Evidence, Potential, Tier } from '@ripe/shared';
import type { EngineContext } from '../engine-context.ts';
import { statedNeedOf, type NeedOnRecord } from '../techniques/conversation/stated-need.evidence.ts';
import { formatAmount, formatMoney, formatPrice, wholeUnits } from './money.ts';
import { seatDemand, type SeatDemand } from './seat-demand.ts';

const minimumStep = { low: 0.1, mid: 0.15, high: 0.2 } as const;

function extraSeats(demand: number, licensed: number, step: number): number {
  return Math.max(Math.ceil(demand - licensed), Math.ceil(step * licensed), 1);
}

/** Seats in use today: seats used, or the active users when more; the licence when nothing is known. */
function seatsInUse(demand: SeatDemand): number {
  const known = [demand.used, demand.active].filter((value) => !Number.isNaN(value));
  return known.length > 0 ? Math.max(...known) : demand.licensed;
}

/** The seats the account needs in all once the stated need is met. */
export function seatsNeededFor(need: NeedOnRecord, demand: SeatDemand): number {
  switch (need.kind) {
    case 'people':
      return Math.round(seatsInUse(demand)) + need.count;
    case 'seats':
      return demand.licensed + need.count;
    case 'seats-total':
      return need.count;
  }
}

/** Seats beyond the licence the stated need takes, and how it reads. */
function extraFromNeed(need: NeedOnRecord, demand: SeatDemand): { extra: number; reading: string } {
  const { licensed } = demand;
  switch (need.kind) {
    case 'people': {
      const inUse = Math.round(seatsInUse(demand));
      const extra = seatsNeededFor(need, demand) - licensed;
      // the seats used and the active users as every other text states them, never a blend of the two
      const today = Number.isNaN(demand.used)
        ? `${formatAmount(demand.active)} active users on ${licensed} seats`
        : `${formatAmount(demand.used)} of ${licensed} seats used` +
          (demand.active > demand.used ? ` and ${formatAmount(demand.active)} active users` : '');
      return {
        extra,
        reading:
          `${need.count} more people to equip stated on ${need.date}, with ${today}` +
          (extra > 0 ? '' : `: they fit in the ${licensed - inUse} free seats`),
      };
    }
    case 'seats':
      return { extra: need.count, reading: `${need.count} more seats asked for on ${need.date}` };
    case 'seats-total':
      return {
        extra: need.count - licensed,
        reading: `${need.count} seats in all asked for on ${need.date}, ${licensed} licensed`,
      };
  }
}

export function sizeSeatUpsell(
  snapshot: AccountSnapshot,
  ctx: EngineContext,
  tier: Tier,
  horizonDays: number,
  evidence: readonly Evidence[] = [],
): Potential {
  const currency = ctx.priceBook.currency;
  const demand = seatDemand(snapshot, ctx, horizonDays);
  const { licensed } = demand;
  const projected = {
    mid: extraSeats(demand.mid, licensed, minimumStep.mid),
    low: extraSeats(demand.low, licensed, minimumStep.low),
    high: extraSeats(demand.high, licensed, minimumStep.high),
  };
  const need = statedNeedOf(evidence);
  const stated = need ? extraFromNeed(need, demand) : null;
  const sized = stated !== null && stated.extra > 0;
  const mid = sized ? stated.extra : projected.mid;
  const low = Math.min(mid, projected.low);
  const high = Math.max(mid, projected.high);
  const price = tier.seatPrice;
  const usage = Number.isNaN(demand.used)
    ? 'no seat usage on record'
    : `${formatAmount(demand.used)} of ${licensed} seats used` +
      (demand.slopePerDay > 0
        ? `, trending +${(demand.slopePerDay * 30).toFixed(1)} seats a month, ${Math.ceil(demand.mid)} needed in ${horizonDays} days`
        : '');
  const beyondActive = demand.active > licensed ? `; ${formatAmount(demand.active)} active users` : '';
  // the step binds when the projected demand asks for fewer seats: the basis says so
  const step =
    !sized && Math.ceil(demand.mid - licensed) < projected.mid
      ? `; a seat upsell is at least ${Math.round(minimumStep.mid * 100)} % of the licence`
      : '';
  const ceiling =
    tier.maxSeats !== undefined && licensed + mid > tier.maxSeats
      ? `; beyond the ${tier.name} tier's ${tier.maxSeats} seats`
      : '';
  const because = stated
    ? sized
      ? `${stated.reading} (“${need!.quote}”)`
      : `${usage}${beyondActive}; ${stated.reading}${step}`
    : `${usage}${beyondActive}${step}`;
  return {
    currency,
    arr: wholeUnits(mid * price),
    low: wholeUnits(low * price),
    high: wholeUnits(high * price),
    basis:
      `${mid} extra seats × ${formatPrice(price, currency)} (${tier.name} seat price) = ${formatMoney(wholeUnits(mid * price), currency)}: ` +
      `${because}${ceiling}; range ${low}–${high} seats.`,
    ...(need ? { evidenceIds: [need.evidenceId] } : {}),
  };
}
