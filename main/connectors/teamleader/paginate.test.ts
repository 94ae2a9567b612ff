import { describe, expect, it } from 'vitest';
import { paginate } from './paginate';

const items = (from: number, count: number) =>
  Array.from({ length: count }, (_, i) => ({ id: `r${from + i}` }));

async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of iterable) out.push(item);
  return out;
}

describe('paginate', () => {
  it('asks for pages of 100 and stops after the first short page', async () => {
    const asked: { size: number; number: number }[] = [];
    const all = await collect(
      paginate(async (page) => {
        asked.push(page);
        return items((page.number - 1) * page.size, page.number < 3 ? page.size : 50);
      }),
    );
    expect(all).toHaveLength(250);
    expect(asked).toEqual([
      { size: 100, number: 1 },
      { size: 100, number: 2 },
      { size: 100, number: 3 },
    ]);
  });

  it('stops after an empty page when the total is a multiple of the page size', async () => {
    let calls = 0;
    const all = await collect(
      paginate(async (page) => {
        calls++;
        return page.number <= 2 ? items((page.number - 1) * 100, 100) : [];
      }),
    );
    expect(all).toHaveLength(200);
    expect(calls).toBe(3);
  });

  it('stops when an endpoint ignores page.number and repeats the same page', async () => {
    let calls = 0;
    const all = await collect(
      paginate(async () => {
        calls++;
        return items(0, 100);
      }),
    );
    expect(all).toHaveLength(100);
    expect(calls).toBe(2);
  });

  it('stops when an endpoint ignores page.size and returns everything at once', async () => {
    let calls = 0;
    const all = await collect(
      paginate(async () => {
        calls++;
        return items(0, 340);
      }),
    );
    expect(all).toHaveLength(340);
    expect(calls).toBe(1);
  });

  it('streams: the consumer sees the first page before the second is fetched', async () => {
    const fetched: number[] = [];
    const iterator = paginate(
      async (page) => {
        fetched.push(page.number);
        return items((page.number - 1) * 2, 2);
      },
      { pageSize: 2, maxPages: 5 },
    )[Symbol.asyncIterator]();
    await iterator.next();
    expect(fetched).toEqual([1]);
    await iterator.return?.(undefined);
  });
});
