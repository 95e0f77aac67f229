// Every number a verdict's texts state equals the structured value it claims to be, over thousands of
// sandbox verdicts: the approach, the talk track and the email draft of the agent, its next step, and the
// signals text written to the CRM. The customer's texts state only the customer's facts: no potential,
// price, probability or weight — a figure meant for us is an unclaimed number there.
import { describe, expect, it } from 'vitest';
import { defaultOrgConfig, machineFieldValues, type Verdict } from '@ripe/shared';
import { createSandbox } from '../../sandbox/sandbox.ts';
import { scoreAndAssess } from '../score-account.ts';
import type { EngineContext } from '../engine-context.ts';
import {
  agentClaims,
  checkNumbers,
  evidenceClaims,
  withoutTheirWords,
  type Finding,
} from './number-claims.fixture.ts';

const ACCOUNTS = 1_700;
const DAYS = ['2026-04-01', '2026-07-01', '2026-10-01'];

/** The positive signals' lines of the signals text, each with the evidence it shows (writeback-values.ts). */
function signalLines(verdict: Verdict) {
  const byId = new Map(verdict.evidence.map((item) => [item.id, item]));
  return verdict.signals
    .filter((signal) => signal.polarity === 'positive')
    .toSorted((a, b) => b.strength - a.strength)
    .map((signal) => signal.evidenceIds.map((id) => byId.get(id)).find((item) => item !== undefined));
}

describe('number coherence over sandbox verdicts', () => {
  const sandbox = createSandbox({ accounts: ACCOUNTS, seed: 31, endDate: '2026-11-01' });
  const findings: (Finding & { where: string })[] = [];
  let verdicts = 0;
  let assessed = 0;
  let french = 0;
  for (const now of DAYS) {
    const ctx: EngineContext = { now, config: defaultOrgConfig, priceBook: sandbox.priceBook };
    for (let index = 0; index < ACCOUNTS; index++) {
      if (sandbox.customerSince(index) > now) continue;
      const snapshot = sandbox.snapshotAt(index, now);
      const verdict = scoreAndAssess(snapshot, ctx);
      verdicts++;
      const where = `${verdict.accountId} on ${now}`;
      const report = (found: Finding[]) => findings.push(...found.map((item) => ({ ...item, where })));
      const lines = (machineFieldValues(verdict).signals ?? '') as string;
      const shown = signalLines(verdict);
      lines
        .split('\n')
        .filter((line) => line.length > 0)
        .forEach((line, i) => {
          const evidence = shown[i];
          const claims = evidence ? evidenceClaims(evidence, verdict, snapshot, ctx) : [];
          report(checkNumbers(withoutTheirWords(line, verdict, snapshot), claims));
        });
      const agent = verdict.agent;
      if (!agent) continue;
      assessed++;
      if (agent.emailDraft.body.startsWith('Bonjour')) french++;
      const { customer, team } = agentClaims(verdict, snapshot, ctx);
      const anchor = verdict.evidence.find((item) => item.id === agent.citedEvidenceIds[0]);
      const anchorClaims = anchor ? evidenceClaims(anchor, verdict, snapshot, ctx) : [];
      const clean = (text: string) => withoutTheirWords(text, verdict, snapshot);
      for (const line of agent.talkTrack) report(checkNumbers(clean(line), customer));
      report(checkNumbers(clean(`${agent.emailDraft.subject}\n${agent.emailDraft.body}`), customer));
      report(checkNumbers(clean(agent.approach), [...customer, ...team, ...anchorClaims]));
      report(checkNumbers(clean(agent.nextStep), [...customer, ...team]));
    }
  }

  it('holds for every verdict', () => {
    // one example per kind of finding, the kind being the problem with its numbers blanked
    const kinds = new Map<string, string>();
    for (const finding of findings) {
      const kind = finding.problem.replace(/\d+/g, '#').slice(0, 120);
      if (!kinds.has(kind)) kinds.set(kind, `${finding.where}: ${finding.problem}`);
    }
    expect([...kinds.values()].slice(0, 25)).toStrictEqual([]);
  });

  it('covers thousands of verdicts, with hundreds assessed, in both languages', () => {
    expect(verdicts).toBeGreaterThanOrEqual(5_000);
    expect(assessed).toBeGreaterThan(800);
    expect(french).toBeGreaterThan(50);
  });
});
