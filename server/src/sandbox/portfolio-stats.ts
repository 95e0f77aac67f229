// Portfolio-level statistics of a sandbox, from the ground truth: the archetype mix, how many accounts are
// within 90 days of an expansion on a date, motions, fizzles, lead times and NRR by segment. Used by the
// tests (rates within the brief's ranges) and the throughput script.
import type { Segment } from '@ripe/shared';
import { dayNumber } from './calendar.ts';
import type { GroundTruth } from './ground-truth.ts';
import type { Archetype } from './timeline.types.ts';

export interface PortfolioStats {
  accounts: number;
  archetypes: Partial<Record<Archetype, number>>;
  /** Share of accounts with an expansion in (date, date + 90 days], per date. */
  expandingWithin90Days: Record<string, number>;
  motions: Record<string, number>;
  episodes: number;
  fizzleRate: number;
  /** Days from the first clear usage signal to the close, for expanded episodes (median, p10, p90). */
  leadDays: { p10: number; median: number; p90: number };
  /** Net revenue retention over the last 365 days of history, by segment. */
  nrr: Partial<Record<Segment, number>>;
  expansionsPerAccountYear: Partial<Record<Segment, number>>;
}

function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
}

export function portfolioStats(
  truths: readonly GroundTruth[],
  dates: readonly string[],
  endDate: string,
): PortfolioStats {
  const archetypes: Partial<Record<Archetype, number>> = {};
  const motions: Record<string, number> = {};
  const within: Record<string, number> = Object.fromEntries(dates.map((date) => [date, 0]));
  const leads: number[] = [];
  const arrStart: Partial<Record<Segment, number>> = {};
  const arrMoves: Partial<Record<Segment, number>> = {};
  const expansionCounts: Partial<Record<Segment, number>> = {};
  const segmentCounts: Partial<Record<Segment, number>> = {};
  const end = dayNumber(endDate);
  const yearAgo = end - 365;
  let episodes = 0;
  let fizzles = 0;
  for (const truth of truths) {
    archetypes[truth.archetype] = (archetypes[truth.archetype] ?? 0) + 1 / truths.length;
    segmentCounts[truth.segment] = (segmentCounts[truth.segment] ?? 0) + 1;
    for (const date of dates) {
      const day = dayNumber(date);
      const hit = truth.expansions.some((e) => dayNumber(e.date) > day && dayNumber(e.date) <= day + 90);
      if (hit) within[date] = (within[date] ?? 0) + 1 / truths.length;
    }
    for (const expansion of truth.expansions) {
      motions[expansion.motion] = (motions[expansion.motion] ?? 0) + 1;
      if (dayNumber(expansion.date) > yearAgo)
        expansionCounts[truth.segment] = (expansionCounts[truth.segment] ?? 0) + 1;
    }
    for (const episode of truth.episodes) {
      if (dayNumber(episode.endsOn) > end) continue;
      episodes += 1;
      if (episode.outcome === 'fizzled') fizzles += 1;
      else leads.push(dayNumber(episode.endsOn) - dayNumber(episode.firstSignalOn));
    }
    // NRR over the last year, counting only accounts that were customers a year ago.
    if (dayNumber(truth.customerSince) <= yearAgo) {
      let arr = truth.arrAtHistoryStart;
      for (const change of truth.arrChanges) if (dayNumber(change.date) <= yearAgo) arr = change.arr;
      let after = arr;
      for (const change of truth.arrChanges) if (dayNumber(change.date) > yearAgo) after = change.arr;
      arrStart[truth.segment] = (arrStart[truth.segment] ?? 0) + arr;
      arrMoves[truth.segment] = (arrMoves[truth.segment] ?? 0) + after - arr;
    }
  }
  leads.sort((a, b) => a - b);
  const nrr: Partial<Record<Segment, number>> = {};
  const perYear: Partial<Record<Segment, number>> = {};
  for (const segment of ['smb', 'mid_market', 'enterprise'] as const) {
    const start = arrStart[segment];
    if (start) nrr[segment] = (start + (arrMoves[segment] ?? 0)) / start;
    const count = segmentCounts[segment];
    if (count) perYear[segment] = (expansionCounts[segment] ?? 0) / count;
  }
  return {
    accounts: truths.length,
    archetypes,
    expandingWithin90Days: within,
    motions,
    episodes,
    fizzleRate: episodes ? fizzles / episodes : 0,
    leadDays: { p10: quantile(leads, 0.1), median: quantile(leads, 0.5), p90: quantile(leads, 0.9) },
    nrr,
    expansionsPerAccountYear: perYear,
  };
}
