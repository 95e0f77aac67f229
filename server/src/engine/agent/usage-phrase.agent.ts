// The anchor fact in the customer's words: "Your team uses 47 of its 50 seats, at or above 80 % of the
// licence for the last 117 days". Every number comes from the account's facts of the day (the same the
// evidence and the sizing quote) or from the cited evidence's structured value, never recomputed. A fact
// without a customer phrasing gets none: what the team reads is never sent to the customer as it is.
import type { AccountSnapshot } from '@ripe/shared';
import type { EngineContext } from '../engine-context.ts';
import { accountFacts, type AccountFacts } from '../facts/account-facts.ts';
import { formatAmount } from '../sizing/money.ts';
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

function featureOf(evidenceId: string): string {
  return evidenceId.slice(evidenceId.lastIndexOf(':') + 1);
}

function asNumber(value: number | string | undefined): number {
  return typeof value === 'number' ? value : Number(value);
}

/** The anchor in the customer's language, or null when the fact has no phrasing fit for the customer. */
export type AnchorPhraser = (anchor: Anchor, language: DraftLanguage) => string | null;

/** Phrases the anchors of one account, from its facts of the day. */
export function createAnchorPhraser(snapshot: AccountSnapshot, ctx: EngineContext): AnchorPhraser {
  const facts = accountFacts(snapshot, ctx);
  return (anchor, language) => anchorSentence(anchor, snapshot, ctx, language, facts);
}

function anchorSentence(
  anchor: Anchor,
  snapshot: AccountSnapshot,
  ctx: EngineContext,
  language: DraftLanguage,
  facts: AccountFacts,
): string | null {
  const { evidence } = anchor;
  const fr = language === 'fr';
  const value = asNumber(evidence.value);
  const seats = facts.seats;
  switch (anchor.signal?.code) {
    case 'seat_utilisation_high': {
      if (!seats) return null;
      const threshold = percent(ctx.config.rules.seatUtilisation.threshold);
      return fr
        ? `Votre équipe utilise ${seats.used} de ses ${seats.licensed} licences, à ${threshold} % ou plus de la licence depuis ${seats.daysAtThreshold} jours`
        : `Your team uses ${seats.used} of its ${seats.licensed} seats, at or above ${threshold} % of the licence for the last ${seats.daysAtThreshold} days`;
    }
    case 'plateau_at_limit':
      if (evidence.id.includes('consumption')) {
        return fr
          ? `Votre consommation mensuelle plafonne au niveau de votre engagement depuis plus de quatre semaines`
          : `Your monthly consumption has held at the level of your commit for more than four weeks`;
      }
      if (!seats) return null;
      return fr
        ? `Votre utilisation plafonne à ${seats.used} licences sur ${seats.licensed} depuis plus de quatre semaines`
        : `Your seat usage has held at ${seats.used} of ${seats.licensed} for more than four weeks`;
    case 'limit_projected': {
      const limitDate = String(evidence.value);
      const date = formatDay(limitDate, language);
      const seatsLimit = evidence.id.endsWith(':seats');
      const capacity = formatAmount(asNumber(evidence.threshold));
      if (limitDate <= ctx.now) {
        // A team back under its licence today reached it on that day; "since" would contradict today's count.
        const below = seatsLimit && seats != null && seats.used < asNumber(evidence.threshold);
        if (fr) {
          if (below) return `Vous avez atteint vos ${capacity} licences le ${date}`;
          return seatsLimit
            ? `Vous êtes à vos ${capacity} licences depuis le ${date}`
            : `Votre consommation est au niveau de votre engagement mensuel depuis le ${date}`;
        }
        if (below) return `You reached your ${capacity} seats on ${date}`;
        return seatsLimit
          ? `You have been at your ${capacity} seats since ${date}`
          : `Your consumption has been at the level of your monthly commit since ${date}`;
      }
      if (fr) {
        return `Au rythme actuel, vous atteindrez ${seatsLimit ? `vos ${capacity} licences` : 'votre engagement mensuel'} vers le ${date}`;
      }
      return `At the current pace, you will reach ${seatsLimit ? `your ${capacity} seats` : 'your monthly commit'} around ${date}`;
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
      if (!tier?.maxSeats) return null;
      return fr
        ? `Vous êtes à ${value} licences pour un plafond de ${tier.maxSeats} sur votre offre ${tier.name}`
        : `You are at ${value} seats against the ${tier.maxSeats}-seat ceiling of your ${tier.name} plan`;
    }
  }
  return null;
}

/** A sentence for the customer that states no number: when the anchor has no customer phrasing. */
export function genericOpening(language: DraftLanguage): string {
  return language === 'fr'
    ? 'Nous avons regardé comment votre équipe utilise la plateforme ces dernières semaines'
    : 'We have been looking at how your team uses the platform over the last few weeks';
}

/** The anchor for the account team: the customer phrasing when there is one, else the evidence itself. */
export function teamFact(anchor: Anchor | null, phrased: string | null): string {
  if (phrased) return phrased;
  if (!anchor) return 'no usage fact on record';
  return `${anchor.evidence.description} (${anchor.evidence.date})`;
}
