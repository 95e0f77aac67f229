import type { AccountSnapshot, OpportunityType, UsageKind } from '@ripe/shared';
import { dayNumber, licenceOn } from '@ripe/shared';
import { latestValue, relativeTrend, windowMean, windowMax, type DaySeries } from './series-window.ts';

/** The model's inputs, in a fixed order: the learners and the stored model rely on it. */
export const FEATURE_NAMES = [
  'seat_utilisation',
  'seat_utilisation_30d',
  'seat_trend_90d',
  'active_users_growth',
  'active_per_seat',
  'consumption_run_rate',
  'features_adopted_share',
  'premium_features_adopted',
  'days_to_renewal',
  'tenure_days',
  'segment_smb',
  'segment_mid_market',
  'segment_enterprise',
  'activities_30d',
  'activities_90d',
  'inbound_share_90d',
  'engaged_contacts_60d',
  'open_tickets',
  'escalations_30d',
  'past_expansions',
  'days_since_last_expansion',
  'days_since_last_contraction',
] as const;
export type FeatureName = (typeof FEATURE_NAMES)[number];
/** One account's features at one date; `null` = missing (no data to compute it from). */
export type FeatureVector = Record<FeatureName, number | null>;

/** Human labels for explanations and evidence. */
export const FEATURE_LABELS: Record<FeatureName, string> = {
  seat_utilisation: 'Seat utilisation today',
  seat_utilisation_30d: 'Seat utilisation, 30-day mean',
  seat_trend_90d: 'Seats used, 90-day trend',
  active_users_growth: 'Active users, last 28 days vs the 56 before',
  active_per_seat: 'Active users per seat used',
  consumption_run_rate: 'Consumption run-rate vs commit',
  features_adopted_share: 'Share of features adopted',
  premium_features_adopted: 'Premium features adopted',
  days_to_renewal: 'Days to renewal',
  tenure_days: 'Customer tenure (days)',
  segment_smb: 'Segment: SMB',
  segment_mid_market: 'Segment: mid-market',
  segment_enterprise: 'Segment: enterprise',
  activities_30d: 'Activities, last 30 days',
  activities_90d: 'Activities, last 90 days',
  inbound_share_90d: 'Share of inbound activity, 90 days',
  engaged_contacts_60d: 'Engaged contacts, 60 days',
  open_tickets: 'Open support tickets',
  escalations_30d: 'Escalations, last 30 days',
  past_expansions: 'Past expansions',
  days_since_last_expansion: 'Days since the last expansion',
  days_since_last_contraction: 'Days since the last contraction',
};

const EXPANSION_TYPES: ReadonlySet<OpportunityType> = new Set(['upsell', 'cross_sell', 'usage_commit']);

function firstSeries(snapshot: AccountSnapshot, kind: UsageKind): DaySeries | null {
  const series = snapshot.usage.find((s) => s.kind === kind);
  return series ? { startDay: dayNumber(series.start), values: series.values } : null;
}

function ratio(numerator: number | null, denominator: number | null): number | null {
  return numerator === null || denominator === null || denominator <= 0 ? null : numerator / denominator;
}

/**
 * Features of one account as of `now` (`YYYY-MM-DD`). Only data dated on or before `now` is read, so
 * the same snapshot yields honest features for any past date (training rows, backtests).
 */
