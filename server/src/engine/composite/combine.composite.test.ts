import { describe, expect, it } from 'vitest';
import { defaultOrgConfig, type Contradiction, type Readiness, type TechniqueResult } from '@ripe/shared';
import { combineTechniques } from './combine.composite.ts';
import { applyMinimumPotential } from './readiness.composite.ts';
import { contradiction, convergingResults, signal, techniqueResult } from './composite-fixtures.ts';

const config = defaultOrgConfig.composite;

function combine(results: TechniqueResult[], contradictions: Contradiction[] = [], composite = config) {
  return combineTechniques(
    results,
    results.flatMap((result) => result.signals),
    contradictions,
    composite,
  );
}

describe('combineTechniques: convergence', () => {
  it('makes a clearly converging account ready with a seat upsell', () => {
    const outcome = combine(convergingResults());
    expect(outcome.readiness).toBe('ready');
    expect(outcome.motion).toBe('seat_upsell');
    expect(outcome.score).toBeGreaterThanOrEqual(config.readyScore);
    expect(outcome.convergingTechniques).toHaveLength(5);
    expect(outcome.convergingSources).toStrictEqual(['model', 'usage', 'conversations', 'relationship']);
    expect(outcome.confidence).toBeGreaterThan(0.5);
  });

  it.each<[string, TechniqueResult[]]>([
    [
      'one isolated signal, however strong',
      [techniqueResult('business_rules', 1, [signal('active_user_spike', 1)], 1)],
    ],
    [
      'several signals of the same technique',
      [
        techniqueResult(
          'business_rules',
          1,
          [
            signal('seat_utilisation_high', 1),
            signal('active_user_spike', 1),
            signal('tier_limit_reached', 1),
          ],
          1,
        ),
      ],
    ],
    ['the model alone', [techniqueResult('predictive', 1, [signal('high_expansion_probability', 1)], 1)]],
    [
      'two techniques where one only hints',
      [
        techniqueResult('business_rules', 1, [signal('seat_utilisation_high', 1)], 1),
        techniqueResult('conversation', 1, [signal('buying_intent', 0.2)], 1),
      ],
    ],
  ])('never makes ready from %s', (_, results) => {
    const outcome = combine(results);
    expect(outcome.readiness).not.toBe('ready');
    expect(outcome.convergingSources.length).toBeLessThan(2);
  });

  it('honours a stricter minConvergingTechniques', () => {
    const results = convergingResults().slice(0, 4); // model, business rules, temporal, conversation
    expect(combine(results).readiness).toBe('ready');
    expect(combine(results, [], { ...config, minConvergingTechniques: 3 }).readiness).toBe('ready');
    expect(combine(results, [], { ...config, minConvergingTechniques: 4 }).readiness).toBe('nurture');
  });

  it('is not_ready with no positive signal', () => {
    const outcome = combine([techniqueResult('business_rules', 0), techniqueResult('temporal', 0)]);
    expect(outcome).toMatchObject({ readiness: 'not_ready', motion: null, score: 0 });
  });
});

