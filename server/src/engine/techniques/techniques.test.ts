// The five techniques together, on the benchmark's synthetic accounts: every result is valid, evidence
// ids are unique across techniques, and every signal and contradiction cites evidence that exists.
import { describe, expect, it } from 'vitest';
import { buildBenchAccount } from './bench-accounts.ts';
import { businessRulesTechnique } from './business-rules/business-rules.technique.ts';
import { contactNetworkTechnique } from './contact-network/contact-network.technique.ts';
import { conversationTechnique } from './conversation/conversation.technique.ts';
import { crossCheck } from './cross-check/cross-check.ts';
import { temporalTechnique } from './temporal/temporal.technique.ts';
import { resultProblems, TEST_NOW, testContext } from './test-fixtures.ts';

const prefixes = {
  business_rules: 'br:',
  temporal: 'tmp:',
  conversation: 'conv:',
  contact_network: 'net:',
  cross_check: 'xc:',
};

describe('the five techniques on synthetic accounts', () => {
  it('produce consistent, prefixed, unique evidence', () => {
    const ctx = testContext(TEST_NOW);
    const problems: string[] = [];
    let signals = 0;
    for (let index = 0; index < 40; index++) {
      const snapshot = buildBenchAccount(index);
      const results = [
        businessRulesTechnique(snapshot, ctx),
        temporalTechnique(snapshot, ctx),
        conversationTechnique(snapshot, ctx),
        contactNetworkTechnique(snapshot, ctx),
      ];
      const checked = crossCheck(snapshot, ctx, results);
      const all = [...results, checked];
      const ids = all.flatMap((result) => result.evidence.map((evidence) => evidence.id));
      if (new Set(ids).size !== ids.length) problems.push(`${snapshot.account.id}: duplicate evidence ids`);
      for (const result of all) {
        for (const problem of resultProblems(result, ids))
          problems.push(`${snapshot.account.id} ${result.technique}: ${problem}`);
        for (const evidence of result.evidence) {
          if (!evidence.id.startsWith(prefixes[result.technique as keyof typeof prefixes])) {
            problems.push(`${evidence.id} lacks the ${result.technique} prefix`);
          }
        }
        signals += result.signals.length + result.contradictions.length;
      }
    }
    expect(problems).toStrictEqual([]);
    // The synthetic accounts are built to fire: a silent run would mean a broken technique.
    expect(signals).toBeGreaterThan(200);
  });
});
