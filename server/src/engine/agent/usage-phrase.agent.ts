// The anchor fact in the customer's words: "Your team has used 47 of 50 seats, above 80 % of the licence
// every day for the last 38 days". Numbers come from the evidence (and the snapshot for the seat
// counts), never invented; an unknown signal falls back to the evidence's own description.
import type { AccountSnapshot } from '@ripe/shared';
import type { EngineContext } from '../engine-context.ts';
import { dayNumber } from '@ripe/shared';
import { findSeries, indexOfDay, lastObservedIndex, trailingRun } from '../series/series-window.ts';
import type { Anchor } from './anchor.agent.ts';
import type { DraftLanguage } from './language.agent.ts';

function percent(ratio: number): number {
  return Math.round(ratio * 100);
}

/** `2026-09-13` → `13/09/2026` in French, unchanged in English. */
export function formatDay(isoDate: string, language: DraftLanguage): string {
  return language === 'fr'
    ? `${isoDate.slice(8, 10)}/${isoDate.slice(5, 7)}/${isoDate.slice(0, 4)}`
    : isoDate;
}

interface SeatFacts {
  used: number;
  licensed: number;
  /** Days in a row at or above the utilisation threshold. */
  run: number;
}

function seatFacts(snapshot: AccountSnapshot, ctx: EngineContext): SeatFacts | null {
  const series = findSeries(snapshot.usage, 'seats_used');
  const licensed = snapshot.contract.seatsLicensed;
  if (!series || licensed <= 0) return null;
  const todayIndex = indexOfDay(series, dayNumber(ctx.now));
  const last = lastObservedIndex(series.values, todayIndex);
  if (last < 0) return null;
  const floor = ctx.config.rules.seatUtilisation.threshold * licensed;
  const run = trailingRun(series.values, last, 365, (used) => used >= floor);
  return { used: series.values[last] as number, licensed, run };
}

function featureOf(evidenceId: string): string {
  return evidenceId.slice(evidenceId.lastIndexOf(':') + 1);
}

function asNumber(value: number | string | undefined): number {
  return typeof value === 'number' ? value : Number(value);
}

export type AnchorPhraser = (anchor: Anchor, language: DraftLanguage) => string;

/** Phrases anchors of one account; the seat facts are read once, on first need. */
export function createAnchorPhraser(snapshot: AccountSnapshot, ctx: EngineContext): AnchorPhraser {
  let seats: SeatFacts | null | undefined;
  return (anchor, language) => {
    seats ??= seatFacts(snapshot, ctx);
    return anchorSentence(anchor, snapshot, ctx, language, seats);
  };
}

function anchorSentence(
  anchor: Anchor,
  snapshot: AccountSnapshot,
  ctx: EngineContext,
  language: DraftLanguage,
  seats: SeatFacts | null,
): string {
  const { evidence } = anchor;
  const fr = language === 'fr';
  const value = asNumber(evidence.value);
  switch (anchor.signal?.code) {
    case 'seat_utilisation_high':
      if (!seats) break;
      return fr
        ? `Votre équipe utilise ${seats.used} de ses ${seats.licensed} licences, au-dessus de ${percent(ctx.config.rules.seatUtilisation.threshold)} % chaque jour depuis ${seats.run} jours`
        : `Your team has used ${seats.used} of ${seats.licensed} seats, above ${percent(ctx.config.rules.seatUtilisation.threshold)} % of the licence every day for the last ${seats.run} days`;
    case 'plateau_at_limit':
      if (evidence.id.includes('consumption')) {
        return fr
          ? `Votre consommation mensuelle plafonne au niveau de votre engagement depuis plus de quatre semaines`
          : `Your monthly consumption has held at the level of your commit for more than four weeks`;
      }
      if (!seats) break;
      return fr
        ? `Votre utilisation plafonne à ${seats.used} licences sur ${seats.licensed} depuis plus de quatre semaines`
        : `Your seat usage has held at ${seats.used} of ${seats.licensed} for more than four weeks`;
    case 'limit_projected': {
      const date = formatDay(String(evidence.value), language);
      const seatsLimit = evidence.id.includes('seats');
      if (fr) {
        return `Au rythme actuel, vous atteindrez ${seatsLimit ? `vos ${evidence.threshold} licences` : 'votre engagement mensuel'} vers le ${date}`;
      }
      return `At the current pace, you will reach ${seatsLimit ? `your ${evidence.threshold} seats` : 'your monthly commit'} around ${date}`;
    }
    case 'seats_trending_up':
      return fr
        ? `Le nombre de licences utilisées a progressé de ${percent(value)} % sur le dernier trimestre`
        : `The seats your team uses grew ${percent(value)} % over the last quarter`;
    case 'active_users_trending_up':
      return fr
        ? `Vos utilisateurs actifs ont progressé de ${percent(value)} % sur le dernier trimestre`
        : `Your active users grew ${percent(value)} % over the last quarter`;
    case 'consumption_trending_up':
      return fr
        ? `Votre consommation a progressé de ${percent(value)} % sur le dernier trimestre`
        : `Your consumption grew ${percent(value)} % over the last quarter`;
    case 'active_user_spike': {
      const days = ctx.config.rules.activeUserSpike.recentDays;
      return fr
        ? `Vos utilisateurs actifs ont augmenté de ${percent(value - 1)} % ces ${days} derniers jours`
        : `Your active users rose ${percent(value - 1)} % over the last ${days} days`;
    }
    case 'consumption_near_commit':
      return fr
        ? `Votre consommation mensuelle atteint ${percent(value)} % de votre engagement`
        : `Your monthly consumption is running at ${percent(value)} % of your commit`;
    case 'module_feature_explored':
    case 'premium_feature_adopted':
      return fr
        ? `${percent(value)} % de vos utilisateurs actifs utilisent déjà ${featureOf(evidence.id)}`
        : `${percent(value)} % of your active users already use ${featureOf(evidence.id)}`;
    case 'tier_limit_reached': {
      const tier = ctx.priceBook.tiers.find((candidate) => candidate.id === snapshot.contract.tier);
      if (!tier?.maxSeats) break;
      return fr
        ? `Vous êtes à ${value} licences pour un plafond de ${tier.maxSeats} sur votre offre ${tier.name}`
        : `You are at ${value} seats against the ${tier.maxSeats}-seat ceiling of your ${tier.name} plan`;
    }
  }
  if (!evidence.source.startsWith('usage:')) {
    return fr
      ? `Nous avons noté : ${evidence.description} (le ${formatDay(evidence.date, language)})`
      : `We noted: ${evidence.description} (on ${evidence.date})`;
  }
  return fr
    ? `Nos données d'utilisation montrent : ${evidence.description} (au ${formatDay(evidence.date, language)})`
    : `Our usage data shows: ${evidence.description} (as of ${evidence.date})`;
}
