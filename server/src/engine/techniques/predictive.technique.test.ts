import { techniqueResultSchema } from '@ripe/shared';
import { describe, expect, it } from 'vitest';
import { extractFeatures, toFeatureArray } from '../../model/features.ts';
import { priorOnlyModel, trainScoringModel, type TrainingRow } from '../../model/scoring-model.ts';
import { createPredictiveTechnique, scoreWithModel } from './predictive.technique.ts';
import { buildSnapshot, constant, seriesEndingOn, testContext, TEST_NOW } from './test-fixtures.ts';

const fullSeats = buildSnapshot({
  account: { segment: 'enterprise' },
  contract: { seatsLicensed: 50, committedVolume: 1000 },
  usage: [
    seriesEndingOn(TEST_NOW, 'seats', 'seats_used', constant(90, 49)),
    seriesEndingOn(TEST_NOW, 'api', 'consumption', constant(30, 40)),
  ],
});
const quiet = buildSnapshot({
  account: { segment: 'smb' },
  usage: [seriesEndingOn(TEST_NOW, 'seats', 'seats_used', constant(90, 20))],
});

describe('predictive technique', () => {
  const technique = createPredictiveTechnique(priorOnlyModel());

  it.each([
    ['seats full and consumption over commit', fullSeats, true],
    ['a quiet SMB account', quiet, false],
  ] as const)('%s → signal %s', (_name, snapshot, signalled) => {
    const result = technique(snapshot, testContext());
    expect(techniqueResultSchema.parse(result)).toStrictEqual(result);
    expect(result.technique).toBe('predictive');
    expect(result.signals.map((s) => s.code)).toEqual(signalled ? ['high_expansion_probability'] : []);
    const probability = result.evidence.find((e) => e.id === 'pred:probability')!;
    expect(probability).toMatchObject({
      source: 'model',
      value: result.score,
      threshold: 0.4,
      date: TEST_NOW,
    });
  });

  it('cites the top contributions as evidence and in the signal', () => {
    const result = technique(fullSeats, testContext());
    expect(result.evidence.map((e) => e.id)).toEqual([
      'pred:probability',
      'pred:seat_utilisation_30d',
      'pred:consumption_run_rate',
    ]);
    expect(result.signals[0]!.evidenceIds).toContain('pred:seat_utilisation_30d');
  });

  it('honours a configured signal level', () => {
    const strict = createPredictiveTechnique(priorOnlyModel(), { signalLevel: 0.95 });
    expect(strict(fullSeats, testContext()).signals).toEqual([]);
  });

  it('exposes probability, interval and contributions for the verdict', () => {
    const score = scoreWithModel(priorOnlyModel(), fullSeats, TEST_NOW);
    expect(score.interval[0]).toBeLessThan(score.probability);
    expect(score.interval[1]).toBeGreaterThan(score.probability);
    expect(score.contributions[0]).toMatchObject({ feature: 'seat_utilisation_30d', value: 0.98 });
    expect(score.features.segment_enterprise).toBe(1);
  });

  it('scores with a learned model too', () => {
    const rows: TrainingRow[] = Array.from({ length: 200 }, (_, i) => {
      const snapshot = i % 4 === 0 ? fullSeats : quiet;
      return {
        features: toFeatureArray(extractFeatures(snapshot, TEST_NOW)),
        label: i % 4 === 0 && i % 8 === 0 ? 1 : 0,
      };
    });
    const model = trainScoringModel(rows, {
      featureNames: Object.keys(extractFeatures(quiet, TEST_NOW)),
      bootstrap: 2,
    });
    const result = createPredictiveTechnique(model)(quiet, testContext());
    expect(result.score).toBeLessThan(0.1);
  });
});
