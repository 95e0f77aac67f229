// A need the customer stated in numbers, as evidence: `conv:need:<kind>`, its value the number stated,
// its quote the sentence. People each need a seat (free seats absorb some); seats are licences to add;
// a seat total is the licence wanted in all. The sizing reads it back with `statedNeedOf`.
import type { Evidence } from '@ripe/shared';
import type { StatedNeed } from '../../text/intents/stated-need.ts';

export type NeedKind = 'people' | 'seats' | 'seats-total';

export interface NeedOnRecord {
  kind: NeedKind;
  count: number;
  evidenceId: string;
  quote: string;
  date: string;
}

const PREFIX = 'conv:need:';

/** How a need reads against the licence: a seat count without "more" or "in all" is a total past it. */
export function needKind(need: StatedNeed, seatsLicensed: number): NeedKind {
  if (need.unit === 'people') return 'people';
  if (need.basis === 'total') return 'seats-total';
  if (need.basis === 'additional') return 'seats';
  return need.count > seatsLicensed ? 'seats-total' : 'seats';
}

export function describeNeed(kind: NeedKind, count: number, approximate: boolean): string {
  const about = approximate ? 'about ' : '';
  switch (kind) {
    case 'people':
      return `${about}${count} more people to equip`;
    case 'seats':
      return `${about}${count} more seats`;
    case 'seats-total':
      return `${about}${count} seats in all`;
  }
}

export function needEvidenceId(kind: NeedKind): string {
  return `${PREFIX}${kind}`;
}

/** The stated need the verdict's evidence holds, if any. */
export function statedNeedOf(evidence: readonly Evidence[]): NeedOnRecord | null {
  for (const item of evidence) {
    if (!item.id.startsWith(PREFIX) || typeof item.value !== 'number') continue;
    return {
      kind: item.id.slice(PREFIX.length) as NeedKind,
      count: item.value,
      evidenceId: item.id,
      quote: item.quote ?? '',
      date: item.date,
    };
  }
  return null;
}
