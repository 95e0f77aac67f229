// Honest validation: an entity's rows never straddle folds, a time split leaves the label's horizon as a
// gap, encoding is decided on training rows only, calibration never claims more than the data holds,
// and under drift the calibration is no worse than a plain logistic regression's.
import { describe, expect, it } from 'vitest';
import { fitCalibrator } from '../calibration/choose-calibration.ts';
import { fitIsotonic } from '../calibration/isotonic.calibration.ts';
import { createRandom, normal } from '../random.ts';
import { groupedStratifiedFolds } from '../validation/folds.ts';
import { backtestCsv } from './backtest.ts';
import { fitColumnEncoder } from './column-encoder.ts';

const day = (d: number) => new Date(Date.UTC(2024, 0, 1) + d * 86_400_000).toISOString().slice(0, 10);

/** Entities of `rowsEach` rows sharing a random label and a fingerprint feature: nothing to learn but identity. */
function fingerprintCsv(entities: number, rowsEach: number, seed: number): string {
  const random = createRandom(seed);
  const lines = ['account_id,fingerprint,noise,expanded'];
  for (let e = 0; e < entities; e++) {
    const fingerprint = random() * 1000;
    const label = random() < 0.3 ? 'yes' : 'no';
    for (let r = 0; r < rowsEach; r++)
      lines.push(
        `acc-${e},${(fingerprint + random() * 0.01).toFixed(4)},${normal(random).toFixed(3)},${label}`,
      );
  }
  return lines.join('\n');
}

describe('grouped folds', () => {
  it('keeps every row of a group in one fold and spreads positives evenly', () => {
    const groups = Array.from({ length: 400 }, (_, i) => Math.floor(i / 8));
    const labels = groups.map((g) => (g % 4 === 0 ? 1 : 0));
    const folds = groupedStratifiedFolds(labels, groups, 5, 3);
    const foldOfGroup = new Map<number, number>();
    folds.forEach((fold, f) => {
      for (const row of fold.test) {
        expect(foldOfGroup.get(groups[row]!) ?? f).toBe(f);
        foldOfGroup.set(groups[row]!, f);
      }
      const trainGroups = new Set([...fold.train].map((row) => groups[row]!));
      for (const row of fold.test) expect(trainGroups.has(groups[row]!)).toBe(false);
    });
    const positives = folds.map((fold) => [...fold.test].filter((row) => labels[row] === 1).length);
    expect(Math.max(...positives) - Math.min(...positives)).toBeLessThanOrEqual(8);
  });

  it('an entity remembered is not a signal: repeated ids are grouped by default', () => {
    const csv = fingerprintCsv(100, 6, 11);
    const leaky = backtestCsv(csv, { csvPath: 'leaky.csv', label: 'expanded', group: 'noise', folds: 3 });
    const grouped = backtestCsv(csv, {
      csvPath: 'grouped.csv',
      label: 'expanded',
      id: 'account_id',
      folds: 3,
    });
    expect(leaky.auc).toBeGreaterThan(0.8);
    expect(grouped.split).toBe('grouped-kfold');
    expect(grouped.group).toStrictEqual({ column: 'account_id', entities: 100 });
    expect(grouped.auc).toBeLessThan(0.65);
  });
});

describe('time-ordered split with the horizon gap', () => {
  it('leaves the horizon between the last training row and the first test row', () => {
    const random = createRandom(5);
    const lines = ['observed_on,x,expanded'];
    for (let d = 0; d < 400; d++) {
      const x = normal(random);
      lines.push(`${day(d)},${x.toFixed(3)},${random() < 1 / (1 + Math.exp(-2 * x)) ? 'yes' : 'no'}`);
    }
    const report = backtestCsv(lines.join('\n'), {
      csvPath: 'daily.csv',
      label: 'expanded',
      time: 'observed_on',
      horizonDays: 30,
    });
    expect(report).toMatchObject({ split: 'time', evaluatedRows: 100, horizonDays: 30 });
    // test from day 300: training ends on day 270, rows 271..299 are the gap
    expect(report.gapRows).toBe(29);
  });
});

describe('encoding decided on training rows only', () => {
  it('declares numeric codes as categories when told, and never gives a test-only level its own column', () => {
    const numeric = fitColumnEncoder('area', ['408', '415', '415', '510'], {
      categorical: false,
      maxLevels: 20,
    });
    expect(numeric.report.type).toBe('numeric');
    const codes = fitColumnEncoder('area', ['408', '415', '415', '510'], {
      categorical: true,
      maxLevels: 20,
    });
    expect(codes.names).toStrictEqual(['area=415', 'area=408', 'area=510']);
    const unseen: number[] = [];
    codes.encode('650', unseen);
    expect(unseen).toStrictEqual([0, 0, 0]);
  });
});

describe('calibration within what the data supports', () => {
  const random = createRandom(9);
  const logits: number[] = [];
  const labels: number[] = [];
  for (let i = 0; i < 2000; i++) {
    const logit = (random() - 0.5) * 6;
    logits.push(logit);
    labels.push(random() < 1 / (1 + Math.exp(-logit / 2)) ? 1 : 0);
  }
  // a handful of rows far out, all positive
  for (let i = 0; i < 5; i++) {
    logits.push(12 + i);
    labels.push(1);
  }

  it('turns five extreme rows into certainty without a minimum step, and not with one', () => {
    expect(fitIsotonic(logits, labels, { minBlockRows: 1 }).probability(14)).toBeGreaterThan(0.99);
    const calibrated = fitCalibrator(logits, labels).probability(14);
    expect(calibrated).toBeLessThan(0.9);
    expect(calibrated).toBeGreaterThan(0.6);
  });
});

describe('calibration under drift', () => {
  it('is no worse than a plain logistic regression when the base rate moves, and reports the shift', () => {
    const random = createRandom(21);
    const lines = ['observed_on,x0,x1,x2,expanded'];
    for (let d = 0; d < 2400; d++) {
      const x = [normal(random), normal(random), normal(random)];
      // the base rate climbs from about 12 % to about 35 % over the period
      const logit = 1.2 * x[0]! - 0.8 * x[1]! - 2.6 + (1.8 * d) / 2400;
      lines.push(
        `${day(Math.floor(d / 4))},${x.map((v) => v.toFixed(3)).join(',')},${random() < 1 / (1 + Math.exp(-logit)) ? 'yes' : 'no'}`,
      );
    }
    const report = backtestCsv(lines.join('\n'), {
      csvPath: 'drift.csv',
      label: 'expanded',
      time: 'observed_on',
      horizonDays: 7,
    });
    expect(report.shift.testBaseRate - report.shift.trainBaseRate).toBeGreaterThan(0.05);
    expect(report.ece).toBeLessThanOrEqual(report.baseline.ece);
    expect(report.auc).toBeGreaterThan(report.baseline.auc - 0.01);
  });
});
