// The expansion window: the 60–90 days before the projected limit (per `config.window`), never opening
// in the past. When the limit is too close or already reached (a plateau at the ceiling), the window is
// now, for as long as the configured window lasts (leadDaysMax − leadDaysMin days). Without a dated limit
// (a conversation-led cross-sell, say) the same "now" window applies. Only ready and nurture accounts
// get a window.
import type { Evidence, ExpansionWindow, OrgConfig, Readiness, Signal } from '@ripe/shared';
import { addDays, dayNumber, isoDay } from '@ripe/shared';

/** What the temporal technique's `projectLimit` projects: which limit, and when it is hit. */
export interface LimitProjection {
  limit: string;
  limitDate: string;
}

export function expansionWindow(
  readiness: Readiness,
  projection: LimitProjection | null,
  now: string,
  config: OrgConfig['window'],
): ExpansionWindow | null {
  if (readiness !== 'ready' && readiness !== 'nurture') return null;
  const span = Math.max(1, config.leadDaysMax - config.leadDaysMin);
  if (!projection) return { opensOn: now, closesOn: addDays(now, span) };
  const today = dayNumber(now);
  const limitDay = dayNumber(projection.limitDate);
  const opensDay = Math.max(today, limitDay - config.leadDaysMax);
  const closesDay = limitDay - config.leadDaysMin;
  const tooLate = closesDay <= opensDay;
  return {
    opensOn: isoDay(tooLate ? today : opensDay),
    closesOn: isoDay(tooLate ? today + span : closesDay),
    limitDate: projection.limitDate,
    limit: projection.limit,
  };
}

/**
 * The limit the temporal technique already projected within the window horizon (its `limit_projected`
 * signal cites evidence `tmp:limit:<limit>` whose value is the limit date), or null: saves projecting
 * the trends a second time for most shortlisted accounts.
 */
export function projectedLimitOf(
  signals: readonly Signal[],
  evidence: readonly Evidence[],
): LimitProjection | null {
  for (const signal of signals) {
    if (signal.code !== 'limit_projected') continue;
    for (const item of evidence) {
      if (!signal.evidenceIds.includes(item.id) || typeof item.value !== 'string') continue;
      return { limit: item.id.slice(item.id.lastIndexOf(':') + 1), limitDate: item.value };
    }
  }
  return null;
}