describe('combineTechniques: contradictions', () => {
  it.each<[Contradiction['code'], 'lower' | 'block']>([
    ['seats_full_shallow_adoption', 'lower'],
    ['open_escalation', 'lower'],
    ['recent_contraction', 'lower'],
    ['renewal_imminent', 'lower'],
    ['champion_left', 'lower'],
    ['negative_sentiment', 'lower'],
    ['declining_usage', 'lower'],
  ])('%s with effect %s lowers the score', (code, effect) => {
    const clean = combine(convergingResults());
    const contradicted = combine(convergingResults(), [contradiction(code, effect)]);
    expect(contradicted.score).toBeLessThan(clean.score);
    expect(contradicted.confidence).toBeLessThan(clean.confidence);
  });

  it.each<Contradiction['code']>([
    'open_escalation',
    'recent_contraction',
    'renewal_imminent',
    'champion_left',
    'negative_sentiment',
    'relationship_cooling',
    'churn_risk',
    'budget_cut',
  ])('%s blocking makes ready impossible: caution, the motion kept', (code) => {
    const strong = convergingResults().map((result) => ({ ...result, score: 1, confidence: 1 }));
    expect(combine(strong, [contradiction(code, 'lower')]).readiness).toBe('ready');
    expect(combine(strong, [contradiction(code, 'block')])).toMatchObject({
      readiness: 'caution',
      motion: 'seat_upsell',
      hasCase: true,
    });
  });

  it('blocking weighs more than lowering', () => {
    const lowered = combine(convergingResults(), [contradiction('open_escalation', 'lower')]);
    const blocked = combine(convergingResults(), [contradiction('open_escalation', 'block')]);
    expect(blocked.score).toBeLessThan(lowered.score);
  });

  it('rising usage with a cooling relationship is caution, even when the score is high', () => {
    const strong = convergingResults().map((result) => ({ ...result, score: 1, confidence: 1 }));
    const outcome = combine(strong, [contradiction('rising_usage_cooling_relationship', 'block')]);
    expect(outcome.readiness).toBe('caution');
    expect(outcome.motion).toBe('seat_upsell');
  });

  it('a case under every serious risk at once is still caution, never a quieter not_ready', () => {
    const risks = (
      ['open_escalation', 'recent_contraction', 'churn_risk', 'relationship_cooling'] as const
    ).map((code) => contradiction(code, 'block'));
    const outcome = combine(convergingResults(), risks);
    expect(outcome.score).toBeLessThan(config.nurtureScore);
    expect(outcome.caseScore).toBe(combine(convergingResults()).caseScore);
    expect(outcome.readiness).toBe('caution');
  });

  it('negative signals weigh on the score, never on the case', () => {
    const results = convergingResults();
    const withNegatives = results.map((result) =>
      result.technique === 'conversation'
        ? { ...result, score: 0.1, signals: [...result.signals, signal('churn_threat', 0.9)] }
        : result,
    );
    const clean = combine(results);
    const negative = combine(withNegatives);
    expect(negative.score).toBeLessThan(clean.score);
    expect(negative.caseScore).toBe(clean.caseScore);
  });

  it('a cooling relationship without positive usage signals is not caution by itself', () => {
    const results = [
      techniqueResult('conversation', 0.3, [signal('buying_intent', 0.5)]),
      techniqueResult('contact_network', 0.1, [signal('engagement_cooling', 0.7)]),
    ];
    const outcome = combine(results, [contradiction('relationship_cooling', 'block')]);
    expect(outcome).toMatchObject({ readiness: 'not_ready', hasCase: false, motion: null });
  });

  it('seats full but shallow adoption drops the motions it blocks: nurture without a motion', () => {
    const outcome = combine(convergingResults(), [contradiction('seats_full_shallow_adoption', 'lower')]);
    expect(outcome).toMatchObject({ readiness: 'nurture', motion: null, hasCase: true });
  });

  it('seats full but shallow adoption leaves a usage commit open', () => {
    const results = convergingResults().map((result) =>
      result.technique === 'business_rules'
        ? { ...result, signals: [...result.signals, signal('consumption_near_commit', 0.9)] }
        : result,
    );
    const outcome = combine(results, [contradiction('seats_full_shallow_adoption', 'lower')]);
    expect(outcome).toMatchObject({ readiness: 'ready', motion: 'usage_commit' });
  });

  it('a converging case with no motion to propose is nurture, not ready', () => {
    const results = [
      techniqueResult('predictive', 0.9, [signal('high_expansion_probability', 0.9)], 1),
      techniqueResult(
        'contact_network',
        0.9,
        [signal('sponsor_engaged', 0.9), signal('engagement_rising', 0.9)],
        1,
      ),
    ];
    const outcome = combine(results);
    expect(outcome.score).toBeGreaterThanOrEqual(config.readyScore);
    expect(outcome).toMatchObject({ readiness: 'nurture', motion: null });
  });
});

describe('combineTechniques: readiness thresholds', () => {
  it.each([
    [0.95, 'ready'],
    [0.45, 'nurture'],
    [0.1, 'not_ready'],
  ] as const)('a converging account scoring %f is %s', (level, readiness) => {
    const results = [
      techniqueResult('business_rules', level, [signal('seat_utilisation_high', level)], 1),
      techniqueResult('conversation', level, [signal('buying_intent', level)], 1),
    ];
    expect(combine(results).readiness).toBe(readiness);
  });

  it('reads the thresholds from the config', () => {
    const results = [
      techniqueResult('business_rules', 0.45, [signal('seat_utilisation_high', 0.45)], 1),
      techniqueResult('conversation', 0.45, [signal('buying_intent', 0.45)], 1),
    ];
    expect(combine(results, [], { ...config, readyScore: 50 }).readiness).toBe('ready');
    expect(combine(results, [], { ...config, nurtureScore: 60, readyScore: 80 }).readiness).toBe('not_ready');
  });
});

describe('applyMinimumPotential', () => {
  it.each<[Readiness, number, number | undefined, Readiness]>([
    ['ready', 1200, undefined, 'ready'],
    ['ready', 1200, 5000, 'nurture'],
    ['ready', 5000, 5000, 'ready'],
    ['caution', 100, 5000, 'caution'],
    ['nurture', 100, 5000, 'nurture'],
  ])('%s worth %d with a minimum of %s → %s', (readiness, arr, minPotential, expected) => {
    const composite = minPotential === undefined ? config : { ...config, minPotential };
    expect(applyMinimumPotential(readiness, arr, composite)).toBe(expected);
  });
});
