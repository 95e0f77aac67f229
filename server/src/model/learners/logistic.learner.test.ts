import { describe, expect, it } from 'vitest';
import { createRandom } from '../random.ts';
import { allRows, type LogisticJson } from './learner.ts';
import { medianOfPresent, prepareLogistic, sharedIndicators } from './logistic.learner.ts';

// A numeric column, a three-level categorical one-hot encoded (its three columns missing together) and a
// second numeric column with missing values of its own.
function dataSet(rows: number) {
  const random = createRandom(3);
  const cols = 5;
  const data = new Float64Array(rows * cols);
  const y = new Uint8Array(rows);
  for (let r = 0; r < rows; r++) {
    const a = random() * 2 - 1;
    const level = Math.floor(random() * 3);
    const categoryMissing = random() < 0.1;
    const b = random() < 0.2 ? Number.NaN : random() * 4;
    data.set([a, level === 0 ? 1 : 0, level === 1 ? 1 : 0, level === 2 ? 1 : 0, b], r * cols);
    if (categoryMissing) data.fill(Number.NaN, r * cols + 1, r * cols + 4);
    const logit = 1.5 * a + (categoryMissing ? 1 : level - 1) + (Number.isNaN(b) ? -1 : 0.3 * b);
    y[r] = random() < 1 / (1 + Math.exp(-logit)) ? 1 : 0;
  }
  return { x: { rows, cols, data }, y };
}

describe('logistic regression', () => {
  it('shares one indicator among the columns missing together', () => {
    const set = dataSet(400);
    const missingMeans = [0, 1, 2, 3, 4].map((j) => {
      let missing = 0;
      for (let r = 0; r < set.x.rows; r++) missing += Number.isNaN(set.x.data[r * 5 + j]!) ? 1 : 0;
      return missing / set.x.rows;
    });
    const columns = new Float64Array(set.x.rows * 5);
    for (let r = 0; r < set.x.rows; r++)
      for (let j = 0; j < 5; j++) columns[j * set.x.rows + r] = set.x.data[r * 5 + j]!;
    const { groupOf, sizes } = sharedIndicators(columns, set.x.rows, allRows(set.x.rows), missingMeans);
    expect([...groupOf]).toEqual([-1, 0, 0, 0, 1]);
    expect(sizes).toEqual([3, 1]);
  });

  it('takes the median of the present values, read off the counts when there are two', () => {
    const nan = Number.NaN;
    expect(medianOfPresent(Float64Array.from([1, 0, nan, 0, 1, 1]), 5)).toBe(1);
    expect(medianOfPresent(Float64Array.from([1, 0, 0, 1]), 4)).toBe(0.5);
    expect(medianOfPresent(Float64Array.from([5, nan, 5]), 2)).toBe(5);
    expect(medianOfPresent(Float64Array.from([3, 1, 2, nan, 10]), 4)).toBe(2.5);
    expect(medianOfPresent(Float64Array.from([nan]), 0)).toBe(0);
  });

  it('reaches the optimum of the penalised log-loss with one indicator per feature', () => {
    // the shared indicator is an exact reparametrisation: the gradient of the objective with a separate
    // standardised indicator per feature vanishes at the fitted coefficients
    const set = dataSet(600);
    const l2 = 1;
    const model = prepareLogistic(set, { l2 }).fit(allRows(set.x.rows)).toJSON() as LogisticJson;
    const cols = set.x.cols;
    const gradient = new Float64Array(2 * cols + 1);
    for (let r = 0; r < set.x.rows; r++) {
      let eta = model.intercept;
      const terms: Array<[number, number]> = [];
      for (let j = 0; j < cols; j++) {
        const raw = set.x.data[r * cols + j]!;
        const missing = Number.isNaN(raw);
        const standardised = ((missing ? model.medians[j]! : raw) - model.means[j]!) / model.scales[j]!;
        eta += model.coefficients[j]! * standardised;
        terms.push([j, standardised]);
        const share = model.missingMeans[j]!;
        if (share > 0) {
          const spread = Math.sqrt(share * (1 - share));
          eta += model.missingCoefficients[j]! * ((missing ? 1 : 0) - share);
          terms.push([cols + j, ((missing ? 1 : 0) - share) / spread]);
        }
      }
      const residual = 1 / (1 + Math.exp(-eta)) - set.y[r]!;
      gradient[2 * cols] = gradient[2 * cols]! + residual;
      for (const [k, value] of terms) gradient[k] = gradient[k]! + residual * value;
    }
    for (let j = 0; j < cols; j++) {
      gradient[j] = gradient[j]! + l2 * model.coefficients[j]!;
      const share = model.missingMeans[j]!;
      if (share > 0)
        gradient[cols + j] =
          gradient[cols + j]! + l2 * model.missingCoefficients[j]! * Math.sqrt(share * (1 - share));
    }
    for (const value of gradient) expect(Math.abs(value)).toBeLessThan(1e-4);
    expect(model.missingCoefficients[1]).not.toBe(0);
  });
});
