import type { OrgConfig, PriceBook } from '@ripe/shared';

/** Everything a pure technique needs besides the snapshot. `now` is a `YYYY-MM-DD` day: no clock is read. */
export interface EngineContext {
  now: string;
  config: OrgConfig;
  priceBook: PriceBook;
}
