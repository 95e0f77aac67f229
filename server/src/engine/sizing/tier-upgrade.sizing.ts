// Tier upgrade: the next tier's price for the seats the account will have, minus what it pays today —
// (next seat price − current) × seats + platform fee delta, plus the projected extra seats at the next
// tier's price. The next tier is the lowest-ranked higher tier whose seat ceiling fits the demand.
import type { Potential, Tier } from '@ripe/shared';
import type { EngineContext } from '../engine-context.ts';
import { formatMoney, formatPrice, wholeUnits } from './money.ts';
import type { SeatDemand } from './seat-demand.ts';

/** The tier to upgrade to, or null on the top tier. */
export function nextTier(tiers: readonly Tier[], current: Tier, seatsNeeded: number): Tier | null {
  let fitting: Tier | null = null;
  let highest: Tier | null = null;
  for (const tier of tiers) {
    if (tier.rank <= current.rank) continue;
    if (!highest || tier.rank > highest.rank) highest = tier;
    const fits = tier.maxSeats === undefined || tier.maxSeats >= seatsNeeded;
    if (fits && (!fitting || tier.rank < fitting.rank)) fitting = tier;
  }
  return fitting ?? highest;
}

/** `stated`: the customer stated the seats needed (seat-upsell.sizing.ts), with the day they said it. */
export function sizeTierUpgrade(
  ctx: EngineContext,
  current: Tier,
  next: Tier,
  demand: SeatDemand,
  horizonDays: number,
  stated: { seats: number; on: string } | null = null,
): Potential {
  const currency = ctx.priceBook.currency;
  const licensed = demand.licensed;
  const today = current.seatPrice * licensed + current.platformFee;
  const upgraded = (seats: number) => wholeUnits(next.seatPrice * seats + next.platformFee - today);
  const seatsMid = Math.max(licensed, Math.ceil(demand.mid), stated?.seats ?? 0);
  const seatsHigh = Math.max(seatsMid, Math.ceil(demand.high));
  const seatDelta = next.seatPrice - current.seatPrice;
  const feeDelta = next.platformFee - current.platformFee;
  const arr = upgraded(seatsMid);
  const growth =
    seatsMid <= licensed
      ? ''
      : stated && stated.seats >= seatsMid
        ? `, growing to ${seatsMid} seats as the customer stated on ${stated.on}`
        : `, growing to ${seatsMid} seats as projected in ${horizonDays} days`;
  return {
    currency,
    arr,
    low: upgraded(licensed),
    high: Math.max(arr, upgraded(seatsHigh)),
    basis:
      `${current.name} → ${next.name}: ${formatPrice(seatDelta, currency)} more per seat × ${licensed} seats` +
      (feeDelta !== 0
        ? ` ${feeDelta > 0 ? '+' : '−'} ${formatMoney(Math.abs(feeDelta), currency)} platform fee`
        : '') +
      `${growth} = ${formatMoney(arr, currency)}; range up to ${seatsHigh} seats.`,
  };
}
