import { describe, expect, it } from 'vitest';
import { createMergePatch, type Json } from '../merge-patch.ts';

describe('createMergePatch (RFC 7396)', () => {
  it.each([
    ['no change', { a: 1, b: { c: [1] } }, { a: 1, b: { c: [1] } }, undefined],
    ['a changed leaf', { a: 1, b: { c: 2, d: 3 } }, { a: 1, b: { c: 5, d: 3 } }, { b: { c: 5 } }],
    ['a removed key is null', { a: 1, b: 2 }, { a: 1 }, { b: null }],
    ['an added key', { a: 1 }, { a: 1, b: { c: 1 } }, { b: { c: 1 } }],
    [
      'an array changed is sent whole',
      { t: [{ p: 1 }, { p: 2 }] },
      { t: [{ p: 1 }, { p: 3 }] },
      { t: [{ p: 1 }, { p: 3 }] },
    ],
    ['an object set to null', { s: { t: '02:00' } }, { s: null }, { s: null }],
  ] satisfies [string, Json, Json, Json | undefined][])('%s', (_name, before, after, patch) => {
    expect(createMergePatch(structuredClone(before), structuredClone(after))).toStrictEqual(patch);
  });
});
