import { describe, expect, it } from 'vitest';
import type { TechniqueResult } from '@ripe/shared';
import { signalCatalogue, type SignalCode } from '@ripe/shared';
import { addDays } from '@ripe/shared';
import { makeSignal } from '../signal.ts';
import {
  buildSnapshot,
  constant,
  resultProblems,
  seriesEndingOn,
  TEST_NOW,
  testContext,
  type SnapshotOverrides,
} from '../test-fixtures.ts';
import { crossCheck } from './cross-check.ts';

type Found = SignalCode | [SignalCode, number];

/** Technique results holding the given signals (strength 0.7 unless given), each with one evidence. */
function resultsWith(found: Found[]): TechniqueResult[] {
  const byTechnique = new Map<string, TechniqueResult>();
  for (const item of found) {
    const [code, strength] = typeof item === 'string' ? [item, 0.7] : item;
    const technique = signalCatalogue[code].technique;
    const result = byTechnique.get(technique) ?? {
      technique,
      score: 0.5,
      confidence: 0.5,
      signals: [],
      evidence: [],
      contradictions: [],
    };
    byTechnique.set(technique, result);
    const id = `test:${code}`;
    result.evidence.push({ id, description: code, value: 1, date: TEST_NOW, source: 'contract' });
    result.signals.push(makeSignal(code, strength, [id]));
  }
  return [...byTechnique.values()];
}

const featureUse = (features: string[]) =>
  features.map((feature) =>
    seriesEndingOn(TEST_NOW, `feature_${feature}`, 'feature_adoption', constant(30, 12), { feature }),
  );
const daysAgo = (days: number) => addDays(TEST_NOW, -days);
const ticket = (status: 'open' | 'closed', openedDaysAgo: number) => ({
  id: 't-1',
  openedAt: daysAgo(openedDaysAgo),
  priority: 'high' as const,
  status,
  escalated: true,
  subject: 'Exports failing',
});
const contraction = (stage: 'closed_won' | 'closed_lost', closedDaysAgo: number) => ({
  id: 'o-1',
  type: 'contraction' as const,
  amount: 4800,
  stage,
  createdAt: daysAgo(closedDaysAgo + 20),
  closedAt: daysAgo(closedDaysAgo),
});

interface Case {
  name: string;
  found: Found[];
  snapshot?: SnapshotOverrides;
  expected: [string, 'lower' | 'block'][];
}

const cases: Case[] = [
  {
    name: 'usage up, relationship cooling',
    found: ['seats_trending_up', 'engagement_cooling'],
    expected: [['rising_usage_cooling_relationship', 'block']],
  },
  {
    name: 'relationship cooling, usage flat',
    found: ['seat_utilisation_high', 'engagement_cooling'],
    expected: [['relationship_cooling', 'block']],
  },
  { name: 'usage up, relationship rising', found: ['seats_trending_up', 'engagement_rising'], expected: [] },
  {
    name: 'seats full, 1 of 5 features used',
    found: ['seat_utilisation_high'],
    snapshot: { contract: { tier: 'business' }, usage: featureUse(['core']) },
    expected: [['seats_full_shallow_adoption', 'lower']],
  },
  {
    name: 'seats full, 3 of 5 features used',
    found: ['seat_utilisation_high'],
    snapshot: { contract: { tier: 'business' }, usage: featureUse(['core', 'reports', 'sso']) },
    expected: [],
  },
  { name: 'seats full, no feature data', found: ['plateau_at_limit'], expected: [] },
  {
    name: 'escalated ticket open 10 days',
    found: [],
    snapshot: { tickets: [ticket('open', 10)] },
    expected: [['open_escalation', 'block']],
  },
  { name: 'escalated ticket closed', found: [], snapshot: { tickets: [ticket('closed', 10)] }, expected: [] },
  {
    name: 'escalated ticket opened 60 days ago',
    found: [],
    snapshot: { tickets: [ticket('open', 60)] },
    expected: [],
  },
  {
    name: 'contraction won 30 days ago',
    found: [],
    snapshot: { opportunities: [contraction('closed_won', 30)] },
    expected: [['recent_contraction', 'block']],
  },
  {
    name: 'contraction lost',
    found: [],
    snapshot: { opportunities: [contraction('closed_lost', 30)] },
    expected: [],
  },
  {
    name: 'contraction won 200 days ago',
    found: [],
    snapshot: { opportunities: [contraction('closed_won', 200)] },
    expected: [],
  },
  {
    name: 'renewal in 20 days with dissatisfaction',
    found: [['dissatisfaction', 0.3]],
    snapshot: { contract: { renewalDate: addDays(TEST_NOW, 20) } },
    expected: [['renewal_imminent', 'lower']],
  },
  {
    name: 'renewal in 20 days, nothing negative',
    found: ['buying_intent'],
    snapshot: { contract: { renewalDate: addDays(TEST_NOW, 20) } },
    expected: [],
  },
  {
    name: 'renewal in 60 days with dissatisfaction',
    found: [['dissatisfaction', 0.3]],
    snapshot: { contract: { renewalDate: addDays(TEST_NOW, 60) } },
    expected: [],
  },
  { name: 'usage declining', found: ['usage_declining'], expected: [['declining_usage', 'block']] },
  { name: 'usage rising', found: ['seats_trending_up'], expected: [] },
  { name: 'champion left', found: ['champion_left'], expected: [['champion_left', 'lower']] },
  {
    name: 'champion leaving mentioned',
    found: ['champion_leaving_mentioned'],
    expected: [['champion_left', 'lower']],
  },
  { name: 'sponsor engaged', found: ['sponsor_engaged'], expected: [] },
  {
    name: 'a recent churn threat or alternative evaluated',
    found: [['churn_threat', 0.3]],
    expected: [['churn_risk', 'block']],
  },
  { name: 'a faint churn threat', found: [['churn_threat', 0.1]], expected: [] },
  {
    name: 'dissatisfaction and a faint churn threat together',
    found: [
      ['dissatisfaction', 0.4],
      ['churn_threat', 0.2],
    ],
    expected: [['negative_sentiment', 'lower']],
  },
  {
    name: 'a recent budget cut or restructuring',
    found: [['budget_cut', 0.3]],
    expected: [['budget_cut', 'block']],
  },
  {
    name: 'dissatisfaction and a faint budget cut',
    found: [
      ['dissatisfaction', 0.4],
      ['budget_cut', 0.2],
    ],
    expected: [['negative_sentiment', 'lower']],
  },
  { name: 'mild dissatisfaction only', found: [['dissatisfaction', 0.3]], expected: [] },
  {
    name: 'the customer declined to grow now, more than they asked for anything',
    found: [
      ['expansion_declined', 0.6],
      ['buying_intent', 0.2],
    ],
    expected: [['expansion_declined', 'lower']],
  },
  {
    name: 'a decline outweighed by a later ask',
    found: [
      ['expansion_declined', 0.3],
      ['buying_intent', 0.6],
    ],
    expected: [],
  },
  { name: 'a faint decline', found: [['expansion_declined', 0.1]], expected: [] },
];

