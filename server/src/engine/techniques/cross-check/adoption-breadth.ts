import type { AccountSnapshot, PriceBook } from '@ripe/shared';
import { indexOfDay } from '../../series/series-window.ts';

/** Days a feature must have been used within to count as adopted. */
const RECENT_USE_DAYS = 30;

export interface AdoptionBreadth {
  used: number;
  available: number;
  share: number;
}

/**
 * Share of the features the contract gives access to (tier + licensed modules, from the price book)
 * that were used in the last 30 days. `null` without any feature-adoption data: no data is not shallow.
 */
export function adoptionBreadth(
  snapshot: AccountSnapshot,
  priceBook: PriceBook,
  today: number,
): AdoptionBreadth | null {
  const available = new Set<string>();
  const tier = priceBook.tiers.find((candidate) => candidate.id === snapshot.contract.tier);
  for (const feature of tier?.features ?? []) available.add(feature);
  for (const module of priceBook.modules) {
    if (snapshot.contract.modules.includes(module.id))
      for (const feature of module.features) available.add(feature);
  }

  const tracked = new Set<string>();
  const used = new Set<string>();
  for (const series of snapshot.usage) {
    if (series.kind !== 'feature_adoption') continue;
    const feature = series.feature ?? series.metric;
    tracked.add(feature);
    const end = Math.min(indexOfDay(series, today), series.values.length - 1);
    for (let i = Math.max(0, end - RECENT_USE_DAYS + 1); i <= end; i++) {
      if ((series.values[i] ?? 0) > 0) {
        used.add(feature);
        break;
      }
    }
  }
  if (tracked.size === 0) return null;
  // Without a price book list, the tracked features are what there is to adopt.
  const denominator = available.size > 0 ? available : tracked;
  let count = 0;
  for (const feature of used) if (denominator.has(feature)) count++;
  return { used: count, available: denominator.size, share: count / denominator.size };
}
