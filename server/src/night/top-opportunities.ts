import type { AccountSnapshot, Verdict } from '@ripe/shared';
import { addDays } from '@ripe/shared';

export interface RankedOpportunity {
  verdict: Verdict;
  /** What the report's usage-vs-limit chart needs, kept small. */
  chart: UsageChart | null;
}

export interface UsageChart {
  start: string;
  seatsUsed: (number | null)[];
  activeUsers: (number | null)[];
  seatsLicensed: number;
}

const rankOf: Record<Verdict['readiness'], number> = { ready: 3, nurture: 2, caution: 1, not_ready: 0 };

/** Orders verdicts as the ranked list shows them: readiness first, then expected value. */
export function compareOpportunities(a: Verdict, b: Verdict): number {
  return rankOf[b.readiness] - rankOf[a.readiness] || b.expectedValue - a.expectedValue;
}

function chartOf(snapshot: AccountSnapshot, days: number): UsageChart | null {
  const seats = snapshot.usage.find((s) => s.kind === 'seats_used');
  if (!seats) return null;
  const active = snapshot.usage.find((s) => s.kind === 'active_users');
  const from = Math.max(0, seats.values.length - days);
  return {
    start: addDays(seats.start, from),
    seatsUsed: seats.values.slice(from),
    activeUsers: active ? active.values.slice(Math.max(0, active.values.length - days)) : [],
    seatsLicensed: snapshot.contract.seatsLicensed,
  };
}

/** Keeps the best `capacity` opportunities of a streamed night without holding the others. */
export class TopOpportunities {
  private readonly items: RankedOpportunity[] = [];
  constructor(
    private readonly capacity: number,
    private readonly chartDays = 180,
  ) {}

  offer(verdict: Verdict, snapshot: AccountSnapshot): void {
    if (verdict.readiness === 'not_ready') return;
    const worst = this.items.at(-1);
    if (this.items.length >= this.capacity && worst && compareOpportunities(verdict, worst.verdict) >= 0)
      return;
    this.items.push({ verdict, chart: chartOf(snapshot, this.chartDays) });
    this.items.sort((a, b) => compareOpportunities(a.verdict, b.verdict));
    if (this.items.length > this.capacity) this.items.pop();
  }

  list(): RankedOpportunity[] {
    return [...this.items];
  }
}