describe('crossCheck', () => {
  it.each(cases)('$name → $expected', ({ found, snapshot, expected }) => {
    const results = resultsWith(found);
    const checked = crossCheck(buildSnapshot(snapshot), testContext(), results);
    expect(
      checked.contradictions.map((contradiction) => [contradiction.code, contradiction.effect]),
    ).toStrictEqual(expected);
    const cited = results.flatMap((result) => result.evidence.map((evidence) => evidence.id));
    expect(resultProblems(checked, cited)).toStrictEqual([]);
  });

  it('cites the techniques’ evidence and its own', () => {
    const results = resultsWith(['seat_utilisation_high']);
    const checked = crossCheck(
      buildSnapshot({ contract: { tier: 'business' }, usage: featureUse(['core']) }),
      testContext(),
      results,
    );
    expect(checked.contradictions[0]?.evidenceIds).toStrictEqual([
      'test:seat_utilisation_high',
      'xc:adoption-breadth',
    ]);
    expect(checked.evidence).toStrictEqual([
      {
        id: 'xc:adoption-breadth',
        description: '1 of 5 available features used in the last 30 days',
        value: 0.2,
        threshold: 0.3,
        date: TEST_NOW,
        source: 'usage:feature_adoption',
      },
    ]);
  });

  it('takes the shallow-adoption threshold from the org config', () => {
    const snapshot = buildSnapshot({
      contract: { tier: 'business' },
      usage: featureUse(['core', 'reports']),
    });
    const results = resultsWith(['seat_utilisation_high']);
    expect(crossCheck(snapshot, testContext(), results).contradictions).toStrictEqual([]);
    const strict = testContext(TEST_NOW, { rules: { shallowAdoption: 0.5 } });
    expect(crossCheck(snapshot, strict, results).contradictions.map((c) => c.code)).toStrictEqual([
      'seats_full_shallow_adoption',
    ]);
  });

  it('scores 1 when nothing contradicts, 0.75 per lowering contradiction, 0 when blocked', () => {
    const snapshot = buildSnapshot();
    expect(crossCheck(snapshot, testContext(), resultsWith(['buying_intent'])).score).toBe(1);
    expect(crossCheck(snapshot, testContext(), resultsWith(['champion_left'])).score).toBe(0.75);
    expect(crossCheck(snapshot, testContext(), resultsWith(['usage_declining'])).score).toBe(0);
  });
});
