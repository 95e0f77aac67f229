// Cost of the composite, sizing, window and agent per account on sandbox accounts, apart from the
// techniques (which run once, untimed), and of the whole `scoreAndAssess` for comparison.
//
//   npx tsx server/bench/composite.bench.ts [accounts=3000] [rounds=5]
import { defaultOrgConfig, type TechniqueResult, type Verdict } from '@ripe/shared';
import { createSandbox } from '../src/sandbox/sandbox.ts';
import { priorOnlyModel } from '../src/model/scoring-model.ts';
import { deterministicAgent } from '../src/engine/agent/deterministic.agent.ts';
import type { EngineContext } from '../src/engine/engine-context.ts';
import { scoreAndAssess } from '../src/engine/score-account.ts';
import { noPotential, sizePotential } from '../src/engine/sizing/potential.sizing.ts';
import { businessRulesTechnique } from '../src/engine/techniques/business-rules/business-rules.technique.ts';
import { contactNetworkTechnique } from '../src/engine/techniques/contact-network/contact-network.technique.ts';
import { conversationTechnique } from '../src/engine/techniques/conversation/conversation.technique.ts';
import { crossCheck } from '../src/engine/techniques/cross-check/cross-check.ts';
import { predictiveResult, scoreWithModel } from '../src/engine/techniques/predictive.technique.ts';
import { projectLimit } from '../src/engine/techniques/temporal/limit-projection.ts';
import { temporalTechnique } from '../src/engine/techniques/temporal/temporal.technique.ts';
import { combineTechniques } from '../src/engine/composite/combine.composite.ts';
import { mergeResults } from '../src/engine/composite/merge-results.composite.ts';
import { expansionWindow, projectedLimitOf } from '../src/engine/composite/window.composite.ts';

const accounts = Number(process.argv[2] ?? 3000);
const rounds = Number(process.argv[3] ?? 5);
const endDate = '2026-11-01';
const sandbox = createSandbox({ accounts, seed: 11, endDate });
const ctx: EngineContext = { now: endDate, config: defaultOrgConfig, priceBook: sandbox.priceBook };
const model = priorOnlyModel();
const snapshots = Array.from({ length: accounts }, (_, index) => sandbox.snapshotAt(index, endDate));
const techniqueResults = snapshots.map((snapshot) => {
  const score = scoreWithModel(model, snapshot, endDate);
  const results: TechniqueResult[] = [
    predictiveResult(score, endDate),
    conversationTechnique(snapshot, ctx),
    contactNetworkTechnique(snapshot, ctx),
    businessRulesTechnique(snapshot, ctx),
    temporalTechnique(snapshot, ctx),
  ];
  results.push(crossCheck(snapshot, ctx, results));
  return { results, score };
});

const counts: Record<Verdict['readiness'], number> = { ready: 0, nurture: 0, caution: 0, not_ready: 0 };
function ourPart(measure: boolean): number {
  const started = performance.now();
  for (let i = 0; i < accounts; i++) {
    const snapshot = snapshots[i]!;
    const { results, score } = techniqueResults[i]!;
    const merged = mergeResults(results);
    const outcome = combineTechniques(results, merged.signals, merged.contradictions, ctx.config.composite);
    const potential = outcome.motion
      ? sizePotential(outcome.motion, snapshot, ctx, merged.evidence)
      : noPotential('USD');
    const shortlisted = outcome.readiness === 'ready' || outcome.readiness === 'nurture';
    const window =
      shortlisted && outcome.motion
        ? expansionWindow(
            outcome.readiness,
            projectedLimitOf(merged.signals, merged.evidence) ?? projectLimit(snapshot, ctx),
            ctx.now,
            ctx.config.window,
            snapshot.contract.renewalDate,
          )
        : null;
    if (measure) counts[outcome.readiness]++;
    if (!shortlisted) continue;
    const verdict: Verdict = {
      accountId: snapshot.account.id,
      accountName: snapshot.account.name,
      asOf: ctx.now,
      readiness: outcome.readiness,
      score: outcome.score,
      probability: score.probability,
      probabilityInterval: score.interval,
      confidence: outcome.confidence,
      motion: outcome.motion,
      potential,
      expectedValue: potential.arr * score.probability,
      window,
      signals: merged.signals,
      contradictions: merged.contradictions,
      evidence: merged.evidence,
      techniques: [],
      featureContributions: score.contributions,
      agent: null,
    };
    deterministicAgent.assess(verdict, snapshot, ctx);
  }
  return performance.now() - started;
}

ourPart(false); // warm-up: JIT
let ours = 0;
for (let round = 0; round < rounds; round++) ours += ourPart(round === 0);
for (const snapshot of snapshots.slice(0, 300)) scoreAndAssess(snapshot, ctx, model);
const started = performance.now();
for (let round = 0; round < rounds; round++)
  for (const snapshot of snapshots) scoreAndAssess(snapshot, ctx, model);
const whole = performance.now() - started;

const perAccount = (ms: number) => ((ms * 1000) / (accounts * rounds)).toFixed(1);
process.stdout.write(
  `${accounts} sandbox accounts × ${rounds} rounds; readiness ${JSON.stringify(counts)}\n` +
    `composite + sizing + window + agent: ${perAccount(ours)} µs/account\n` +
    `scoreAndAssess end to end: ${perAccount(whole)} µs/account = ${Math.round((accounts * rounds) / (whole / 1000))} accounts/s\n`,
);
