import { beforeAll, describe, expect, it } from 'vitest';
import { defaultOrgConfig } from '@ripe/shared';
import { createSandbox } from '../sandbox/sandbox.ts';
import { sandboxSource } from '../night/sandbox-source.ts';
import { runNight, type NightSummary } from '../night/run-night.ts';
import { DETAILED, OPEN_SECTIONS, renderNightReport } from './night-report.html.ts';

const asOf = '2026-11-01';
let summary: NightSummary;

beforeAll(async () => {
  const sandbox = createSandbox({ accounts: 300, seed: 5, endDate: asOf });
  summary = await runNight({
    source: sandboxSource(sandbox, asOf),
    asOf,
    config: defaultOrgConfig,
    reportCapacity: { nurture: 20 },
  });
});

const sectionsOf = (html: string) => [
  ...html.matchAll(/<details id="acc-([^"]+)" class="account"( open)?>/g),
];

describe('renderNightReport', () => {
  it('lists every ready account beyond the top 25, then the nurture section', () => {
    expect(summary.readiness.ready).toBeGreaterThan(OPEN_SECTIONS);
    expect(summary.ready).toHaveLength(summary.readiness.ready);
    const html = renderNightReport(summary);
    const sections = sectionsOf(html).map((m) => m[1]);
    expect(sections).toStrictEqual([...summary.ready, ...summary.nurture].map((e) => e.verdict.accountId));
    expect(html).toContain(`All ${summary.readiness.ready} ready accounts`);
    expect(html).toContain(`The best 20 of ${summary.readiness.nurture}`);
    expect(html.indexOf('id="nurture"')).toBeGreaterThan(html.indexOf('id="ready"'));
  });

  it('opens the sections of the top ready accounts only', () => {
    const open = sectionsOf(renderNightReport(summary)).map((m) => m[2] === ' open');
    expect(open.filter(Boolean)).toHaveLength(OPEN_SECTIONS);
    expect(open.slice(0, OPEN_SECTIONS).every(Boolean)).toBe(true);
  });

  it('draws a labelled chart for every account with usage, and prints', () => {
    const html = renderNightReport(summary);
    const charted = [...summary.ready, ...summary.nurture].filter((e) => e.chart).length;
    expect(charted).toBeGreaterThan(0);
    expect(html.match(/<svg class="chart"/g)).toHaveLength(charted);
    expect(html).toContain('week ending (weekly median of daily values)');
    expect(html).toContain('seats licensed');
    expect(html).toMatch(/@media print\{/);
    expect(html).toContain('@page{size:A4');
  });

  it("dates the limit from the verdict's window, the commit's included", () => {
    const first = summary.ready[0];
    if (!first) throw new Error('the sandbox should yield a ready account');
    const window = { opensOn: asOf, closesOn: '2027-01-01', limitDate: '2027-02-01', limit: 'consumption' };
    const entry = { ...first, verdict: { ...first.verdict, window } };
    const html = renderNightReport({ ...summary, ready: [entry, ...summary.ready.slice(1)] });
    expect(html).toContain('<td class="nowrap">~2027-02-01 (commit)</td>');
  });

  it('says what holds a nurture account back', () => {
    const first = summary.nurture[0];
    if (!first) throw new Error('the sandbox should yield a nurture account');
    const quiet = {
      ...first.verdict,
      contradictions: [],
      signals: [],
      score: 41.2,
      motion: 'seat_upsell' as const,
    };
    const html = renderNightReport({ ...summary, nurture: [{ ...first, verdict: quiet }] });
    expect(html).toContain(`<td class="neg">score 41, ready from ${summary.readyScore}</td>`);
  });

  it('says when a list was cut at its bound', () => {
    const html = renderNightReport({ ...summary, ready: summary.ready.slice(0, 5) });
    expect(html).toContain(`The best 5 of ${summary.readiness.ready} ready accounts`);
  });

  it('lists every ready account but keeps evidence sections to the first ones', () => {
    const first = summary.ready[0];
    if (!first) throw new Error('the sandbox should yield a ready account');
    const many = Array.from({ length: DETAILED.ready + 10 }, (_, i) => ({
      ...first,
      verdict: { ...first.verdict, accountId: `acc-many-${i}` },
    }));
    const html = renderNightReport({
      ...summary,
      ready: many,
      readiness: { ...summary.readiness, ready: many.length },
    });
    const ready = sectionsOf(html).filter((m) => m[1]?.startsWith('acc-many-'));
    expect(ready).toHaveLength(DETAILED.ready);
    expect(html).toContain(`All ${many.length} ready accounts`);
    expect(html).toContain(`Evidence per ready account — the first ${DETAILED.ready}`);
    expect(html).not.toContain(`href="#acc-many-${DETAILED.ready}"`);
  });

  it('escapes names and shows the evidence', () => {
    const first = summary.ready[0];
    if (!first) throw new Error('the sandbox should yield a ready account');
    const renamed = { ...first, verdict: { ...first.verdict, accountName: 'Smith & <Jones>' } };
    const html = renderNightReport({ ...summary, ready: [renamed, ...summary.ready.slice(1)] });
    expect(html).toContain('Smith &amp; &lt;Jones&gt;');
    expect(html).not.toContain('<Jones>');
    expect(html).toContain(first.verdict.evidence[0]?.source ?? 'an evidence source');
  });
});
