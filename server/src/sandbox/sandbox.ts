/**
 * The sandbox: a seeded, deterministic, streaming generator of a realistic SaaS customer portfolio, for
 * `ripe demo`, `ripe eval`, the engine's tests and the benchmarks.
 *
 * - Streaming: account i is generated from (seed, i) alone — its whole timeline once (contracts, daily
 *   usage over `historyDays`, contacts, activities, tickets, opportunities) — and `snapshotAt(i, asOf)`
 *   renders the CRM's view of it on a day. Only the last account is cached, so a 100,000-account night
 *   never holds the portfolio in memory.
 * - No look-ahead: a snapshot on `asOf` shows the contract in force that day, usage values up to that day,
 *   activities/tickets/contacts dated on or before it (`leftAt` only once past), and opportunities created by
 *   then with the stage they had (an expansion closing later is `open`).
 * - Causal story: expansions follow latent *episodes* (a need grows from day S; seats climb to the licence
 *   ceiling, active users rise, premium features or an unlicensed module get used, buying-intent and new-need
 *   messages appear, a sponsor engages or a new budget owner appears; the expansion closes 60–180 days after
 *   the first clear usage signal; ~20 % fizzle). Confounder archetypes look partly ready and do not expand:
 *   one-off spike, seats full but shallow adoption (too early), rising usage with a cooling relationship,
 *   declining usage, risky renewals. The readiness itself is never written into a snapshot; `truth(i)` holds
 *   the expansions, episodes, archetype and message intents for evaluation only.
 * - Units: usage values are daily. `seats_used` ≤ seats licensed; `active_users` ≤ `seats_used`;
 *   `consumption` is the day's volume in the price book's usage unit (the contract's commit is monthly);
 *   `feature_adoption` is the number of users who used the feature that day, `premium` when the contract in
 *   force does not license it (higher tier or unlicensed module).
 *
 * @example
 * const sandbox = createSandbox({ accounts: 1000, seed: 7, endDate: '2026-06-30' });
 * const snapshot = sandbox.snapshotAt(42, '2026-03-01'); // what the CRM showed on 1 March
 * const { expansions } = sandbox.truth(42);              // what really happened
 */
import { RipeError, type AccountSnapshot, type PriceBook } from '@ripe/shared';
import { buildAccountTimeline } from './account-timeline.ts';
import { dayNumber } from './calendar.ts';
import { groundTruthOf, type GroundTruth } from './ground-truth.ts';
import { createSandboxContext } from './sandbox-context.ts';
import { sandboxPriceBook } from './sandbox-price-book.ts';
import { renderSnapshot } from './snapshot-view.ts';
import type { AccountTimeline } from './timeline.types.ts';

export type { EpisodeTruth, ExpansionTruth, GroundTruth, ArrChangeTruth } from './ground-truth.ts';
export type { Archetype, EpisodeKind } from './timeline.types.ts';
export type { MessageIntent } from './message-intent.ts';

export interface SandboxOptions {
  accounts: number;
  seed: number;
  /** YYYY-MM-DD: the sandbox's "today", the last day of history. */
  endDate: string;
  /** Days of usage history up to endDate (default 450). */
  historyDays?: number;
}

export interface Sandbox {
  /** e.g. `sandbox-7`. */
  orgId: string;
  options: Required<SandboxOptions>;
  priceBook: PriceBook;
  /** The CRM's view of account i as it looked on `asOf` (default endDate): nothing after asOf is visible. */
  snapshotAt(index: number, asOf?: string): AccountSnapshot;
  /** Kept apart from the snapshot: evaluation only. */
  truth(index: number): GroundTruth;
  /** The day account i became a customer: before it, its snapshot is empty apart from the first contract. */
  customerSince(index: number): string;
}

export const DEFAULT_HISTORY_DAYS = 450;
const MIN_HISTORY_DAYS = 240;
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

function checkOptions(options: SandboxOptions): Required<SandboxOptions> {
  const historyDays = options.historyDays ?? DEFAULT_HISTORY_DAYS;
  if (!Number.isInteger(options.accounts) || options.accounts < 1) {
    throw new RipeError(
      'invalid_argument',
      `sandbox accounts must be a positive integer, got ${options.accounts}`,
    );
  }
  if (!Number.isSafeInteger(options.seed) || options.seed < 0) {
    throw new RipeError(
      'invalid_argument',
      `sandbox seed must be a non-negative integer, got ${options.seed}`,
    );
  }
  if (!ISO_DAY.test(options.endDate) || Number.isNaN(Date.parse(options.endDate))) {
    throw new RipeError('invalid_argument', `sandbox endDate must be YYYY-MM-DD, got ${options.endDate}`);
  }
  if (!Number.isInteger(historyDays) || historyDays < MIN_HISTORY_DAYS) {
    throw new RipeError(
      'invalid_argument',
      `sandbox historyDays must be an integer ≥ ${MIN_HISTORY_DAYS}, got ${historyDays}`,
    );
  }
  return { accounts: options.accounts, seed: options.seed, endDate: options.endDate, historyDays };
}

export function createSandbox(options: SandboxOptions): Sandbox {
  const checked = checkOptions(options);
  const ctx = createSandboxContext(checked.seed, checked.accounts, checked.endDate, checked.historyDays);
  // Eval asks for several dates of the same account in a row: keep the last timeline only.
  let cached: { index: number; timeline: AccountTimeline } | undefined;
  const timelineOf = (index: number): AccountTimeline => {
    if (!Number.isInteger(index) || index < 0 || index >= checked.accounts) {
      throw new RipeError(
        'invalid_argument',
        `sandbox account index ${index} is outside 0..${checked.accounts - 1}`,
      );
    }
    if (cached?.index !== index) cached = { index, timeline: buildAccountTimeline(ctx, index) };
    return cached.timeline;
  };
  return {
    orgId: `sandbox-${checked.seed}`,
    options: checked,
    priceBook: sandboxPriceBook,
    snapshotAt(index, asOf = checked.endDate) {
      const day = ISO_DAY.test(asOf) ? dayNumber(asOf) : Number.NaN;
      if (!(day <= ctx.endDay)) {
        throw new RipeError(
          'invalid_argument',
          `sandbox asOf must be a YYYY-MM-DD day on or before ${checked.endDate}, got ${asOf}`,
        );
      }
      return renderSnapshot(ctx, timelineOf(index), day);
    },
    truth(index) {
      return groundTruthOf(ctx, timelineOf(index));
    },
    customerSince(index) {
      return ctx.isoOf(timelineOf(index).profile.createdOn);
    },
  };
}
