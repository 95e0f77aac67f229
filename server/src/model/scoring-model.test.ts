import { describe, expect, it } from 'vitest';
import { FEATURE_NAMES, type FeatureVector } from './features.ts';
import { expectedCalibrationError } from './metrics/index.ts';
import { areaUnderRoc } from './metrics/auc.metric.ts';
import { scoringModelFromJson, trainScoringModel, type TrainingRow } from './scoring-model.ts';
import { generateSyntheticData, type SyntheticSignal } from './synthetic-data.fixture.ts';

function rowsOf(signal: SyntheticSignal, rows: number, seed: number, missingShare = 0): TrainingRow[] {
  const data = generateSyntheticData({ rows, features: 10, signal, seed, missingShare });
  return Array.from({ length: rows }, (_, r) => ({
    features: Array.from(data.x.data.subarray(r * 10, r * 10 + 10)),
    label: data.y[r] as 0 | 1,
  }));
}

function heldOut(model: ReturnType<typeof trainScoringModel>, rows: TrainingRow[]) {
  const labels = rows.map((row) => row.label);
  const probabilities = rows.map((row) => model.predict(row.features).probability);
  return { auc: areaUnderRoc(labels, probabilities), ece: expectedCalibrationError(labels, probabilities) };
}

describe('trainScoringModel', () => {
  it.each([
    ['interaction', 'boosted_trees'],
    ['linear', 'logistic'],
  ] as const)('on a %s signal picks %s by measurement', (signal, expected) => {
    const model = trainScoringModel(rowsOf(signal, 3000, 1, 0.05), { seed: 2, bootstrap: 0 });
    expect(model.summary.learner).toBe(expected);
    expect(model.summary.comparison.map((score) => score.learner).sort()).toEqual([
      'boosted_trees',
      'logistic',
    ]);
    expect(heldOut(model, rowsOf(signal, 2000, 9, 0.05)).auc).toBeGreaterThan(0.75);
  });

  it('is calibrated on well-specified data', () => {
    const model = trainScoringModel(rowsOf('linear', 4000, 3), { seed: 2, bootstrap: 0 });
    expect(model.summary.calibration).toBe('isotonic');
    expect(heldOut(model, rowsOf('linear', 4000, 4)).ece).toBeLessThan(0.03);
  });

  it('validates in time order when rows carry times', () => {
    const rows = rowsOf('linear', 600, 5).map((row, i) => ({ ...row, time: i % 6 }));
    expect(trainScoringModel(rows, { bootstrap: 0 }).summary.validation).toBe('time');
  });

  it('gives an interval around the probability, narrower with more data', () => {
    const small = trainScoringModel(rowsOf('linear', 300, 6), { seed: 1 });
    const large = trainScoringModel(rowsOf('linear', 3000, 6), { seed: 1 });
    const probe = rowsOf('linear', 50, 7);
    const meanWidth = (model: typeof small) =>
      probe.reduce((sum, row) => {
        const { probability, interval } = model.predict(row.features);
        expect(interval[0]).toBeLessThanOrEqual(probability);
        expect(interval[1]).toBeGreaterThanOrEqual(probability);
        return sum + interval[1] - interval[0];
      }, 0) / probe.length;
    expect(meanWidth(large)).toBeLessThan(meanWidth(small));
    expect(large.predict(probe[0]!.features).confidence).toBeGreaterThan(
      small.predict(probe[0]!.features).confidence,
    );
  });

  it('explains with contributions sorted by size, the strongest feature first', () => {
    const model = trainScoringModel(rowsOf('linear', 2000, 8), {
      seed: 1,
      bootstrap: 0,
      candidates: ['logistic'],
    });
    const { contributions } = model.predict([3, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect(contributions[0]!.feature).toBe('x0');
    expect(contributions[0]!.contribution).toBeGreaterThan(2);
    const sizes = contributions.map((c) => Math.abs(c.contribution));
    expect(sizes).toEqual([...sizes].sort((a, b) => b - a));
  });

  it('round-trips through JSON with identical predictions', () => {
    const model = trainScoringModel(rowsOf('interaction', 800, 2, 0.1), { seed: 4, bootstrap: 3 });
    const restored = scoringModelFromJson(JSON.parse(JSON.stringify(model.toJSON())));
    for (const row of rowsOf('interaction', 20, 3, 0.1)) {
      expect(restored.predict(row.features)).toStrictEqual(model.predict(row.features));
    }
    expect(restored.describe()).toBe(model.describe());
  });

  it('rejects JSON that is not a model', () => {
    expect(() => scoringModelFromJson({ version: 2 })).toThrow();
  });
});

describe('cold start', () => {
  const account = (overrides: Partial<FeatureVector>): FeatureVector => ({
    ...(Object.fromEntries(FEATURE_NAMES.map((name) => [name, null])) as FeatureVector),
    segment_smb: 0,
    segment_mid_market: 1,
    segment_enterprise: 0,
    ...overrides,
  });

  it('with no history answers with the domain prior alone', () => {
    const model = trainScoringModel([], { featureNames: FEATURE_NAMES });
    expect(model.summary).toMatchObject({ learner: null, prior: 'expansion' });
    const quiet = model.predict(account({}));
    const full = model.predict(account({ seat_utilisation_30d: 0.97, consumption_run_rate: 0.9 }));
    const shrinking = model.predict(account({ days_since_last_contraction: 30, escalations_30d: 2 }));
    expect(quiet.probability).toBeCloseTo(0.1, 2);
    expect(full.probability).toBeGreaterThan(0.4);
    expect(shrinking.probability).toBeLessThan(0.05);
    expect(full.contributions.map((c) => c.feature)).toEqual([
      'seat_utilisation_30d',
      'consumption_run_rate',
    ]);
    expect(quiet.confidence).toBeLessThan(0.3);
  });

  it('blends the prior with a model learned from thin history, by n / (n + k)', () => {
    // thin history: 12 positives where everything is at 0.5 utilisation
    const rows: TrainingRow[] = Array.from({ length: 120 }, (_, i) => ({
      features: account({ seat_utilisation_30d: 0.5 + (i % 10) / 100 }),
      label: i % 10 === 0 ? 1 : 0,
    }));
    const model = trainScoringModel(rows, { bootstrap: 0 });
    expect(model.summary.modelWeight).toBeCloseTo(12 / 22, 6);
    const prior = trainScoringModel([], { featureNames: FEATURE_NAMES });
    const full = account({ seat_utilisation_30d: 0.97 });
    const blended = model.predict(full).probability;
    expect(blended).toBeLessThan(prior.predict(full).probability);
    expect(blended).toBeGreaterThan(0.1);
  });

  it('generic features get no prior', () => {
    expect(trainScoringModel(rowsOf('linear', 200, 1), { bootstrap: 0 }).summary.prior).toBe('none');
  });
});
