import { afterEach, describe, expect, it } from 'vitest';
import type { RunCounts } from '../../shared/flow/run-records';
import { FLUSH_AT, QUEUE_LIMIT } from './run-writer';
import { beginTestRun, temporaryStore, testItem } from './testing';

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

describe('RunWriter', () => {
  it.each([true, false])(
    'keeps its queue bounded when nothing awaits a commit (writer thread: %s)',
    async (writerThread) => {
      const handle = temporaryStore({ writerThread });
      cleanups.push(handle.cleanup);
      const { store } = handle;
      beginTestRun(store, 'run-1', { dryRun: true });
      const counts: RunCounts = { total: 0, succeeded: 0, skipped: 0, failed: 0 };
      const writer = store.writer('run-1', counts, 'full', () => {});
      const total = 6 * QUEUE_LIMIT;
      let maxBacklog = 0;
      for (let index = 0; index < total; index++) {
        // Like a dry run: only promise callbacks between writes, so an end-of-tick flush never runs.
        await Promise.resolve();
        const room = writer.room();
        if (room) await room;
        writer.event({ type: 'log', level: 'info', message: `record ${index}` });
        maxBacklog = Math.max(maxBacklog, writer.backlog);
      }
      expect(maxBacklog).toBeLessThanOrEqual(QUEUE_LIMIT + FLUSH_AT);
      await writer.commit();
      expect(writer.lastCommittedSeq).toBe(total);
      expect(store.events.page('run-1', total - 1, 10).map((event) => event.seq)).toEqual([total]);
    },
  );

  it('never takes a batch between an item changing and its save (no second insert)', async () => {
    const handle = temporaryStore();
    cleanups.push(handle.cleanup);
    const { store } = handle;
    beginTestRun(store, 'run-1', { dryRun: true });
    const writer = store.writer('run-1', { total: 1, succeeded: 0, skipped: 0, failed: 0 }, 'full', () => {});
    const item = testItem(store, 'run-1');
    const id = item.id;
    writer.saveItem(item);
    for (let index = 0; index < FLUSH_AT - 2; index++)
      writer.event({ type: 'log', level: 'info', message: 'x' });
    // The engine finishes an item like this: fields, then its event (which fills the queue), then the save.
    item.status = 'succeeded';
    item.finishedAt = Date.now();
    writer.event({ type: 'log', level: 'info', message: 'finished' });
    writer.saveItem(item);
    await writer.commit();
    expect(store.items.detail(id)?.status).toBe('succeeded');
  });
});
