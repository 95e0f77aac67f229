import type { PointIssue } from './usage-point.schema.ts';

/** The columns of a usage CSV; the first four are required. */
export const usageCsvColumns = [
  'account_id',
  'metric',
  'day',
  'value',
  'kind',
  'feature',
  'premium',
] as const;
export type UsageCsvColumn = (typeof usageCsvColumns)[number];
const requiredColumns: readonly UsageCsvColumn[] = ['account_id', 'metric', 'day', 'value'];

/** Where each column sits in the file's rows. */
export type UsageCsvLayout = Partial<Record<UsageCsvColumn, number>>;

/** The layout of a header row, or the required columns it lacks. */
export function usageCsvLayout(header: readonly string[]): {
  layout: UsageCsvLayout;
  missing: UsageCsvColumn[];
} {
  const layout: UsageCsvLayout = {};
  header.forEach((name, index) => {
    const column = usageCsvColumns.find((candidate) => candidate === name.trim().toLowerCase());
    if (column !== undefined && layout[column] === undefined) layout[column] = index;
  });
  return { layout, missing: requiredColumns.filter((column) => layout[column] === undefined) };
}

const numberPattern = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const booleans: Record<string, boolean> = {
  true: true,
  false: false,
  '1': true,
  '0': false,
  yes: true,
  no: false,
};

/**
 * One CSV row as the object the API takes, so that both go through the same validation: empty
 * cells are absent, numbers and booleans are converted when they read as such (and left as text,
 * which the schema then rejects, when they do not).
 */
export function usageCsvRowToPoint(row: readonly string[], layout: UsageCsvLayout): Record<string, unknown> {
  const cell = (column: UsageCsvColumn): string | undefined => {
    const index = layout[column];
    const value = index === undefined ? undefined : row[index];
    return value === undefined || value === '' ? undefined : value;
  };
  const value = cell('value');
  const premium = cell('premium');
  const point: Record<string, unknown> = {
    accountId: cell('account_id') ?? '',
    metric: cell('metric') ?? '',
    day: cell('day') ?? '',
    value: value !== undefined && numberPattern.test(value) ? Number(value) : value,
  };
  const kind = cell('kind');
  const feature = cell('feature');
  if (kind !== undefined) point.kind = kind;
  if (feature !== undefined) point.feature = feature;
  if (premium !== undefined) point.premium = booleans[premium.toLowerCase()] ?? premium;
  return point;
}

const columnOfField: Record<string, UsageCsvColumn> = {
  accountId: 'account_id',
  metric: 'metric',
  day: 'day',
  value: 'value',
  kind: 'kind',
  feature: 'feature',
  premium: 'premium',
};

/** The CSV column of a field the validation named. */
export function usageCsvColumnOf(issue: PointIssue): string {
  return columnOfField[issue.field] ?? issue.field;
}
