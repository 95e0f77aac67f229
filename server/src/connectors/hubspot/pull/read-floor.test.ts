import { describe, expect, it } from 'vitest';
import { createReadFloor } from './read-floor.ts';

describe('the HubSpot read floor', () => {
  it.each([
    { what: 'nothing read', reads: [], singles: 0, floor: 0 },
    {
      what: 'a search that found nothing is still one call',
      reads: [['search', 0, 200, true]],
      singles: 0,
      floor: 1,
    },
    {
      what: 'a batch read of nothing is no call',
      reads: [['batch_read:notes', 0, 100, false]],
      singles: 0,
      floor: 0,
    },
    { what: 'one call per full page', reads: [['search', 400, 200, true]], singles: 0, floor: 2 },
    {
      what: 'a partial page is one call',
      reads: [['batch_read:companies', 101, 100, false]],
      singles: 0,
      floor: 2,
    },
    {
      what: 'each object apart, plus the single calls',
      reads: [
        ['batch_read:companies', 250, 100, false],
        ['associations:contacts', 250, 1_000, false],
      ],
      singles: 3,
      floor: 3 + 3 + 1,
    },
  ] as const)('$what', ({ reads, singles, floor }) => {
    const counted = createReadFloor();
    for (const [key, count, perCall, atLeastOne] of reads)
      counted.needed(
        key,
        Array.from({ length: count }, (_, i) => String(i)),
        perCall,
        atLeastOne,
      );
    for (let i = 0; i < singles; i += 1) counted.single();
    expect(counted.reads()).toBe(floor);
  });

  it('counts a record read twice once', () => {
    const counted = createReadFloor();
    const ids = Array.from({ length: 100 }, (_, i) => String(i));
    counted.needed('batch_read:companies', ids, 100);
    counted.needed('batch_read:companies', ids, 100);
    expect(counted.reads()).toBe(1);
  });
});
