import { describe, expect, it } from 'vitest';
import { verdictSchema, type AgentAssessment } from '@ripe/shared';
import type { ExpansionAgent } from './agent/expansion-agent.ts';
import { scoreAndAssess } from './score-account.ts';
import {
  buildSnapshot,
  constant,
  ramp,
  seriesEndingOn,
  testContext,
  TEST_NOW,
} from './techniques/test-fixtures.ts';

const ctx = testContext();

function recordingAgent(calls: string[]): ExpansionAgent {
  return {
    assess(verdict): AgentAssessment {
      calls.push(verdict.accountId);
      return {
        isReal: false,
        reason: 'stub',
        adjustedPotential: verdict.potential,
        adjustments: [],
        decisionMaker: null,
        approach: '',
        talkTrack: [],
        emailDraft: { subject: '', body: '' },
        nextStep: '',
        citedEvidenceIds: [],
        by: 'claude',
      };
    },
  };
}

describe('scoreAndAssess', () => {
  it('scores an account without data as not ready: no motion, no potential, no window, no agent', () => {
    const verdict = scoreAndAssess(buildSnapshot(), ctx);
    expect(verdictSchema.parse(verdict)).toStrictEqual(verdict);
    expect(verdict).toMatchObject({
      accountId: 'acc-1',
      asOf: TEST_NOW,
      readiness: 'not_ready',
      motion: null,
      potential: { currency: 'USD', arr: 0, low: 0, high: 0, basis: 'No expansion motion.' },
      expectedValue: 0,
      window: null,
      agent: null,
    });
    expect(verdict.techniques.map((item) => item.technique)).toStrictEqual([
      'predictive',
      'conversation',
      'contact_network',
      'business_rules',
      'temporal',
      'cross_check',
    ]);
    // the cold-start prior answers without a model
    expect(verdict.probability).toBeGreaterThan(0);
    expect(verdict.probability).toBeLessThan(0.5);
  });

  it('hands only shortlisted accounts to the agent it is given', () => {
    const calls: string[] = [];
    const agent = recordingAgent(calls);
    const idle = buildSnapshot({ account: { id: 'idle' } });
    const full = buildSnapshot({
      account: { id: 'full' },
      usage: [
        seriesEndingOn(TEST_NOW, 'seats_used', 'seats_used', [...ramp(75, 36, 45), ...constant(45, 49)]),
        seriesEndingOn(TEST_NOW, 'active_users', 'active_users', ramp(120, 30, 52)),
      ],
    });
    const verdicts = [idle, full].map((snapshot) => scoreAndAssess(snapshot, ctx, undefined, { agent }));
    const shortlisted = verdicts.filter((item) => item.readiness === 'ready' || item.readiness === 'nurture');
    expect(shortlisted.map((item) => item.accountId)).toStrictEqual(['full']);
    expect(calls).toStrictEqual(['full']);
    expect(shortlisted[0]?.agent?.by).toBe('claude');
    expect(shortlisted[0]?.window).not.toBeNull();
  });
});
