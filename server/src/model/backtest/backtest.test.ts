import { isRipeError } from '@ripe/shared';
import { describe, expect, it } from 'vitest';
import {
  backtestRaw,
  buildTable,
  readTable,
  formatBacktestReport,
  parseCsv,
  parseLabel,
  backtestCsv,
  reliabilitySvg,
} from './index.ts';
import { syntheticCsv, type SyntheticCsvOptions } from './synthetic-csv.fixture.ts';

function backtestOf(options: SyntheticCsvOptions, spec: { time?: string; folds?: number } = {}) {
  const { header, records } = parseCsv(syntheticCsv(options));
  const table = readTable(header, records, { label: 'expanded', id: 'account_id', ...spec });
  return backtestRaw(table, {
    csvPath: 'synthetic.csv',
    label: 'expanded',
    id: 'account_id',
    folds: 3,
    ...spec,
  });
}

describe('backtestCsv', () => {
  it('finds a learnable signal: AUC above 0.8, from CSV text', () => {
    const csv = syntheticCsv({ rows: 1500, signal: 'interaction', seed: 1, missingShare: 0.05 });
    const report = backtestCsv(csv, { csvPath: 'signal.csv', label: 'expanded', id: 'account_id', folds: 3 });
    expect(report.auc).toBeGreaterThan(0.8);
    expect(report).toMatchObject({ rows: 1500, split: 'stratified-kfold', evaluatedRows: 1500, folds: 3 });
    expect(report.liftTopDecile).toBeGreaterThan(1.5);
    expect(report.learner).not.toBeNull();
  });

  it('finds nothing in pure noise: AUC near 0.5', () => {
    expect(Math.abs(backtestOf({ rows: 1200, signal: 'noise', seed: 2 }).auc - 0.5)).toBeLessThan(0.07);
  });

  it('is calibrated on well-specified data: small ECE', () => {
    const report = backtestOf({ rows: 3000, signal: 'linear', seed: 3 });
    expect(report.ece).toBeLessThan(0.04);
    expect(report.brier).toBeLessThan(0.2);
  });

  it('splits by time when a time column is given: earliest 75 % train, latest 25 % test', () => {
    const report = backtestOf({ rows: 800, signal: 'linear', seed: 4 }, { time: 'observed_on' });
    expect(report).toMatchObject({ split: 'time', evaluatedRows: 200 });
    expect(report.auc).toBeGreaterThan(0.75);
  });

  it('reports unreadable labels and goes on', () => {
    const report = backtestOf({ rows: 600, signal: 'linear', seed: 5, unreadableLabels: 3 });
    expect(report.rows).toBe(597);
    expect(report.skippedRows.map((row) => [row.line, row.value])).toEqual([
      [2, 'maybe'],
      [3, 'maybe'],
      [4, 'maybe'],
    ]);
  });

  it.each([
    [
      'a one-class file',
      { rows: 100, signal: 'linear', oneClass: true },
      'expanded',
      'invalid_csv',
      /"expanded".*one class/,
    ],
    ['an unknown label column', { rows: 100, signal: 'linear' }, 'churned', 'invalid_argument', /"churned"/],
  ] as const)('%s is a typed error naming the column', (_name, options, label, code, message) => {
    const { header, records } = parseCsv(syntheticCsv(options));
    let caught: unknown;
    try {
      buildTable(header, records, { label });
    } catch (error) {
      caught = error;
    }
    expect(isRipeError(caught) && caught.code).toBe(code);
    expect((caught as Error).message).toMatch(message);
  });
});

describe('tabular parsing', () => {
  it.each([
    ['yes', 1],
    ['No', 0],
    ['1', 1],
    ['0', 0],
    ['TRUE', 1],
    ['false', 0],
    ['y', 1],
    ['N', 0],
    ['maybe', null],
    ['', null],
  ] as const)('label %j → %s', (token, expected) => {
    expect(parseLabel(token)).toBe(expected);
  });

  it('accepts every label style in one file', () => {
    const { header, records } = parseCsv(
      syntheticCsv({ rows: 400, signal: 'linear', labelStyle: 'mixed', seed: 6 }),
    );
    expect(buildTable(header, records, { label: 'expanded' }).skipped).toEqual([]);
  });

  it('one-hot encodes categoricals, keeps NaN for missing cells, leaves out the id and the time', () => {
    const csv =
      'id,when,plan,seats,label\na,2024-01-01,pro,10,yes\nb,2024-01-02,basic,,no\nc,2024-01-03,,NA,yes\nd,2024-01-04,pro,7,no\n';
    const { header, records } = parseCsv(csv);
    const table = buildTable(header, records, { label: 'label', id: 'id', time: 'when' });
    expect(table.featureNames).toEqual(['plan=pro', 'plan=basic', 'seats']);
    expect(table.rows.map((row) => row.features)).toStrictEqual([
      [1, 0, 10],
      [0, 1, Number.NaN],
      [Number.NaN, Number.NaN, Number.NaN],
      [1, 0, 7],
    ]);
    expect(table.rows.map((row) => row.time)).toEqual([0, 1, 2, 3].map((d) => Date.UTC(2024, 0, 1 + d)));
  });

  it('caps categorical levels and drops identifier-like columns', () => {
    const lines = ['email,city,label'];
    for (let i = 0; i < 60; i++) lines.push(`user${i}@example.com,city${i % 30},${i % 2 ? 'yes' : 'no'}`);
    const { header, records } = parseCsv(lines.join('\n'));
    const table = buildTable(header, records, { label: 'label', maxLevels: 5 });
    expect(table.columns.map((c) => [c.column, c.type, c.encoded])).toEqual([
      ['email', 'dropped', 0],
      ['city', 'categorical', 6],
    ]);
    expect(table.featureNames.at(-1)).toBe('city=(other)');
  });
});

describe('report output', () => {
  const report = backtestOf({ rows: 600, signal: 'linear', seed: 8, unreadableLabels: 1 });

  it('formats the metrics, the split, the learner and the skipped rows', () => {
    const text = formatBacktestReport(report);
    expect(text).toContain(`AUC ${report.auc.toFixed(3)}`);
    expect(text).toContain('stratified 3-fold');
    expect(text).toContain('line 2: expanded = "maybe"');
    expect(text).toMatch(/Learner: (logistic regression|boosted trees)/);
  });

  it('draws a standalone reliability diagram with the diagonal and one point per non-empty bin', () => {
    const svg = reliabilitySvg(report);
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg).toContain('class="diagonal"');
    const filled = report.reliability.filter((bin) => bin.count > 0).length;
    expect(svg.match(/class="bin"/g)).toHaveLength(filled);
    expect(svg.match(/class="count"/g)).toHaveLength(filled);
  });
});
