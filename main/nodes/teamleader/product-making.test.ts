import { describe, expect, it } from 'vitest';
import type { TeamleaderClient } from '../../connectors/teamleader/client';
import { whileMakingProduct } from './product-making';

/** The lock only uses the client as a key. */
const clientA = {} as TeamleaderClient;
const clientB = {} as TeamleaderClient;

const later = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('whileMakingProduct', () => {
  it('runs the work for one code and account one at a time, in the order asked', async () => {
    const log: string[] = [];
    const work = (name: string) => async () => {
      log.push(`${name} starts`);
      await later(20);
      log.push(`${name} ends`);
      return name;
    };
    const results = await Promise.all([
      whileMakingProduct(clientA, '1001', work('first')),
      whileMakingProduct(clientA, '1001', work('second')),
      whileMakingProduct(clientA, '1001', work('third')),
    ]);
    expect(results).toEqual(['first', 'second', 'third']);
    expect(log).toEqual([
      'first starts',
      'first ends',
      'second starts',
      'second ends',
      'third starts',
      'third ends',
    ]);
  });

  it('lets other codes and other accounts go at the same time', async () => {
    const log: string[] = [];
    const work = (name: string) => async () => {
      log.push(`${name} starts`);
      await later(20);
      log.push(`${name} ends`);
    };
    await Promise.all([
      whileMakingProduct(clientA, '2001', work('a 2001')),
      whileMakingProduct(clientA, '2002', work('a 2002')),
      whileMakingProduct(clientB, '2001', work('b 2001')),
    ]);
    expect(log.slice(0, 3)).toEqual(['a 2001 starts', 'a 2002 starts', 'b 2001 starts']);
  });

  it('lets the next one go when the work failed', async () => {
    const failed = whileMakingProduct(clientA, '3001', async () => {
      await later(10);
      throw new Error('Teamleader said no');
    });
    const next = whileMakingProduct(clientA, '3001', async () => 'made');
    await expect(failed).rejects.toThrow('Teamleader said no');
    expect(await next).toBe('made');
  });
});
