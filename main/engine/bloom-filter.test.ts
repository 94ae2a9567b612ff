import { describe, expect, it } from 'vitest';
import { BloomFilter } from './bloom-filter';

describe('BloomFilter', () => {
  it('never forgets a key and rarely claims one it never saw', () => {
    const filter = new BloomFilter(1 << 20);
    for (let index = 0; index < 100_000; index++) filter.add(`target\nmemory:orders:o${index}`);
    for (let index = 0; index < 100_000; index++)
      expect(filter.mightContain(`target\nmemory:orders:o${index}`)).toBe(true);
    let falsePositives = 0;
    for (let index = 100_000; index < 200_000; index++)
      if (filter.mightContain(`target\nmemory:orders:o${index}`)) falsePositives++;
    expect(falsePositives / 100_000).toBeLessThan(0.05);
  });
});
