// Micro-benchmark of the five techniques of this folder (business rules, temporal, conversation,
// contact network, cross-check) on synthetic accounts: 6 daily series × 450 days, ~40 activities.
//
//   node_modules/.bin/tsx server/src/engine/techniques/techniques.bench.ts [accounts=2000] [rounds=5]
import type { TechniqueResult } from '@ripe/shared';
import { BENCH_ACTIVITIES, BENCH_DAYS, buildBenchAccount } from './bench-accounts.ts';
import { businessRulesTechnique } from './business-rules/business-rules.technique.ts';
import { contactNetworkTechnique } from './contact-network/contact-network.technique.ts';
import { conversationTechnique } from './conversation/conversation.technique.ts';
import { crossCheck } from './cross-check/cross-check.ts';
import { temporalTechnique } from './temporal/temporal.technique.ts';
import { testContext, TEST_NOW } from './test-fixtures.ts';

const accounts = Number(process.argv[2] ?? 2000);
const rounds = Number(process.argv[3] ?? 5);
const ctx = testContext(TEST_NOW);
const snapshots = Array.from({ length: accounts }, (_, index) => buildBenchAccount(index));
const chars =
  snapshots.reduce((sum, snapshot) => sum + snapshot.activities.reduce((s, a) => s + a.text.length, 0), 0) /
  accounts;

const stages = ['business_rules', 'temporal', 'conversation', 'contact_network', 'cross_check'] as const;
const elapsed: Record<(typeof stages)[number], number> = {
  business_rules: 0,
  temporal: 0,
  conversation: 0,
  contact_network: 0,
  cross_check: 0,
};
let signals = 0;

function runAll(measure: boolean): void {
  for (const snapshot of snapshots) {
    let t0 = performance.now();
    const business = businessRulesTechnique(snapshot, ctx);
    let t1 = performance.now();
    if (measure) elapsed.business_rules += t1 - t0;
    t0 = t1;
    const temporal = temporalTechnique(snapshot, ctx);
    t1 = performance.now();
    if (measure) elapsed.temporal += t1 - t0;
    t0 = t1;
    const conversation = conversationTechnique(snapshot, ctx);
    t1 = performance.now();
    if (measure) elapsed.conversation += t1 - t0;
    t0 = t1;
    const network = contactNetworkTechnique(snapshot, ctx);
    t1 = performance.now();
    if (measure) elapsed.contact_network += t1 - t0;
    t0 = t1;
    const results: TechniqueResult[] = [business, temporal, conversation, network];
    const checked = crossCheck(snapshot, ctx, results);
    t1 = performance.now();
    if (measure) elapsed.cross_check += t1 - t0;
    signals +=
      business.signals.length +
      temporal.signals.length +
      conversation.signals.length +
      network.signals.length +
      checked.contradictions.length;
  }
}

runAll(false); // warm-up: let the JIT settle
const start = performance.now();
for (let round = 0; round < rounds; round++) runAll(true);
const wall = performance.now() - start;

const perAccount = (ms: number) => ((ms * 1000) / (accounts * rounds)).toFixed(1);
const lines = [
  `${accounts} accounts × ${rounds} rounds, 6 series × ${BENCH_DAYS} days, ${BENCH_ACTIVITIES} activities (~${Math.round(chars)} chars of text) per account`,
  ...stages.map((stage) => `  ${stage.padEnd(16)} ${perAccount(elapsed[stage]).padStart(7)} µs/account`),
  `  ${'total'.padEnd(16)} ${perAccount(wall).padStart(7)} µs/account  (${Math.round((accounts * rounds) / (wall / 1000))} accounts/s)`,
  `  signals + contradictions per account: ${(signals / (accounts * (rounds + 1))).toFixed(2)}`,
];
process.stdout.write(`${lines.join('\n')}\n`);
