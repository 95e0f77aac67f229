import type { BacktestReport } from './backtest.ts';

const LEARNER_LABELS = { logistic: 'logistic regression', boosted_trees: 'boosted trees' } as const;

const fixed = (value: number, digits = 3) => (Number.isFinite(value) ? value.toFixed(digits) : 'n/a');
const percent = (value: number) => `${(100 * value).toFixed(1)} %`;

/** The human-readable backtest summary printed by `ripe backtest`. */
export function formatBacktestReport(report: BacktestReport): string {
  const lines: string[] = [];
  const skipped = report.skippedRows.length;
  lines.push(
    `Backtest of ${report.file}, label "${report.label}": ${report.rows} rows, ${report.positives} positive (${percent(report.positives / report.rows)})${skipped > 0 ? `, ${skipped} skipped` : ''}`,
  );
  const used = report.columns.filter((column) => column.type !== 'dropped');
  const dropped = report.columns.filter((column) => column.type === 'dropped');
  lines.push(
    `Features: ${report.features} from ${used.length} columns (${used.filter((c) => c.type === 'numeric').length} numeric, ${used.filter((c) => c.type === 'categorical').length} categorical one-hot)` +
      (dropped.length > 0 ? `; dropped ${dropped.map((c) => `${c.column} (${c.note})`).join(', ')}` : ''),
  );
  const group = report.group ? `${report.group.entities} entities of "${report.group.column}"` : null;
  lines.push(
    report.split === 'time'
      ? `Split: time-ordered, trained on the earliest 75 %, tested on the latest ${report.evaluatedRows} rows` +
          (report.horizonDays > 0
            ? `; a ${report.horizonDays}-day horizon gap left ${report.gapRows} training rows out`
            : '')
      : report.split === 'grouped-kfold'
        ? `Split: stratified ${report.folds}-fold over ${group} (each one's rows in one fold), out-of-fold predictions on ${report.evaluatedRows} rows`
        : `Split: stratified ${report.folds}-fold, out-of-fold predictions on ${report.evaluatedRows} rows`,
  );
  lines.push(
    `Base rate: training ${percent(report.shift.trainBaseRate)}, test ${percent(report.shift.testBaseRate)} ` +
      `(shift ${(100 * (report.shift.testBaseRate - report.shift.trainBaseRate)).toFixed(1)} points); mean predicted ${percent(report.shift.meanPredicted)}`,
  );
  const tallies = report.learners
    .map(
      (tally) =>
        `${LEARNER_LABELS[tally.learner]} log-loss ${fixed(tally.logLoss)} AUC ${fixed(tally.auc)} (chosen ${tally.chosen}/${report.folds})`,
    )
    .join('; ');
  lines.push(
    `Learner: ${report.learner === null ? 'base rate only (too few positives to learn)' : LEARNER_LABELS[report.learner]}${tallies ? ` (inner validation: ${tallies})` : ''}`,
  );
  lines.push('');
  lines.push(
    `AUC ${fixed(report.auc)}   Brier ${fixed(report.brier)}   ECE ${fixed(report.ece)}   log-loss ${fixed(report.logLoss)}   lift top 10 % ${fixed(report.liftTopDecile, 2)}×`,
  );
  lines.push(
    `Plain logistic regression on the same folds: AUC ${fixed(report.baseline.auc)}   Brier ${fixed(report.baseline.brier)}   ECE ${fixed(report.baseline.ece)}   log-loss ${fixed(report.baseline.logLoss)}`,
  );
  lines.push('');
  lines.push('Reliability (predicted bin: mean predicted → observed rate, rows)');
  for (const bin of report.reliability) {
    if (bin.count === 0) continue;
    lines.push(
      `  ${bin.lower.toFixed(1)}–${bin.upper.toFixed(1)}: ${fixed(bin.meanPredicted)} → ${fixed(bin.observedRate)}  (${bin.count})`,
    );
  }
  if (skipped > 0) {
    lines.push('');
    lines.push(`Skipped rows (${skipped}):`);
    for (const row of report.skippedRows.slice(0, 10))
      lines.push(`  line ${row.line}: ${row.column} = "${row.value}": ${row.reason}`);
    if (skipped > 10) lines.push(`  … and ${skipped - 10} more`);
  }
  return lines.join('\n');
}
