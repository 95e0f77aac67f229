// Cross-sell: an unlicensed module's seat price × the users who would take it. With the module already
// explored, low = its users today, mid = its users projected `horizonDays` ahead, high = every licensed
// seat (a site-wide module). Without usage of any module (a new need heard in conversations), the
// cheapest unlicensed module for a first team: 10 / 25 / 100 % of the licensed seats.
import type { AccountSnapshot, Module, Potential } from '@ripe/shared';
import type { EngineContext } from '../engine-context.ts';
import { formatAmount, formatMoney, formatPrice, wholeUnits } from './money.ts';
import { usageOutlook } from './usage-outlook.ts';

interface ModuleCandidate {
  module: Module;
  /** Users of the module's features today and projected; NaN when the module is not explored. */
  users: number;
  projected: number;
}

const firstTeam = { low: 0.1, mid: 0.25 } as const;

function pickModule(
  snapshot: AccountSnapshot,
  ctx: EngineContext,
  horizonDays: number,
): ModuleCandidate | null {
  const licensed = snapshot.contract.modules;
  let best: ModuleCandidate | null = null;
  for (const series of snapshot.usage) {
    if (series.kind !== 'feature_adoption') continue;
    const feature = series.feature ?? series.metric;
    const module = ctx.priceBook.modules.find((candidate) => candidate.features.includes(feature));
    if (!module || licensed.includes(module.id)) continue;
    const outlook = usageOutlook(series, ctx.now, horizonDays);
    if (!outlook || outlook.current <= 0) continue;
    const value = outlook.mid * module.seatPrice;
    if (!best || value > best.projected * best.module.seatPrice) {
      best = { module, users: outlook.current, projected: outlook.mid };
    }
  }
  if (best) return best;
  let cheapest: Module | null = null;
  for (const module of ctx.priceBook.modules) {
    if (licensed.includes(module.id)) continue;
    if (!cheapest || module.seatPrice < cheapest.seatPrice) cheapest = module;
  }
  return cheapest ? { module: cheapest, users: Number.NaN, projected: Number.NaN } : null;
}

export function sizeCrossSell(snapshot: AccountSnapshot, ctx: EngineContext, horizonDays: number): Potential {
  const currency = ctx.priceBook.currency;
  const seats = snapshot.contract.seatsLicensed;
  const candidate = pickModule(snapshot, ctx, horizonDays);
  if (!candidate) {
    return {
      currency,
      arr: 0,
      low: 0,
      high: 0,
      basis: 'Every module of the price book is already licensed.',
    };
  }
  const { module } = candidate;
  const price = module.seatPrice;
  if (Number.isNaN(candidate.users)) {
    const low = Math.max(1, Math.ceil(firstTeam.low * seats));
    const mid = Math.max(low, Math.ceil(firstTeam.mid * seats));
    const high = Math.max(mid, seats);
    return {
      currency,
      arr: wholeUnits(mid * price),
      low: wholeUnits(low * price),
      high: wholeUnits(high * price),
      basis:
        `${module.name} for a first team of ${mid} users × ${formatPrice(price, currency)} = ${formatMoney(wholeUnits(mid * price), currency)} ` +
        `(no usage of a module yet: 25 % of the ${seats} seats assumed); range ${low}–${high} users.`,
    };
  }
  const low = Math.max(1, Math.round(candidate.users));
  const mid = Math.max(low, Math.round(candidate.projected));
  const high = Math.max(mid, seats);
  return {
    currency,
    arr: wholeUnits(mid * price),
    low: wholeUnits(low * price),
    high: wholeUnits(high * price),
    basis:
      `${module.name}: ${mid} users × ${formatPrice(price, currency)} = ${formatMoney(wholeUnits(mid * price), currency)} ` +
      `(${formatAmount(candidate.users)} users of its features today); range ${low} users to all ${high} seats.`,
  };
}
