import { afterEach, describe, expect, it } from 'vitest';
import type { RunEvent, RunEventBatch } from '../../shared/flow/run-events';
import { EventBus } from '../app/event-bus';
import { ForeignRuns } from './foreign-runs';
import { holdCreates } from './testing/held-creates';
import { engineFixture, type EngineFixture } from './testing/engine-fixture';
import { memoryFlow, sampleOrders } from './testing/memory-flow';
import { TestClock } from './testing/test-clock';

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

/**
 * This process (`here`, following) and another on the same run database (`there`: its own lock
 * owner, as `koppel run` beside the desktop app has), sharing a test clock.
 */
function setup(pageSize?: number) {
  // Now, not a fixed day: the engine stamps some rows with the real time, and the locks and
  // "finished since the last look" compare them with this clock.
  const clock = new TestClock(Date.now());
  const here: EngineFixture = engineFixture({ clock, engine: { cancelCheckMs: 20 } });
  const there = here.reopen();
  const told: RunEventBatch[] = [];
  const follower = new ForeignRuns({
    store: here.store,
    emit: (batch) => told.push(batch),
    now: () => clock.now(),
    // Looked at by hand below.
    pollMs: 3_600_000,
    ...(pageSize ? { pageSize } : {}),
  });
  cleanups.push(() => {
    follower.stop();
    there.cleanup();
    here.cleanup();
  });
  const toldOf = (runId: string): RunEvent[] =>
    told.filter((batch) => batch.runId === runId).flatMap((batch) => batch.events);
  return { clock, here, there, follower, told, toldOf };
}

describe('ForeignRuns', () => {
  it('tells another process’s run from its start to its end, once, and none of this process’s own', async () => {
    const { here, there, follower, told, toldOf } = setup();
    follower.start();
    there.system.seed('orders', sampleOrders(12));
    const theirs = await there.engine.run({ flow: memoryFlow({ id: 'theirs' }), trigger: 'schedule' });
    here.system.seed('orders', sampleOrders(3));
    const mine = await here.engine.run({ flow: memoryFlow({ id: 'mine' }), trigger: 'manual' });

    expect(follower.look()).toBe(false);
    // Every event as that process stored it, in order, ending with its one runFinished.
    expect(toldOf(theirs.runId)).toEqual(there.eventsOf(theirs.runId));
    expect(toldOf(theirs.runId).at(-1)).toMatchObject({ type: 'runFinished', status: 'succeeded' });
    expect(toldOf(mine.runId)).toEqual([]);
    const count = told.length;
    follower.look();
    expect(told).toHaveLength(count);
  });

  it('tells a long run in pages as it goes, each event once', async () => {
    const { there, follower, toldOf } = setup(10);
    follower.start();
    there.system.seed('orders', sampleOrders(25));
    let release: (() => void) | undefined;
    let creates = 0;
    there.system.hooks.before = (operation) =>
      operation === 'create' && ++creates === 20
        ? new Promise<void>((resolve) => (release = resolve))
        : undefined;
    const run = there.engine.start({ flow: memoryFlow({ id: 'long' }), trigger: 'schedule' });
    while (!release) await new Promise((resolve) => setImmediate(resolve));
    // Halfway: what is stored so far, ten at a time (a full page asks again).
    while (follower.look());
    const halfway = toldOf(run.runId);
    expect(halfway.length).toBeGreaterThan(10);
    expect(halfway.some((event) => event.type === 'runFinished')).toBe(false);
    there.system.hooks = {};
    release();
    await run.done;
    while (follower.look());
    const all = toldOf(run.runId);
    expect(all.map((event) => event.seq)).toEqual(there.eventsOf(run.runId).map((event) => event.seq));
    expect(all.at(-1)?.type).toBe('runFinished');
  });

  it('follows a run that was going before it looked from where that run stands', async () => {
    const { clock, there, follower, toldOf } = setup();
    there.system.seed('orders', sampleOrders(8));
    const writes = holdCreates(there.system);
    const run = there.engine.start({ flow: memoryFlow({ id: 'early' }), trigger: 'schedule' });
    while (writes.holding === 0) await new Promise((resolve) => setImmediate(resolve));
    // Its first events are stored (they are told only once stored) before this process looks.
    while (there.eventsOf(run.runId).length === 0) await new Promise((resolve) => setImmediate(resolve));
    clock.jump(1000);
    follower.start();
    follower.look();
    writes.release();
    await run.done;
    follower.look();
    const told = toldOf(run.runId);
    expect(told.at(-1)?.type).toBe('runFinished');
    // Not from its start: the windows read the summary of a run they did not see begin.
    expect(told.some((event) => event.type === 'runStarted')).toBe(false);
    const stored = there.eventsOf(run.runId);
    expect(told).toEqual(stored.slice(stored.length - told.length));
  });

  it('is told to the windows only, not to this process’s own listeners (its log, notices, e-mails)', () => {
    const bus = new EventBus();
    const windows: string[] = [];
    const own: string[] = [];
    bus.onAny(['runs.events'], (stream) => windows.push(stream));
    bus.on('runs.events', (batch) => own.push(batch.runId));
    bus.emitToWindows('runs.events', { runId: 'theirs', events: [] });
    bus.emit('runs.events', { runId: 'mine', events: [] });
    expect(windows).toEqual(['runs.events', 'runs.events']);
    expect(own).toEqual(['mine']);
  });

  it('reads nothing while no window listens, and tells a window that comes later only what follows', async () => {
    const { here, there, toldOf, told } = setup();
    let listening = false;
    const follower = new ForeignRuns({
      store: here.store,
      emit: (batch) => told.push(batch),
      pollMs: 3_600_000,
      listening: () => listening,
    });
    follower.start();
    there.system.seed('orders', sampleOrders(6));
    const before = await there.engine.run({ flow: memoryFlow({ id: 'unseen' }), trigger: 'schedule' });
    follower.look();
    expect(told).toEqual([]);
    listening = true;
    follower.look();
    // Finished while nobody looked: not told afterwards either.
    expect(toldOf(before.runId)).toEqual([]);
    const after = await there.engine.run({ flow: memoryFlow({ id: 'seen' }), trigger: 'schedule' });
    follower.look();
    expect(toldOf(after.runId)).toEqual(there.eventsOf(after.runId));
    follower.stop();
  });

  it('a cancel asked for here stops the run the other process makes, as cancelled there', async () => {
    const { here, there } = setup();
    there.system.seed('orders', sampleOrders(8));
    const writes = holdCreates(there.system);
    const run = there.engine.start({ flow: memoryFlow({ id: 'stopped' }), trigger: 'schedule' });
    while (writes.holding === 0) await new Promise((resolve) => setImmediate(resolve));
    // Not this process's run: it cannot stop it itself, it asks.
    expect(here.engine.cancel(run.runId)).toBe(false);
    expect(here.engine.askCancel(run.runId)).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 100));
    writes.release();
    const result = await run.done;
    expect(result.status).toBe('cancelled');
    expect(result.counts.succeeded).toBeLessThan(8);
    // Over: nothing to ask any more; an unknown run neither.
    expect(here.engine.askCancel(run.runId)).toBe(false);
    expect(here.engine.askCancel('no-such-run')).toBe(false);
    // The flow's next run is not cancelled by the old request.
    const next = await there.engine.run({ flow: memoryFlow({ id: 'stopped' }), trigger: 'schedule' });
    expect(next.status).toBe('succeeded');
  });
});
