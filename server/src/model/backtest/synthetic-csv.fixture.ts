// Seeded synthetic CSV files with a known signal, for backtest tests.
import { createRandom, normal } from '../random.ts';
import { trueLogit, type SyntheticSignal } from '../synthetic-data.fixture.ts';

export type LabelStyle = 'yes/no' | '1/0' | 'true/false' | 'y/n' | 'mixed';

export interface SyntheticCsvOptions {
  rows: number;
  signal: SyntheticSignal;
  seed?: number;
  labelStyle?: LabelStyle;
  /** Share of numeric cells written as empty / NA. */
  missingShare?: number;
  /** Rows whose label is written as "maybe" (unreadable). */
  unreadableLabels?: number;
  /** Every row labelled negative. */
  oneClass?: boolean;
}

const PLANS = ['basic', 'pro', 'enterprise'] as const;
const REGIONS = ['emea', 'amer', 'apac'] as const;
const STYLES: Record<Exclude<LabelStyle, 'mixed'>, [string, string]> = {
  'yes/no': ['yes', 'no'],
  '1/0': ['1', '0'],
  'true/false': ['TRUE', 'false'],
  'y/n': ['Y', 'n'],
};

/**
 * Columns: `account_id` (identifier), `observed_on` (ISO date, ascending), `plan` (categorical, carries
 * signal), `region` (categorical noise), `x0`…`x7` (numeric, the synthetic signal), `expanded` (label).
 */
export function syntheticCsv(options: SyntheticCsvOptions): string {
  const random = createRandom(options.seed ?? 1);
  const missingShare = options.missingShare ?? 0;
  const styles = Object.values(STYLES);
  const lines = ['account_id,observed_on,plan,region,x0,x1,x2,x3,x4,x5,x6,x7,expanded'];
  const values = new Float64Array(8);
  for (let r = 0; r < options.rows; r++) {
    for (let j = 0; j < 8; j++) values[j] = normal(random);
    const plan = PLANS[Math.floor(random() * PLANS.length)]!;
    const region = REGIONS[Math.floor(random() * REGIONS.length)]!;
    const planEffect =
      options.signal === 'noise' ? 0 : plan === 'enterprise' ? 0.8 : plan === 'basic' ? -0.5 : 0;
    // ×1.5: a clearly learnable signal even from a thousand rows
    const probability = 1 / (1 + Math.exp(-(1.5 * trueLogit(options.signal, values, -0.5) + planEffect)));
    const positive = !options.oneClass && random() < probability;
    const style =
      options.labelStyle === 'mixed' || options.labelStyle === undefined
        ? styles[r % styles.length]!
        : STYLES[options.labelStyle];
    const label = r < (options.unreadableLabels ?? 0) ? 'maybe' : positive ? style[0] : style[1];
    const cells = Array.from(values, (value) =>
      random() < missingShare ? (random() < 0.5 ? '' : 'NA') : value.toFixed(4),
    );
    const day = new Date(Date.UTC(2024, 0, 1) + r * 86_400_000).toISOString().slice(0, 10);
    lines.push([`acc-${r}`, day, plan, region, ...cells, label].join(','));
  }
  return `${lines.join('\n')}\n`;
}
