import { afterEach, describe, expect, it } from 'vitest';
import { MADE_KEPT_MS } from '../store/making-claims';
import { Store } from '../store/store';
import { temporaryStore } from '../store/testing';
import { MakingLock, type MakingWork } from './making-lock';

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

/** A lock over a fresh store (a real SQLite file); `now` for tests of time. */
function lockOn(now?: () => number): { lock: MakingLock; store: Store } {
  const handle = temporaryStore();
  cleanups.push(handle.cleanup);
  return { lock: new MakingLock(handle.store.making, now), store: handle.store };
}

const signal = new AbortController().signal;

/** `lock.whileMaking` for a run that started at `since` and is not cancelled. */
const making =
  (lock: MakingLock) =>
  <T>(account: string, key: string, since: number, work: MakingWork<T>): Promise<T> =>
    lock.whileMaking(account, key, since, signal, work);

const later = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Work that takes 20 ms and notes in `log` when it starts and ends; it answers its name. */
const loggedWork = (log: string[]) => (name: string) => async () => {
  log.push(`${name} starts`);
  await later(20);
  log.push(`${name} ends`);
  return name;
};

describe('MakingLock', () => {
  it('runs the work for one key and account one at a time, in the order asked', async () => {
    const make = making(lockOn().lock);
    const log: string[] = [];
    const work = loggedWork(log);
    const results = await Promise.all([
      make('a', 'product:1001', 0, work('first')),
      make('a', 'product:1001', 0, work('second')),
      make('a', 'product:1001', 0, work('third')),
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
    const make = making(lockOn().lock);
    const log: string[] = [];
    const work = loggedWork(log);
    await Promise.all([
      make('a', 'product:2001', 0, work('a 2001')),
      make('a', 'product:2002', 0, work('a 2002')),
      make('b', 'product:2001', 0, work('b 2001')),
    ]);
    expect(log.slice(0, 3)).toEqual(['a 2001 starts', 'a 2002 starts', 'b 2001 starts']);
  });

  it('tells the next one what the first made, for the same key and account only', async () => {
    const make = making(lockOn().lock);
    const seen: (string | undefined)[] = [];
    await Promise.all([
      make('a', 'company:ann@example.com', 0, async (meanwhile, made) => {
        seen.push(meanwhile);
        await later(10);
        made('company-1');
      }),
      make('a', 'company:ann@example.com', 0, async (meanwhile) => void seen.push(meanwhile)),
      make('b', 'company:ann@example.com', 0, async (meanwhile) => void seen.push(meanwhile)),
      make('a', 'contact:ann@example.com', 0, async (meanwhile) => void seen.push(meanwhile)),
    ]);
    // Account B and the contact key ran beside the first, and learnt nothing.
    expect(seen).toEqual([undefined, undefined, undefined, 'company-1']);
  });

  it('forgets what was made after a while', async () => {
    let clock = 1_000_000;
    const make = making(lockOn(() => clock).lock);
    await make('a', 'product:4001', 0, async (_meanwhile, made) => made('product-4001'));
    clock += MADE_KEPT_MS - 1;
    expect(await make('a', 'product:4001', 0, async (meanwhile) => meanwhile)).toBe('product-4001');
    clock += 1;
    expect(await make('a', 'product:4001', 0, async (meanwhile) => meanwhile)).toBeUndefined();
  });

  it('tells only what was made since the run started (the account may have been emptied before)', async () => {
    let clock = 2_000_000;
    const make = making(lockOn(() => clock).lock);
    await make('a', 'product:5001', 0, async (_meanwhile, made) => made('product-5001'));
    clock += 1000;
    const startedLater = clock;
    expect(await make('a', 'product:5001', startedLater, async (meanwhile) => meanwhile)).toBeUndefined();
    expect(await make('a', 'product:5001', startedLater - 1000, async (meanwhile) => meanwhile)).toBe(
      'product-5001',
    );
  });

  it('lets the next one go when the work failed', async () => {
    const { lock, store } = lockOn();
    const make = making(lock);
    const failed = make('a', 'product:3001', 0, async () => {
      await later(10);
      throw new Error('Teamleader said no');
    });
    const next = make('a', 'product:3001', 0, async () => 'made');
    await expect(failed).rejects.toThrow('Teamleader said no');
    expect(await next).toBe('made');
    expect(store.db.prepare('SELECT COUNT(*) FROM making_claims').pluck().get()).toBe(0);
  });

  it('keeps two processes on one data folder to one maker, and tells the second what the first made', async () => {
    // Two stores on one file, each its own owner: the desktop app and `koppel run`.
    const { store: app, dir } = temporaryStore({ owner: { id: 'app', host: 'h', pid: process.pid } });
    cleanups.push(() => app.close());
    const cli = Store.openDataDir(dir, { owner: { id: 'cli', host: 'h', pid: process.pid } });
    cleanups.push(() => cli.close());
    const log: string[] = [];
    const started = Date.now();
    const [first, second] = await Promise.all([
      new MakingLock(app.making).whileMaking(
        'tl',
        'product:6001',
        started,
        signal,
        async (meanwhile, made) => {
          log.push(`app starts, made meanwhile: ${meanwhile}`);
          await later(150);
          made('product-6001');
          log.push('app ends');
          return 'app made it';
        },
      ),
      later(20).then(() =>
        new MakingLock(cli.making).whileMaking('tl', 'product:6001', started, signal, async (meanwhile) => {
          log.push(`cli starts, made meanwhile: ${meanwhile}`);
          return meanwhile;
        }),
      ),
    ]);
    expect(log).toEqual([
      'app starts, made meanwhile: undefined',
      'app ends',
      'cli starts, made meanwhile: product-6001',
    ]);
    expect([first, second]).toEqual(['app made it', 'product-6001']);
  });

  it("stops waiting for another process's claim when the run is cancelled", async () => {
    const { store: app, dir } = temporaryStore({ owner: { id: 'app', host: 'h', pid: process.pid } });
    cleanups.push(() => app.close());
    const cli = Store.openDataDir(dir, { owner: { id: 'cli', host: 'h', pid: process.pid } });
    cleanups.push(() => cli.close());
    expect(app.making.claim('tl', 'product:7001', Date.now())).toBe(true);
    const cancel = new AbortController();
    let ran = false;
    const waiting = new MakingLock(cli.making).whileMaking(
      'tl',
      'product:7001',
      0,
      cancel.signal,
      async () => {
        ran = true;
      },
    );
    await later(60);
    cancel.abort();
    await expect(waiting).rejects.toMatchObject({ name: 'AbortError' });
    expect(ran).toBe(false);
  });
});
