import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { beginTestRun, temporaryStore } from './testing';

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

describe('BatchThread', () => {
  it('checkpoints the WAL into the database file beside the writer', async () => {
    const handle = temporaryStore();
    cleanups.push(handle.cleanup);
    const { store, dir } = handle;
    const file = path.join(dir, 'koppel.db');
    beginTestRun(store, 'run-1');
    const writer = store.writer('run-1', { total: 0, succeeded: 0, skipped: 0, failed: 0 }, 'full', () => {});
    const sizeBefore = fs.statSync(file).size;
    // ~4 MB of WAL in 80 batches: below every connection's auto-checkpoint threshold, so only
    // the checkpointer thread moves pages into the database file.
    for (let batch = 0; batch < 80; batch++) {
      for (let index = 0; index < 50; index++) {
        writer.event({ type: 'log', level: 'info', message: `${batch}.${index} ${'x'.repeat(1000)}` });
      }
      await writer.commit();
    }
    const deadline = Date.now() + 5000;
    while (fs.statSync(file).size < sizeBefore + 2_000_000 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(fs.statSync(file).size).toBeGreaterThan(sizeBefore + 2_000_000);
  });
});
