import {
  amountInBookCurrency,
  parseAccounts,
  type FieldIssue,
  type OrgConfig,
  type Readiness,
  type Verdict,
} from '@ripe/shared';
import type { AccountSource } from './account-source.ts';
import { TopOpportunities, type RankedOpportunity, type ShortlistCapacity } from './top-opportunities.ts';
import { scoreAndAssess } from '../engine/score-account.ts';
import type { ScoringModel } from '../model/scoring-model.ts';

/** Where a night's results go, batch by batch (the store, or nowhere for a dry run). */
export interface NightSink {
  saveBatch(verdicts: Verdict[], issues: FieldIssue[]): Promise<void>;
}

export interface NightProgress {
  start(total: number, label: string): void;
  update(done: number): void;
  stop(): void;
}

export interface NightOptions {
  source: AccountSource;
  /** The day the night scores, `YYYY-MM-DD`. */
  asOf: string;
  config: OrgConfig;
  model?: ScoringModel;
  batchSize?: number;
  sink?: NightSink;
  progress?: NightProgress;
  /** How many top opportunities to keep for the ranked list. */
  topCount?: number;
  /** Bounds of the report's ready and nurture lists (defaults: 2,000 and 100). */
  reportCapacity?: Partial<Pick<ShortlistCapacity, 'ready' | 'nurture'>>;
}

export interface NightSummary {
  orgId: string;
  asOf: string;
  records: number;
  scored: number;
  invalid: number;
  /** The first issues (capped), each naming the record and the field. */
  issues: FieldIssue[];
  issueCount: number;
  readiness: Record<Readiness, number>;
  totalPotential: number;
  totalExpectedValue: number;
  currency: string;
  /** The org's bar for `ready` (config.composite): the report says how far a nurture account is from it. */
  readyScore: number;
  durationMs: number;
  scoringMs: number;
  top: RankedOpportunity[];
  /** Every ready account (up to `reportCapacity.ready`), by expected value: `readiness.ready` says how many there were. */
  ready: RankedOpportunity[];
  /** The best nurture accounts (up to `reportCapacity.nurture`), by expected value. */
  nurture: RankedOpportunity[];
}

const keptIssues = 1_000;

/**
 * One org's night: stream records in batches → validate → score → hand each batch to the sink. A bad record
 * (or one the engine cannot score) is reported and never stops the others; memory is bounded by the batch.
 */
export async function runNight(options: NightOptions): Promise<NightSummary> {
  const { source, asOf, config, model } = options;
  const batchSize = options.batchSize ?? 100;
  const top = new TopOpportunities(
    { top: options.topCount ?? 25, ...options.reportCapacity },
    source.priceBook,
  );
  const ctx = { now: asOf, config, priceBook: source.priceBook };
  const summary: NightSummary = {
    orgId: source.orgId,
    asOf,
    records: 0,
    scored: 0,
    invalid: 0,
    issues: [],
    issueCount: 0,
    readiness: { ready: 0, nurture: 0, caution: 0, not_ready: 0 },
    totalPotential: 0,
    totalExpectedValue: 0,
    currency: source.priceBook.currency,
    readyScore: config.composite.readyScore,
    durationMs: 0,
    scoringMs: 0,
    top: [],
    ready: [],
    nurture: [],
  };
  const report = (issues: FieldIssue[]) => {
    summary.issueCount += issues.length;
    summary.issues.push(...issues.slice(0, Math.max(0, keptIssues - summary.issues.length)));
  };
  const startedAt = performance.now();
  options.progress?.start(source.total, `scoring ${source.orgId}`);
  for await (const batch of source.batches(batchSize)) {
    const { valid, issues } = parseAccounts(batch);
    summary.records += batch.length;
    summary.invalid += batch.length - valid.length;
    const engineIssues: FieldIssue[] = [];
    const verdicts: Verdict[] = [];
    const scoringStartedAt = performance.now();
    for (const snapshot of valid) {
      try {
        const verdict = scoreAndAssess(snapshot, ctx, model);
        verdicts.push(verdict);
        summary.readiness[verdict.readiness] += 1;
        if (verdict.readiness === 'ready' || verdict.readiness === 'nurture') {
          // Totals are in the price book's currency: an account that buys in another one is converted.
          const { currency } = verdict.potential;
          summary.totalPotential += amountInBookCurrency(ctx.priceBook, verdict.potential.arr, currency) ?? 0;
          summary.totalExpectedValue +=
            amountInBookCurrency(ctx.priceBook, verdict.expectedValue, currency) ?? 0;
        }
        top.offer(verdict, snapshot);
      } catch (error) {
        // An engine failure on one account is a defect to fix, but it must not cost the other accounts.
        engineIssues.push({
          record: 'account',
          recordId: snapshot.account.id,
          field: '(engine)',
          message: error instanceof Error ? error.message : String(error),
        });
      }
    }
    summary.scoringMs += performance.now() - scoringStartedAt;
    summary.scored += verdicts.length;
    report(issues);
    report(engineIssues);
    await options.sink?.saveBatch(verdicts, [...issues, ...engineIssues]);
    options.progress?.update(summary.records);
  }
  options.progress?.stop();
  summary.durationMs = performance.now() - startedAt;
  summary.top = top.list();
  summary.ready = top.readyList();
  summary.nurture = top.nurtureList();
  return summary;
}
