import type { PriceBook } from '@ripe/shared';

/**
 * Where a night's accounts come from: a CRM connector, a snapshot file or the sandbox. Records are raw
 * (unvalidated) and arrive in batches, so memory is bounded by the batch, not the portfolio.
 */
export interface AccountSource {
  orgId: string;
  priceBook: PriceBook;
  /** Number of records when known up front (for the progress bar). */
  total: number;
  batches(batchSize: number): AsyncIterable<unknown[]>;
}
