import { bookExpectedValue, type AccountSnapshot, type PriceBook, type Verdict } from '@ripe/shared';
import { activeUsersOf, usageChartOf, type UsageChartData, type UsagePoint } from './usage-chart.ts';

export interface RankedOpportunity {
  verdict: Verdict;
  /** The account's main usage metric against its limit, as the report and the HubSpot card draw it. */
  chart: UsageChartData | null;
  /** Active users as weekly medians, drawn beside a seats chart; [] when the chart is active users already. */
  activeUsers: UsagePoint[];
}

const rankOf: Record<Verdict['readiness'], number> = { ready: 3, nurture: 2, caution: 1, not_ready: 0 };

/**
 * Orders verdicts as the ranked list shows them: readiness first, then expected value in the price book's
 * currency (an org that sells in several currencies ranks like with like).
 */
export function compareOpportunities(a: Verdict, b: Verdict, priceBook?: PriceBook): number {
  return (
    rankOf[b.readiness] - rankOf[a.readiness] ||
    bookExpectedValue(b, priceBook) - bookExpectedValue(a, priceBook)
  );
}

/** The best `capacity` entries offered, in rank order; a worse one is refused without being built. */
class BoundedRanking {
  readonly items: RankedOpportunity[] = [];
  constructor(
    readonly capacity: number,
    private readonly priceBook?: PriceBook,
  ) {}

  accepts(verdict: Verdict): boolean {
    const worst = this.items.at(-1);
    return (
      this.items.length < this.capacity ||
      !worst ||
      compareOpportunities(verdict, worst.verdict, this.priceBook) < 0
    );
  }

  insert(entry: RankedOpportunity): void {
    let low = 0;
    let high = this.items.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (
        compareOpportunities((this.items[mid] as RankedOpportunity).verdict, entry.verdict, this.priceBook) <=
        0
      )
        low = mid + 1;
      else high = mid;
    }
    this.items.splice(low, 0, entry);
    if (this.items.length > this.capacity) this.items.pop();
  }
}

export interface ShortlistCapacity {
  /** The ranked list's length (any readiness but not_ready). */
  top: number;
  /** Ready accounts kept for the report: all of them up to this bound. */
  ready: number;
  /** Nurture accounts kept for the report, the best first. */
  nurture: number;
}

export const defaultShortlistCapacity: ShortlistCapacity = { top: 25, ready: 2_000, nurture: 100 };

/**
 * Keeps what a streamed night shows without holding the other accounts: the ranked top, the ready accounts and
 * the best nurture ones, each bounded. A verdict kept in several lists is one entry, its chart built once.
 */
export class TopOpportunities {
  private readonly top: BoundedRanking;
  private readonly ready: BoundedRanking;
  private readonly nurture: BoundedRanking;

  /** `priceBook`: expected values in other currencies are compared in its currency. */
  constructor(capacity: Partial<ShortlistCapacity> = {}, priceBook?: PriceBook) {
    const bounds = { ...defaultShortlistCapacity, ...capacity };
    this.top = new BoundedRanking(bounds.top, priceBook);
    this.ready = new BoundedRanking(bounds.ready, priceBook);
    this.nurture = new BoundedRanking(bounds.nurture, priceBook);
  }

  offer(verdict: Verdict, snapshot: AccountSnapshot): void {
    if (verdict.readiness === 'not_ready') return;
    const lists = [
      this.top,
      ...(verdict.readiness === 'ready' ? [this.ready] : []),
      ...(verdict.readiness === 'nurture' ? [this.nurture] : []),
    ].filter((list) => list.accepts(verdict));
    if (lists.length === 0) return;
    const chart = usageChartOf(snapshot, verdict);
    const entry: RankedOpportunity = {
      verdict,
      chart,
      activeUsers: chart?.metric === 'active_users' ? [] : activeUsersOf(snapshot, verdict.asOf),
    };
    for (const list of lists) list.insert(entry);
  }

  /** The best opportunities of any readiness, in rank order. */
  list(): RankedOpportunity[] {
    return [...this.top.items];
  }

  /** The ready accounts by expected value (all of them, up to the bound). */
  readyList(): RankedOpportunity[] {
    return [...this.ready.items];
  }

  /** The best nurture accounts by expected value. */
  nurtureList(): RankedOpportunity[] {
    return [...this.nurture.items];
  }
}
