import { describe, expect, it } from 'vitest';
import { MADE_KEPT_MS, whileMaking } from './making-lock';

/** The lock only uses the client as a key: one object per account. */
const accountA = {};
const accountB = {};

const later = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Work that takes 20 ms and notes in `log` when it starts and ends; it answers its name. */
const loggedWork = (log: string[]) => (name: string) => async () => {
  log.push(`${name} starts`);
  await later(20);
  log.push(`${name} ends`);
  return name;
};

describe('whileMaking', () => {
  it('runs the work for one key and account one at a time, in the order asked', async () => {
    const log: string[] = [];
    const work = loggedWork(log);
    const results = await Promise.all([
      whileMaking(accountA, 'product:1001', 0, work('first')),
      whileMaking(accountA, 'product:1001', 0, work('second')),
      whileMaking(accountA, 'product:1001', 0, work('third')),
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

  it('lets other keys and other accounts go at the same time', async () => {
    const log: string[] = [];
    const work = loggedWork(log);
    await Promise.all([
      whileMaking(accountA, 'product:2001', 0, work('a 2001')),
      whileMaking(accountA, 'product:2002', 0, work('a 2002')),
      whileMaking(accountB, 'product:2001', 0, work('b 2001')),
    ]);
    expect(log.slice(0, 3)).toEqual(['a 2001 starts', 'a 2002 starts', 'b 2001 starts']);
  });

  it('tells the next one what the first made, for the same key and account only', async () => {
    const seen: (string | undefined)[] = [];
    await Promise.all([
      whileMaking(accountA, 'company:ann@example.com', 0, async (meanwhile, made) => {
        seen.push(meanwhile);
        await later(10);
        made('company-1');
      }),
      whileMaking(accountA, 'company:ann@example.com', 0, async (meanwhile) => void seen.push(meanwhile)),
      whileMaking(accountB, 'company:ann@example.com', 0, async (meanwhile) => void seen.push(meanwhile)),
      whileMaking(accountA, 'contact:ann@example.com', 0, async (meanwhile) => void seen.push(meanwhile)),
    ]);
    // Account B and the contact key ran beside the first, and learnt nothing.
    expect(seen).toEqual([undefined, undefined, undefined, 'company-1']);
  });

  it('forgets what was made after a while', async () => {
    let clock = 1_000_000;
    const now = () => clock;
    await whileMaking(accountA, 'product:4001', 0, async (_meanwhile, made) => made('product-4001'), now);
    clock += MADE_KEPT_MS - 1;
    expect(await whileMaking(accountA, 'product:4001', 0, async (meanwhile) => meanwhile, now)).toBe(
      'product-4001',
    );
    clock += 1;
    expect(
      await whileMaking(accountA, 'product:4001', 0, async (meanwhile) => meanwhile, now),
    ).toBeUndefined();
  });

  it('tells only what was made since the caller started (the account may have been emptied before)', async () => {
    let clock = 2_000_000;
    const now = () => clock;
    await whileMaking(accountA, 'product:5001', 0, async (_meanwhile, made) => made('product-5001'), now);
    clock += 1000;
    const startedLater = clock;
    expect(
      await whileMaking(accountA, 'product:5001', startedLater, async (meanwhile) => meanwhile, now),
    ).toBeUndefined();
    expect(
      await whileMaking(accountA, 'product:5001', startedLater - 1000, async (meanwhile) => meanwhile, now),
    ).toBe('product-5001');
  });

  it('lets the next one go when the work failed', async () => {
    const failed = whileMaking(accountA, 'product:3001', 0, async () => {
      await later(10);
      throw new Error('Teamleader said no');
    });
    const next = whileMaking(accountA, 'product:3001', 0, async () => 'made');
    await expect(failed).rejects.toThrow('Teamleader said no');
    expect(await next).toBe('made');
  });
});
