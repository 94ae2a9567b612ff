import { afterEach, describe, expect, it } from 'vitest';
import { engineFixture, type EngineFixture } from './testing/engine-fixture';
import { memoryFlow, sampleOrders } from './testing/memory-flow';

const fixtures: EngineFixture[] = [];
afterEach(() => {
  for (const fixture of fixtures.splice(0)) fixture.cleanup();
});

describe('A run that never waits for a network', () => {
  it('leaves the event loop to timers while it runs (the app keeps answering)', async () => {
    // The in-memory target answers without I/O, as records skipped "unchanged" or a dry run do:
    // only the writer thread's answers pace the run.
    const fixture = engineFixture();
    fixtures.push(fixture);
    const { engine, system } = fixture;
    const total = 6000;
    system.seed('orders', sampleOrders(total));
    let written = 0;
    system.hooks.after = (operation) => {
      if (operation !== 'create') return;
      // Work per record on this thread (mapping, code, hashing in a real flow) while the writer
      // thread commits the next batch: its answer is always waiting when this one is done.
      const until = performance.now() + 0.1;
      while (performance.now() < until);
      written++;
    };
    // Records written between two ticks of a 1 ms timer.
    let lastTick = 0;
    let longestStretch = 0;
    const ticker = setInterval(() => {
      longestStretch = Math.max(longestStretch, written - lastTick);
      lastTick = written;
    }, 1);

    const result = await engine.run({
      flow: memoryFlow({
        id: 'loop',
        sourceConfig: { pageSize: 500 },
        targetConfig: { idempotency: 'key' },
        settings: { concurrency: 16 },
      }),
      trigger: 'manual',
    });
    clearInterval(ticker);
    longestStretch = Math.max(longestStretch, written - lastTick);

    expect(result.counts).toMatchObject({ total, succeeded: total, failed: 0 });
    // Writer answers settled inside Node's delivery of up to 1,000 port messages ran the whole run
    // without one tick (6,000 records); settled on the next turn, a tick comes every few hundred.
    expect(longestStretch).toBeLessThan(total / 4);
  });
});
