import { describe, expect, it } from 'vitest';
import type { RunEvent, RunEventBatch } from '../../shared/flow/run-events';
import { EventBatcher } from './event-batcher';

const log = (runId: string, seq: number): RunEvent => ({
  runId,
  seq,
  at: '2026-01-05T09:00:00.000Z',
  type: 'log',
  level: 'info',
  message: `m${seq}`,
});

describe('EventBatcher', () => {
  it('coalesces small batches per run and keeps their order', async () => {
    const out: RunEventBatch[] = [];
    const batcher = new EventBatcher((batch) => out.push(batch), 20);
    batcher.push({ runId: 'a', events: [log('a', 1)] });
    batcher.push({ runId: 'b', events: [log('b', 1)] });
    batcher.push({ runId: 'a', events: [log('a', 2), log('a', 3)] });
    expect(out).toEqual([]);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(out.map((batch) => [batch.runId, batch.events.map((event) => event.seq)])).toEqual([
      ['a', [1, 2, 3]],
      ['b', [1]],
    ]);
  });

  it('sends at once when a run finishes or a batch is large', () => {
    const out: RunEventBatch[] = [];
    const batcher = new EventBatcher((batch) => out.push(batch), 10_000, 3);
    batcher.push({ runId: 'a', events: [log('a', 1), log('a', 2), log('a', 3)] });
    expect(out).toHaveLength(1);
    batcher.push({ runId: 'b', events: [log('b', 1)] });
    batcher.push({
      runId: 'b',
      events: [
        {
          runId: 'b',
          seq: 2,
          at: '2026-01-05T09:00:00.000Z',
          type: 'runFinished',
          status: 'succeeded',
          counts: { total: 0, succeeded: 0, skipped: 0, failed: 0 },
          durationMs: 1,
          error: null,
        },
      ],
    });
    expect(out.map((batch) => [batch.runId, batch.events.length])).toEqual([
      ['a', 3],
      ['b', 2],
    ]);
  });
});
