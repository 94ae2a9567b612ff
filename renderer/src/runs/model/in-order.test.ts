import { describe, expect, it } from 'vitest';
import { loadInOrder } from './in-order';

describe('loadInOrder', () => {
  it('delivers in input order with a bounded number in flight', async () => {
    let inFlight = 0;
    let most = 0;
    const delivered: number[] = [];
    await loadInOrder(
      [1, 2, 3, 4, 5, 6, 7],
      async (n) => {
        inFlight++;
        most = Math.max(most, inFlight);
        // Later inputs finish first.
        await new Promise((resolve) => setTimeout(resolve, (8 - n) * 3));
        inFlight--;
        return n * 10;
      },
      (result) => delivered.push(result),
      3,
    );
    expect(delivered).toEqual([10, 20, 30, 40, 50, 60, 70]);
    expect(most).toBe(3);
  });

  it('stops at the first error', async () => {
    const delivered: number[] = [];
    await expect(
      loadInOrder(
        [1, 2, 3],
        async (n) => {
          if (n === 2) throw new Error('page 2 failed');
          return n;
        },
        (result) => delivered.push(result),
      ),
    ).rejects.toThrow('page 2 failed');
    expect(delivered).toEqual([1]);
  });
});
