import { describe, expect, it } from 'vitest';
import { meanOver, trailingRun, trailingWeeklyRun, weekMedianAt } from './series-window.ts';

describe('series windows', () => {
  it('averages observed days only and refuses too few', () => {
    expect(meanOver([1, null, 3, null], 0, 3)).toBe(2);
    expect(meanOver([1, null, 3, null], 0, 3, 3)).toBeNaN();
  });

  it('counts a run back from the last observed day, skipping nulls', () => {
    expect(trailingRun([1, 9, null, 9, 9, null], 5, 10, (value) => value >= 5)).toBe(3);
  });

  it.each([
    // weekdays at 9, weekends at 1: a majority of every week is above 5
    { name: 'weekend dips', values: Array.from({ length: 28 }, (_, day) => (day % 7 >= 5 ? 1 : 9)), run: 28 },
    // four low days a week: no week has a majority above 5, the run stops at once
    {
      name: 'mostly low weeks',
      values: Array.from({ length: 28 }, (_, day) => (day % 7 >= 3 ? 1 : 9)),
      run: 0,
    },
    // two weeks at 9 after two weeks at 1: the run reaches back to the first day whose week is mostly 9
    { name: 'a rise', values: [...Array(14).fill(1), ...Array(14).fill(9)], run: 11 },
  ])('judges each day on its trailing week: $name', ({ values, run }) => {
    expect(trailingWeeklyRun(values, values.length - 1, 60, 5)).toBe(run);
  });

  it('takes the median of the observed days of a week', () => {
    expect(weekMedianAt([5, 1, null, 9, 7, null, 3], 6)).toBe(5);
    expect(weekMedianAt([null, null, null, null, null, 2, 4], 6)).toBeNaN();
  });
});
