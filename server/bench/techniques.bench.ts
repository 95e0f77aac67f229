// Micro-benchmark of the five techniques of this folder (business rules, temporal, conversation,
// contact network, cross-check) on synthetic accounts: 6 daily series × 450 days, ~40 activities.
//
//   npx tsx server/bench/techniques.bench.ts [accounts=2000] [rounds=5]
import type { TechniqueResult } from '@ripe/shared';
import { BENCH_ACTIVITIES, BENCH_DAYS, buildBenchAccount } from '../src/engine/techniques/bench-accounts.ts';
import { businessRulesTechnique } from '../src/engine/techniques/business-rules/business-rules.technique.ts';
import { contactNetworkTechnique } from '../src/engine/techniques/contact-network/contact-network.technique.ts';
import { conversationTechnique } from '../src/engine/techniques/conversation/conversation.technique.ts';
import { crossCheck } from '../src/engine/techniques/cross-check/cross-check.ts';
import { temporalTechnique } from '../src/engine/techniques/temporal/temporal.technique.ts';
import { testContext, TEST_NOW } from '../src/engine/techniques/test-fixtures.ts';

const accounts = Number(process.argv[2] ?? 2000);
const rounds = Number(process.argv[3] ?? 5);
const ctx = testContext(TEST_NOW);
const snapshots = Array.from({ length: accounts }, (_, index) => buildBenchAccount(index));
const chars =
  snapshots.reduce((sum, snapshot) => sum + snapshot.activities.reduce((s, a) => s + a.text.length, 0), 0) /
  accounts;

const stages = ['business_rules', 'temporal', 'conversation', 'contact_network', 'cross_check'] as const;
type Stage = (typeof stages)[number];
let signals = 0;

/** One pass over every account; returns the milliseconds spent per stage. */
function runAll(): Record<Stage, number> {
  const elapsed: Record<Stage, number> = {
    business_rules: 0,
    temporal: 0,
    conversation: 0,
    contact_network: 0,
    cross_check: 0,
  };
  for (const snapshot of snapshots) {
    let t0 = performance.now();
    const business = businessRulesTechnique(snapshot, ctx);
    let t1 = performance.now();
    elapsed.business_rules += t1 - t0;
    t0 = t1;
    const temporal = temporalTechnique(snapshot, ctx);
    t1 = performance.now();
    elapsed.temporal += t1 - t0;
    t0 = t1;
    const conversation = conversationTechnique(snapshot, ctx);
    t1 = performance.now();
    elapsed.conversation += t1 - t0;
    t0 = t1;
    const network = contactNetworkTechnique(snapshot, ctx);
    t1 = performance.now();
    elapsed.contact_network += t1 - t0;
    t0 = t1;
    const results: TechniqueResult[] = [business, temporal, conversation, network];
    const checked = crossCheck(snapshot, ctx, results);
    t1 = performance.now();
    elapsed.cross_check += t1 - t0;
    signals +=
      business.signals.length +
      temporal.signals.length +
      conversation.signals.length +
      network.signals.length +
      checked.contradictions.length;
  }
  return elapsed;
}

runAll(); // warm-up: let the JIT settle
// The CPU is shared: report the best round (least disturbed) and the mean.
const perRound: Record<Stage, number>[] = [];
for (let round = 0; round < rounds; round++) perRound.push(runAll());
const totalOf = (elapsed: Record<Stage, number>) => stages.reduce((sum, stage) => sum + elapsed[stage], 0);
const best = perRound.reduce((a, b) => (totalOf(b) < totalOf(a) ? b : a));
const mean = Object.fromEntries(
  stages.map((stage) => [stage, perRound.reduce((sum, elapsed) => sum + elapsed[stage], 0) / rounds]),
) as Record<Stage, number>;

const perAccount = (ms: number) => ((ms * 1000) / accounts).toFixed(1).padStart(7);
const lines = [
  `${accounts} accounts × ${rounds} rounds, 6 series × ${BENCH_DAYS} days, ${BENCH_ACTIVITIES} activities (~${Math.round(chars)} chars of text) per account`,
  `  ${'µs/account'.padEnd(16)}    best    mean`,
  ...stages.map((stage) => `  ${stage.padEnd(16)} ${perAccount(best[stage])} ${perAccount(mean[stage])}`),
  `  ${'total'.padEnd(16)} ${perAccount(totalOf(best))} ${perAccount(totalOf(mean))}  (best: ${Math.round(accounts / (totalOf(best) / 1000))} accounts/s)`,
  `  signals + contradictions per account: ${(signals / (accounts * (rounds + 1))).toFixed(2)}`,
];
process.stdout.write(`${lines.join('\n')}\n`);
