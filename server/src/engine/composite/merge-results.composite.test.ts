import { describe, expect, it } from 'vitest';
import type { Evidence } from '@ripe/shared';
import { contradiction, signal, techniqueResult } from './composite-fixtures.ts';
import { mergeResults } from './merge-results.composite.ts';

const fact = (id: string): Evidence => ({
  id,
  description: id,
  value: 1,
  date: '2026-06-30',
  source: 'contract',
});

describe('mergeResults', () => {
  it('keeps every signal, each evidence id once, and each contradiction code once', () => {
    const first = {
      ...techniqueResult('business_rules', 0.8, [signal('seat_utilisation_high', 0.8, ['e1'])]),
      evidence: [fact('e1'), fact('e2')],
      contradictions: [{ ...contradiction('declining_usage', 'lower'), evidenceIds: ['e1'] }],
    };
    const second = {
      ...techniqueResult('cross_check', 0, [], 1),
      evidence: [fact('e2'), fact('e3')],
      contradictions: [
        { ...contradiction('declining_usage', 'block'), evidenceIds: ['e1', 'e3'] },
        contradiction('open_escalation'),
      ],
    };
    const merged = mergeResults([first, second]);
    expect(merged.signals.map((item) => item.code)).toStrictEqual(['seat_utilisation_high']);
    expect(merged.evidence.map((item) => item.id)).toStrictEqual(['e1', 'e2', 'e3']);
    expect(merged.contradictions).toStrictEqual([
      { code: 'declining_usage', label: 'declining_usage', effect: 'block', evidenceIds: ['e1', 'e3'] },
      { code: 'open_escalation', label: 'open_escalation', effect: 'lower', evidenceIds: [] },
    ]);
  });
});
