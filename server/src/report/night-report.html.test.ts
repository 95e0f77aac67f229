import { describe, expect, it } from 'vitest';
import { defaultOrgConfig } from '@ripe/shared';
import { createSandbox } from '../sandbox/sandbox.ts';
import { sandboxSource } from '../night/sandbox-source.ts';
import { runNight } from '../night/run-night.ts';
import { renderNightReport } from './night-report.html.ts';

describe('renderNightReport', () => {
  it('shows every ranked account with its evidence and a usage chart, and escapes names', async () => {
    const asOf = '2026-11-01';
    const sandbox = createSandbox({ accounts: 60, seed: 5, endDate: asOf });
    const summary = await runNight({ source: sandboxSource(sandbox, asOf), asOf, config: defaultOrgConfig });
    const first = summary.top[0];
    if (!first) throw new Error('the sandbox should yield at least one opportunity');
    first.verdict = { ...first.verdict, accountName: 'Smith & <Jones>' };
    const html = renderNightReport(summary);
    expect(html).toContain('Smith &amp; &lt;Jones&gt;');
    expect(html).not.toContain('<Jones>');
    expect(html.match(/<details id="acc-/g)?.length).toBe(summary.top.length);
    expect(html.match(/<svg /g)?.length).toBe(summary.top.filter((t) => t.chart).length);
    expect(html).toContain(first.verdict.evidence[0]?.source ?? 'an evidence source');
  });
});
