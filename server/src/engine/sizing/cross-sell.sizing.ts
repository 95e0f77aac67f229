// Cross-sell: an unlicensed module's flat annual fee plus its seat price × the users who would take it.
// With the module already explored, low = its users today, mid = its users projected `horizonDays`
// ahead, high = every licensed seat (a site-wide module). Without usage of any module (a new need heard
// in conversations), the cheapest unlicensed module for a first team: 10 / 25 / 100 % of the licensed
// seats. A module the customer named when asking (`conv:module:<id>`) is the one priced, cited in the
// potential. A module priced flat is worth its fee whatever the users.
import type { AccountSnapshot, Evidence, Module, Potential } from '@ripe/shared';
import { namedModuleOf } from '../techniques/conversation/named-module.evidence.ts';
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

/** The module's annual price for `users` users. */
function modulePrice(module: Module, users: number): number {
  return module.annualFee + users * module.seatPrice;
}

/** "5,000 USD a year + 40 users × 120 USD", "40 users × 120 USD" or "a flat 5,000 USD a year". */
function priceText(module: Module, users: number, currency: string): string {
  const perSeat = `${users} users × ${formatPrice(module.seatPrice, currency)}`;
  if (module.annualFee === 0) return perSeat;
  const fee = `${formatPrice(module.annualFee, currency)} a year`;
  return module.seatPrice === 0 ? `a flat ${fee}` : `${fee} + ${perSeat}`;
}

function pickModule(
  snapshot: AccountSnapshot,
  ctx: EngineContext,
  horizonDays: number,
  named: Module | undefined,
): ModuleCandidate | null {
  const licensed = snapshot.contract.modules;
  let best: ModuleCandidate | null = null;
  for (const series of snapshot.usage) {
    if (series.kind !== 'feature_adoption') continue;
    const feature = series.feature ?? series.metric;
    const module = ctx.priceBook.modules.find((candidate) => candidate.features.includes(feature));
    if (!module || licensed.includes(module.id) || (named && module !== named)) continue;
    const outlook = usageOutlook(series, ctx.now, horizonDays);
    if (!outlook || outlook.current <= 0) continue;
    const value = modulePrice(module, outlook.mid);
    if (!best || value > modulePrice(best.module, best.projected)) {
      best = { module, users: outlook.current, projected: outlook.mid };
    }
  }
  if (best) return best;
  if (named) return { module: named, users: Number.NaN, projected: Number.NaN };
  let cheapest: Module | null = null;
  const team = Math.max(1, Math.ceil(firstTeam.mid * snapshot.contract.seatsLicensed));
  for (const module of ctx.priceBook.modules) {
    if (licensed.includes(module.id)) continue;
    if (!cheapest || modulePrice(module, team) < modulePrice(cheapest, team)) cheapest = module;
  }
  return cheapest ? { module: cheapest, users: Number.NaN, projected: Number.NaN } : null;
}

/** `evidence`: the verdict's, for the module the customer named. */
export function sizeCrossSell(
  snapshot: AccountSnapshot,
  ctx: EngineContext,
  horizonDays: number,
  evidence: readonly Evidence[] = [],
): Potential {
  const seats = snapshot.contract.seatsLicensed;
  const asked = namedModuleOf(evidence);
  const named = asked
    ? ctx.priceBook.modules.find(
        (module) => module.id === asked.moduleId && !snapshot.contract.modules.includes(module.id),
      )
    : undefined;
  const potential = sizeModule(
    snapshot,
    ctx,
    horizonDays,
    seats,
    pickModule(snapshot, ctx, horizonDays, named),
  );
  if (!named || !asked) return potential;
  return {
    ...potential,
    basis: `${potential.basis} ${named.name} asked about on ${asked.date} (“${asked.quote}”).`,
    evidenceIds: [asked.evidenceId],
  };
}

function sizeModule(
  snapshot: AccountSnapshot,
  ctx: EngineContext,
  horizonDays: number,
  seats: number,
  candidate: ModuleCandidate | null,
): Potential {
  const currency = ctx.priceBook.currency;
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
  const price = (users: number) => wholeUnits(modulePrice(module, users));
  const flat = module.seatPrice === 0;
  if (Number.isNaN(candidate.users)) {
    const low = Math.max(1, Math.ceil(firstTeam.low * seats));
    const mid = Math.max(low, Math.ceil(firstTeam.mid * seats));
    const high = Math.max(mid, seats);
    return {
      currency,
      arr: price(mid),
      low: price(low),
      high: price(high),
      basis: flat
        ? `${module.name} at ${priceText(module, mid, currency)} = ${formatMoney(price(mid), currency)} (no usage of a module yet).`
        : `${module.name} for a first team of ${priceText(module, mid, currency)} = ${formatMoney(price(mid), currency)} ` +
          `(no usage of a module yet: 25 % of the ${seats} seats assumed); range ${low}–${high} users.`,
    };
  }
  const low = Math.max(1, Math.round(candidate.users));
  const mid = Math.max(low, Math.round(candidate.projected));
  const high = Math.max(mid, seats);
  return {
    currency,
    arr: price(mid),
    low: price(low),
    high: price(high),
    basis: flat
      ? `${module.name} at ${priceText(module, mid, currency)} = ${formatMoney(price(mid), currency)} ` +
        `(${formatAmount(candidate.users)} users of its features today).`
      : `${module.name}: ${priceText(module, mid, currency)} = ${formatMoney(price(mid), currency)} ` +
        `(${formatAmount(candidate.users)} users of its features today); range ${low} users to all ${high} seats.`,
  };
}
