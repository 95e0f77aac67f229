import { describe, expect, it } from 'vitest';
import { applyMergePatch } from './merge-patch.ts';
import { changedPaths } from './settings-diff.ts';

describe('changedPaths', () => {
  it.each([
    ['equal documents', { a: 1, b: { c: [1, 2] } }, { a: 1, b: { c: [1, 2] } }, []],
    ['a leaf', { rules: { x: 1, y: 2 } }, { rules: { x: 1, y: 3 } }, ['rules.y']],
    ['an added and a removed key', { a: 1 }, { b: 1 }, ['a', 'b']],
    ['an array element', { tiers: [{ p: 1 }, { p: 2 }] }, { tiers: [{ p: 1 }, { p: 5 }] }, ['tiers.1.p']],
    ['an array of another length', { list: ['a'] }, { list: ['a', 'b'] }, ['list']],
    ['null to an object', { priceBook: null }, { priceBook: { currency: 'EUR' } }, ['priceBook']],
  ])('%s', (_name, before, after, expected) => {
    expect(changedPaths(before, after)).toStrictEqual(expected);
  });
});

describe('applyMergePatch', () => {
  it.each([
    ['merges objects', { a: { b: 1, c: 2 } }, { a: { c: 3 } }, { a: { b: 1, c: 3 } }],
    ['removes on null', { a: 1, b: 2 }, { a: null }, { b: 2 }],
    ['replaces arrays', { a: [1, 2] }, { a: [3] }, { a: [3] }],
    ['replaces a scalar with an object', { a: 1 }, { a: { b: 1 } }, { a: { b: 1 } }],
    ['drops nulls inside a new object', {}, { a: { b: null, c: 1 } }, { a: { c: 1 } }],
  ])('%s', (_name, target, patch, expected) => {
    expect(applyMergePatch(target, patch)).toStrictEqual(expected);
  });

  it('changes neither argument', () => {
    const target = { a: { b: 1 } };
    const patch = { a: { b: 2 } };
    applyMergePatch(target, patch);
    expect(target).toStrictEqual({ a: { b: 1 } });
    expect(patch).toStrictEqual({ a: { b: 2 } });
  });
});