export function extractFeatures(snapshot: AccountSnapshot, now: string): FeatureVector {
  const today = dayNumber(now);
  const { contract, account } = snapshot;
  // the licence of that day: a past date is read against the licence it had then
  const seats = licenceOn(contract, now).seatsLicensed;

  const seatsUsed = firstSeries(snapshot, 'seats_used');
  const activeUsers = firstSeries(snapshot, 'active_users');
  const consumption = firstSeries(snapshot, 'consumption');

  const seatsNow = seatsUsed ? latestValue(seatsUsed, today, 7) : null;
  const seatsMean30 = seatsUsed ? windowMean(seatsUsed, today - 29, today) : null;
  const seatsMean28 = seatsUsed ? windowMean(seatsUsed, today - 27, today) : null;
  const activeRecent = activeUsers ? windowMean(activeUsers, today - 27, today) : null;
  const activePrior = activeUsers ? windowMean(activeUsers, today - 83, today - 28) : null;
  const consumptionMean30 = consumption ? windowMean(consumption, today - 29, today) : null;
  const growth = ratio(activeRecent, activePrior);

  let featureCount = 0;
  let adopted = 0;
  let premiumAdopted = 0;
  for (const series of snapshot.usage) {
    if (series.kind !== 'feature_adoption') continue;
    featureCount++;
    const peak = windowMax({ startDay: dayNumber(series.start), values: series.values }, today - 29, today);
    if (peak !== null && peak > 0) {
      adopted++;
      if (series.premium) premiumAdopted++;
    }
  }

  const activity = activityFeatures(snapshot, today);
  const tickets = ticketFeatures(snapshot, today);
  const opportunities = opportunityFeatures(snapshot, today);
  const segment = account.segment;

  return {
    seat_utilisation: ratio(seatsNow, seats),
    seat_utilisation_30d: ratio(seatsMean30, seats),
    seat_trend_90d: seatsUsed ? relativeTrend(seatsUsed, today - 89, today) : null,
    active_users_growth: growth === null ? null : growth - 1,
    active_per_seat: ratio(activeRecent, seatsMean28),
    // monthly commit against the last 30 days' consumption (mean × 30 tolerates missing days)
    consumption_run_rate: ratio(
      consumptionMean30 === null ? null : consumptionMean30 * 30,
      contract.committedVolume,
    ),
    features_adopted_share: featureCount === 0 ? null : adopted / featureCount,
    premium_features_adopted: featureCount === 0 ? null : premiumAdopted,
    days_to_renewal: dayNumber(contract.renewalDate) - today,
    tenure_days: Math.max(0, today - dayNumber(account.createdAt)),
    segment_smb: segment === 'smb' ? 1 : 0,
    segment_mid_market: segment === 'mid_market' ? 1 : 0,
    segment_enterprise: segment === 'enterprise' ? 1 : 0,
    ...activity,
    ...tickets,
    ...opportunities,
  };
}

function activityFeatures(snapshot: AccountSnapshot, today: number) {
  let last30 = 0;
  let last90 = 0;
  let inbound = 0;
  let outbound = 0;
  const engaged = new Set<string>();
  for (const activity of snapshot.activities) {
    const age = today - dayNumber(activity.occurredAt);
    if (age < 0 || age >= 90) continue;
    last90++;
    if (age < 30) last30++;
    if (activity.direction === 'inbound') inbound++;
    else if (activity.direction === 'outbound') outbound++;
    if (age < 60) for (const contactId of activity.participants) engaged.add(contactId);
  }
  return {
    activities_30d: last30,
    activities_90d: last90,
    inbound_share_90d: inbound + outbound === 0 ? null : inbound / (inbound + outbound),
    engaged_contacts_60d: engaged.size,
  };
}

function ticketFeatures(snapshot: AccountSnapshot, today: number) {
  let open = 0;
  let escalations = 0;
  for (const ticket of snapshot.tickets) {
    const opened = dayNumber(ticket.openedAt);
    if (opened > today) continue;
    // `status` is today's status: for a past date only `closedAt` says whether it was still open
    const stillOpen = ticket.closedAt ? dayNumber(ticket.closedAt) > today : ticket.status !== 'closed';
    if (stillOpen) open++;
    if (ticket.escalated && today - opened < 30) escalations++;
  }
  return { open_tickets: open, escalations_30d: escalations };
}

function opportunityFeatures(snapshot: AccountSnapshot, today: number) {
  let expansions = 0;
  let lastExpansion: number | null = null;
  let lastContraction: number | null = null;
  for (const opportunity of snapshot.opportunities) {
    if (opportunity.stage !== 'closed_won' || !opportunity.closedAt) continue;
    const closed = dayNumber(opportunity.closedAt);
    if (closed > today) continue;
    if (EXPANSION_TYPES.has(opportunity.type)) {
      expansions++;
      if (lastExpansion === null || closed > lastExpansion) lastExpansion = closed;
    } else if (opportunity.type === 'contraction') {
      if (lastContraction === null || closed > lastContraction) lastContraction = closed;
    }
  }
  return {
    past_expansions: expansions,
    days_since_last_expansion: lastExpansion === null ? null : today - lastExpansion,
    days_since_last_contraction: lastContraction === null ? null : today - lastContraction,
  };
}

/** The label: a won upsell, cross-sell or usage-commit opportunity closed in (t, t + horizon]. */
export function labelExpansion(snapshot: AccountSnapshot, t: string, horizonDays = 90): boolean {
  const start = dayNumber(t);
  return snapshot.opportunities.some((opportunity) => {
    if (
      opportunity.stage !== 'closed_won' ||
      !opportunity.closedAt ||
      !EXPANSION_TYPES.has(opportunity.type)
    ) {
      return false;
    }
    const closed = dayNumber(opportunity.closedAt);
    return closed > start && closed <= start + horizonDays;
  });
}

/** Features in `FEATURE_NAMES` order, `NaN` for missing: the learners' input. */
export function toFeatureArray(vector: FeatureVector): number[] {
  return FEATURE_NAMES.map((name) => vector[name] ?? Number.NaN);
}
