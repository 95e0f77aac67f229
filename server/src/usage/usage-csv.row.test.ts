import { describe, expect, it } from 'vitest';
import { checkUsagePoint } from './usage-point.schema.ts';
import { usageCsvColumnOf, usageCsvLayout, usageCsvRowToPoint } from './usage-csv.row.ts';

const { layout } = usageCsvLayout(['account_id', 'metric', 'day', 'value', 'kind', 'feature', 'premium']);

describe('usageCsvLayout', () => {
  it('finds the columns in any order and case, and names the missing required ones', () => {
    expect(usageCsvLayout(['Value', 'DAY', 'extra', 'account_id'])).toStrictEqual({
      layout: { value: 0, day: 1, account_id: 3 },
      missing: ['metric'],
    });
  });
});

describe('usageCsvRowToPoint', () => {
  it.each([
    [
      'a full row',
      ['acc-1', 'sso', '2026-03-01', '3', 'feature_adoption', 'sso', 'TRUE'],
      {
        accountId: 'acc-1',
        metric: 'sso',
        day: '2026-03-01',
        value: 3,
        kind: 'feature_adoption',
        feature: 'sso',
        premium: true,
      },
    ],
    [
      'empty optional cells',
      ['acc-1', 'seats_used', '2026-03-01', '1.5e2', '', '', ''],
      { accountId: 'acc-1', metric: 'seats_used', day: '2026-03-01', value: 150 },
    ],
    [
      'a short row and text where a number goes',
      ['acc-1', 'seats_used', '2026-03-01', 'forty'],
      { accountId: 'acc-1', metric: 'seats_used', day: '2026-03-01', value: 'forty' },
    ],
    [
      'premium as 0',
      ['a', 'm', '2026-03-01', '1', 'consumption', '', '0'],
      { accountId: 'a', metric: 'm', day: '2026-03-01', value: 1, kind: 'consumption', premium: false },
    ],
  ])('%s', (_name, row, expected) => {
    expect(usageCsvRowToPoint(row, layout)).toStrictEqual(expected);
  });
});

describe('checkUsagePoint on CSV rows', () => {
  const issuesOf = (row: string[]) => {
    const check = checkUsagePoint(usageCsvRowToPoint(row, layout), '2026-03-03');
    return check.ok ? [] : check.issues.map((issue) => `${usageCsvColumnOf(issue)}: ${issue.message}`);
  };

  it.each([
    ['text value', ['acc-1', 'seats_used', '2026-03-01', 'forty'], ['value: must be a number']],
    ['empty value', ['acc-1', 'seats_used', '2026-03-01', ''], ['value: must be a number']],
    ['negative value', ['acc-1', 'seats_used', '2026-03-01', '-2'], ['value: must be zero or more']],
    ['no account', ['', 'seats_used', '2026-03-01', '2'], ['account_id: must not be empty']],
    ['bad day', ['acc-1', 'seats_used', '01/03/2026', '2'], ['day: must be a date YYYY-MM-DD']],
    ['future day', ['acc-1', 'seats_used', '2026-03-09', '2'], ['day: must not be after 2026-03-03']],
    [
      'unknown kind',
      ['acc-1', 'x', '2026-03-01', '2', 'seats'],
      [expect.stringMatching(/^kind: must be one of/)],
    ],
    [
      'metric without kind',
      ['acc-1', 'api_calls', '2026-03-01', '2'],
      [expect.stringMatching(/^kind: is required/)],
    ],
    [
      'adoption without feature',
      ['acc-1', 'x', '2026-03-01', '2', 'feature_adoption'],
      ['feature: is required for feature_adoption'],
    ],
    [
      'bad premium',
      ['acc-1', 'x', '2026-03-01', '2', 'consumption', '', 'maybe'],
      ['premium: must be true or false'],
    ],
    ['a valid row on the latest day', ['acc-1', 'seats_used', '2026-03-03', '2'], []],
  ])('%s', (_name, row, expected) => {
    expect(issuesOf(row)).toStrictEqual(expected);
  });

  it('takes the kind from a metric named after one', () => {
    const check = checkUsagePoint(
      usageCsvRowToPoint(['acc-1', 'active_users', '2026-03-01', '7'], layout),
      '2026-03-03',
    );
    expect(check).toStrictEqual({
      ok: true,
      point: {
        accountId: 'acc-1',
        metric: 'active_users',
        kind: 'active_users',
        day: '2026-03-01',
        value: 7,
      },
    });
  });
});
