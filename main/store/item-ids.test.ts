import path from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BatchThread } from './batch-thread';
import { Store } from './store';
import { temporaryStore } from './testing';

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

describe('ItemIds', () => {
  it('gives two processes on one database ids that never collide, across growing blocks', () => {
    const handle = temporaryStore({ writerThread: false });
    cleanups.push(handle.cleanup);
    const other = Store.open(path.join(handle.dir, 'koppel.db'), { writerThread: false });
    cleanups.unshift(() => other.close());
    const taken: number[] = [];
    // Interleaved in uneven runs, so each store crosses several block boundaries (1,000, 2,000, 4,000…).
    for (let round = 0; round < 20; round++) {
      for (let index = 0; index < 700 + round * 37; index++) taken.push(handle.store.ids.take());
      for (let index = 0; index < 450 + round * 53; index++) taken.push(other.ids.take());
    }
    expect(new Set(taken).size).toBe(taken.length);
    expect(taken.every((id) => Number.isSafeInteger(id) && id > 0)).toBe(true);
  });

  it('has the writer thread reserve the next block ahead, so a run never waits for the lock', async () => {
    const handle = temporaryStore();
    cleanups.push(handle.cleanup);
    const other = Store.open(path.join(handle.dir, 'koppel.db'), { writerThread: false });
    cleanups.unshift(() => other.close());
    const reserveIds = vi.spyOn(BatchThread.prototype, 'reserveIds');
    cleanups.push(() => reserveIds.mockRestore());
    await handle.store.warmUp();
    const taken: number[] = [];
    // As in a run: ids taken in bursts, with time between them; meanwhile
    // another process reserves its own blocks.
    for (let burst = 0; burst < 40; burst++) {
      for (let index = 0; index < 400; index++) taken.push(handle.store.ids.take());
      taken.push(other.ids.take());
      // 400 records take ~30 ms in a run; a few ms are enough for the thread to answer.
      await delay(5);
    }
    expect(new Set(taken).size).toBe(taken.length);
    const aheadStarts = await Promise.all(
      reserveIds.mock.results.map((result) => result.value as Promise<number>),
    );
    // 16,000 ids: the first block (1,000) reserved here, the next ones (2,000, 4,000, 8,000) ahead
    // (one not ready in time would be skipped: a gap, never a collision).
    const used = aheadStarts.filter((start) => taken.includes(start));
    expect(aheadStarts.length).toBeGreaterThanOrEqual(3);
    // Every block reserved ahead is used, but the last one when the burst ended before it.
    expect(used.length).toBeGreaterThanOrEqual(aheadStarts.length - 1);
  });

  it('starts a reopened database above every id handed out before', () => {
    const handle = temporaryStore({ writerThread: false });
    cleanups.push(handle.cleanup);
    const first = Array.from({ length: 2500 }, () => handle.store.ids.take());
    const reopened = Store.open(path.join(handle.dir, 'koppel.db'), { writerThread: false });
    cleanups.unshift(() => reopened.close());
    expect(reopened.ids.take()).toBeGreaterThan(Math.max(...first));
  });
});
