import { describe, expect, it } from 'vitest';
import { drawProfile } from './account-profile.ts';
import { companyName, plainNameCount } from './company-names.ts';
import { accountRng } from './prng.ts';
import { createSandboxContext } from './sandbox-context.ts';
import { createSandbox } from './sandbox.ts';

const endDate = '2026-06-30';

describe('companyName', () => {
  it('never gives two accounts of a 20,000-account portfolio the same name, whichever their languages', () => {
    for (const seed of [1, 42]) {
      const ctx = createSandboxContext(seed, 20_000, endDate, 450);
      const names = Array.from(
        { length: 20_000 },
        (_, index) => drawProfile(accountRng(seed, index, 'profile'), ctx, index).name,
      );
      expect(new Set(names).size).toBe(names.length);
    }
  });

  it('renders every (plain name, block) pair of both languages as a distinct string', () => {
    const rendered = new Set<string>();
    let count = 0;
    for (const language of ['en', 'fr'] as const) {
      const indices = plainNameCount(language) * 20;
      for (let index = 0; index < indices; index++) rendered.add(companyName(3, index, language));
      count += indices;
    }
    expect(rendered.size).toBe(count);
  });

  it('needs no qualifier in a portfolio smaller than a language’s plain names', () => {
    const names = Array.from({ length: plainNameCount('en') }, (_, index) => companyName(9, index, 'en'));
    expect(names.every((name) => name.split(' ').length === 2)).toBe(true);
    expect(companyName(9, plainNameCount('en'), 'en')).toMatch(/ Holdings$/);
  });

  it('is deterministic and depends on the seed', () => {
    const names = (seed: number) => Array.from({ length: 30 }, (_, i) => companyName(seed, i, 'en'));
    expect(names(7)).toStrictEqual(names(7));
    expect(names(8)).not.toStrictEqual(names(7));
    const sandbox = createSandbox({ accounts: 40, seed: 7, endDate });
    expect(createSandbox({ accounts: 40, seed: 7, endDate }).snapshotAt(17).account.name).toBe(
      sandbox.snapshotAt(17).account.name,
    );
  });
});
