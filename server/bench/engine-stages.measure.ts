// The engine's stages per account on one core, on snapshots generated beforehand: validate (`parseAccounts`),
// score (`scoreAccount`, pure, no agent), agent (the deterministic agent on the shortlist). CPU time, best of
// rounds after a warm-up round. The generator's own cost is measured apart, as it is no part of the product.
import { defaultOrgConfig, parseAccounts, type AccountSnapshot, type Verdict } from '@ripe/shared';
import { deterministicAgent } from '../src/engine/agent/deterministic.agent.ts';
import { isShortlisted } from '../src/engine/agent/expansion-agent.ts';
import type { EngineContext } from '../src/engine/engine-context.ts';
import { scoreAccount } from '../src/engine/score-account.ts';
import { trainSandboxModel } from '../src/eval/sandbox-training.ts';
import { createSandbox } from '../src/sandbox/sandbox.ts';
import { bestCpuMs, cpuNowMs } from './bench-clock.ts';

export interface EngineStagesOptions {
  accounts: number;
  rounds: number;
  asOf: string;
}

export interface EngineStages {
  accounts: number;
  shortlisted: number;
  usageDays: number;
  rounds: number;
  /** CPU µs per account; `agent` spread over every account, `agentPerShortlisted` over those it assessed. */
  microsPerAccount: { generate: number; validate: number; score: number; agent: number };
  agentPerShortlisted: number;
  /** The wall-clock seconds the whole engine part took, model training included. */
  wallSeconds: number;
}

export function measureEngineStages(options: EngineStagesOptions): EngineStages {
  const startedAt = performance.now();
  const { accounts, rounds, asOf } = options;
  const sandbox = createSandbox({ accounts, seed: 11, endDate: asOf });
  const { model } = trainSandboxModel(sandbox, asOf, { sampleSize: 500 });
  const ctx: EngineContext = { now: asOf, config: defaultOrgConfig, priceBook: sandbox.priceBook };

  // Pre-generation: a smaller warm-up portfolio for the JIT, then one timed pass whose snapshots are kept.
  const warmUp = createSandbox({ accounts: Math.min(accounts, 300), seed: 12, endDate: asOf });
  for (let i = 0; i < warmUp.options.accounts; i += 1) warmUp.snapshotAt(i, asOf);
  const raw: AccountSnapshot[] = [];
  const generateBefore = cpuNowMs();
  for (let i = 0; i < accounts; i += 1) raw.push(sandbox.snapshotAt(i, asOf));
  const generateMs = cpuNowMs() - generateBefore;

  let valid: AccountSnapshot[] = [];
  const validateMs = bestCpuMs(rounds, () => {
    valid = parseAccounts(raw).valid;
  });
  if (valid.length !== accounts) throw new Error(`${accounts - valid.length} sandbox accounts are invalid`);

  let verdicts: Verdict[] = [];
  const scoreMs = bestCpuMs(rounds, () => {
    verdicts = valid.map((snapshot) => scoreAccount(snapshot, ctx, model));
  });

  const shortlist = verdicts.flatMap((verdict, index) =>
    isShortlisted(verdict) ? [{ verdict, snapshot: valid[index] as AccountSnapshot }] : [],
  );
  const agentMs = bestCpuMs(rounds, () => {
    for (const { verdict, snapshot } of shortlist) deterministicAgent.assess(verdict, snapshot, ctx);
  });

  const micros = (ms: number, count = accounts) => (count === 0 ? 0 : (ms * 1000) / count);
  return {
    accounts,
    shortlisted: shortlist.length,
    usageDays: raw[0]?.usage[0]?.values.length ?? 0,
    rounds,
    microsPerAccount: {
      generate: micros(generateMs),
      validate: micros(validateMs),
      score: micros(scoreMs),
      agent: micros(agentMs),
    },
    agentPerShortlisted: micros(agentMs, shortlist.length),
    wallSeconds: (performance.now() - startedAt) / 1000,
  };
}
