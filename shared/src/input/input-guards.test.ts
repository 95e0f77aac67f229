import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { boundedDay, dayProblem } from './bounded-day.ts';
import { findUnknownKeys } from './unknown-keys.ts';
import { findUnsafeText, unsafeTextProblem } from './safe-text.ts';

describe('unsafeTextProblem', () => {
  it.each([
    ['plain', undefined],
    ['émoji 🍐', undefined],
    ['a\u0000b', 'must not contain a NUL character'],
    ['lone \ud800 high', 'must be valid Unicode (it holds a lone UTF-16 surrogate)'],
    ['lone \udc00 low', 'must be valid Unicode (it holds a lone UTF-16 surrogate)'],
  ])('%j → %s', (text, problem) => {
    expect(unsafeTextProblem(text)).toBe(problem);
  });
});

describe('findUnsafeText', () => {
  it('names each unsafe string and key by its path, in document order', () => {
    const value = { name: 'ok', tiers: [{ id: 'a\u0000' }, { id: 'b' }], ['k\u0000']: 1, reason: '\ud83d' };
    expect(findUnsafeText(value).map((found) => found.path)).toStrictEqual(['tiers.0.id', '(key)', 'reason']);
  });

  it('walks a 100,000-deep value without overflowing the stack', () => {
    let deep: unknown = 'x\u0000';
    for (let level = 0; level < 100_000; level += 1) deep = [deep];
    expect(findUnsafeText(deep)).toHaveLength(1);
  });
});

describe('dayProblem', () => {
  it.each([
    ['2026-03-01', undefined],
    ['2024-02-29', undefined],
    ['2026-02-30', 'must be a real calendar day'],
    ['2026-13-01', 'must be a real calendar day'],
    ['0000-01-01', 'must be between 1970-01-01 and 2099-12-31'],
    ['9999-12-31', 'must be between 1970-01-01 and 2099-12-31'],
    ['2026-3-1', 'must be a date YYYY-MM-DD'],
    ['2026-03-01T00:00:00Z', 'must be a date YYYY-MM-DD'],
  ])('%s → %s', (text, problem) => {
    expect(dayProblem(text)).toBe(problem);
  });

  it('takes tighter bounds', () => {
    expect(dayProblem('2027-01-02', { latest: '2027-01-01' })).toBe(
      'must be between 1970-01-01 and 2027-01-01',
    );
    expect(boundedDay({ latest: '2027-01-01' }).safeParse('2027-01-02').success).toBe(false);
    expect(boundedDay().parse('2026-03-01')).toBe('2026-03-01');
  });
});

describe('findUnknownKeys', () => {
  const schema = z.object({
    dryRun: z.boolean().default(false),
    rules: z
      .object({ composite: z.object({ readyScore: z.number().default(60) }).prefault({}) })
      .prefault({}),
    points: z.array(z.object({ day: z.string() })).default([]),
    extra: z.record(z.string(), z.unknown()).optional(),
  });

  it('names the keys a parse dropped, nested ones included, and none a schema knows', () => {
    const input = {
      dry_run: true,
      rules: { composite: { readyScor: 70 } },
      points: [{ day: 'x', dya: 'y' }],
      extra: { anything: { goes: 1 } },
    };
    expect(findUnknownKeys(input, schema.parse(input))).toStrictEqual([
      'dry_run',
      'rules.composite.readyScor',
      'points.0.dya',
    ]);
    const known = { dryRun: true, rules: { composite: { readyScore: 70 } } };
    expect(findUnknownKeys(known, schema.parse(known))).toStrictEqual([]);
  });

  it('sees the branch a discriminated union chose', () => {
    const union = z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('approve') }),
      z.object({ kind: z.literal('snooze'), until: z.string() }),
    ]);
    const input = { kind: 'approve', until: '2026-01-01' };
    expect(findUnknownKeys(input, union.parse(input))).toStrictEqual(['until']);
  });
});
