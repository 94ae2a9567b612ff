import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SyncIndex } from './sync-index';

describe('SyncIndex', () => {
  it('returns each key once, at its latest marker, in marker order from a lower bound', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 30 }), { maxLength: 3000 }),
        fc.integer({ min: 0, max: 4000 }),
        (touches, from) => {
          const index = new SyncIndex<number>();
          const latest = new Map<number, number>();
          touches.forEach((key, i) => {
            index.touch(key, i + 1);
            latest.set(key, i + 1);
          });
          const expected = [...latest]
            .filter(([, marker]) => marker >= from)
            .sort((a, b) => a[1] - b[1])
            .map(([key]) => key);
          expect([...index.from(from)]).toEqual(expected);
          expect(index.size).toBe(latest.size);
        },
      ),
    );
  });

  it('refuses markers that do not increase', () => {
    const index = new SyncIndex<string>();
    index.touch('a', 5);
    expect(() => index.touch('b', 5)).toThrow(/does not increase/);
  });
});
