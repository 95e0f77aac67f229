import { describe, expect, it } from 'vitest';
import { defaultOrgConfig, type FieldIssue, type Verdict } from '@ripe/shared';
import { createSandbox } from '../sandbox/sandbox.ts';
import { sandboxSource } from './sandbox-source.ts';
import { runNight } from './run-night.ts';
import type { AccountSource } from './account-source.ts';

const asOf = '2026-11-01';
const sandbox = createSandbox({ accounts: 40, seed: 3, endDate: asOf });

describe('runNight', () => {
  it('scores every account of a source in batches and hands each batch to the sink', async () => {
    const batches: number[] = [];
    const summary = await runNight({
      source: sandboxSource(sandbox, asOf),
      asOf,
      config: defaultOrgConfig,
      batchSize: 15,
      sink: {
        async saveBatch(verdicts) {
          batches.push(verdicts.length);
        },
      },
    });
    expect(batches).toStrictEqual([15, 15, 10]);
    expect(summary.scored).toBe(40);
    expect(Object.values(summary.readiness).reduce((a, b) => a + b, 0)).toBe(40);
    const ranked = summary.top.map((t) => t.verdict);
    expect(ranked.every((v) => v.readiness !== 'not_ready')).toBe(true);
    const order = { ready: 3, nurture: 2, caution: 1, not_ready: 0 };
    for (let i = 1; i < ranked.length; i += 1) {
      const [a, b] = [ranked[i - 1] as Verdict, ranked[i] as Verdict];
      expect(order[a.readiness] > order[b.readiness] || a.expectedValue >= b.expectedValue).toBe(true);
    }
  });

  it('reports a bad record with its id and field and still scores the others', async () => {
    const good = sandbox.snapshotAt(0, asOf);
    const bad = structuredClone(sandbox.snapshotAt(1, asOf)) as unknown as {
      usage: Array<{ start: string }>;
    };
    (bad.usage[0] as { start: string }).start = '2026-13-45';
    const source: AccountSource = {
      orgId: 'org-test',
      priceBook: sandbox.priceBook,
      total: 2,
      async *batches() {
        yield [good, bad];
      },
    };
    const sunk: { verdicts: Verdict[]; issues: FieldIssue[] } = { verdicts: [], issues: [] };
    const summary = await runNight({
      source,
      asOf,
      config: defaultOrgConfig,
      sink: {
        async saveBatch(verdicts, issues) {
          sunk.verdicts.push(...verdicts);
          sunk.issues.push(...issues);
        },
      },
    });
    expect(sunk.verdicts.map((v) => v.accountId)).toStrictEqual([good.account.id]);
    expect(summary.invalid).toBe(1);
    expect(sunk.issues).toStrictEqual([
      expect.objectContaining({
        record: 'account',
        recordId: sandbox.snapshotAt(1, asOf).account.id,
        field: 'usage.0.start',
      }),
    ]);
  });
});
