export {
  backtestCsv,
  backtestRaw,
  planFolds,
  type BacktestOptions,
  type BacktestReport,
  type HeldOutScores,
  type LearnerTally,
} from './backtest.ts';
export { formatBacktestReport } from './format-report.ts';
export { reliabilitySvg } from './reliability-svg.ts';
export {
  buildTable,
  readTable,
  type RawTable,
  parseLabel,
  type Table,
  type TableSpec,
  type SkippedRow,
  type ColumnReport,
} from './tabular.ts';
export { parseCsv } from './parse-csv.ts';
