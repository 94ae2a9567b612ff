import { describe, expect, it } from 'vitest';
import type { RunEventBatch } from '../../../shared/flow/run-events';
import type { RunSummary } from '../../../shared/flow/run-records';
import { EventBuilder } from '../runs/model/testing/run-events';
import { FakeRunsApi } from '../runs/model/testing/fake-runs-api';
import { createRunEventHub } from './run-event-hub';
import { createRunLiveStore, selectFlowNodeCounts } from './run-live-store';
import { CATCH_UP_PAGE, createRunLogStore } from './run-log-store';

function summary(runId: string, patch: Partial<RunSummary> = {}): RunSummary {
  return {
    id: runId,
    flowId: 'flow-1',
    flowName: 'Orders',
    flowRevision: 1,
    trigger: 'manual',
    parentRunId: null,
    dryRun: false,
    status: 'failed',
    startedAt: '2026-12-01T09:00:00.000Z',
    finishedAt: '2026-12-01T09:00:02.000Z',
    durationMs: 2000,
    counts: { total: 3, succeeded: 1, skipped: 0, failed: 2 },
    error: null,
    lastSeq: 8,
    ...patch,
  };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('run-live-store', () => {
  it('creates a run from runStarted and counts its records; the flow points at it', () => {
    const fake = new FakeRunsApi();
    const store = createRunLiveStore({ runs: () => fake.api() });
    const b = new EventBuilder('run-9', 'flow-7');
    store.getState().applyBatches([{ runId: 'run-9', events: [b.started(), b.item(1, 'A')] }]);
    store.getState().applyBatches([{ runId: 'run-9', events: [b.failed(1), b.progress('target', 1, 0, 1)] }]);
    const run = store.getState().runs['run-9'];
    expect(run?.counts).toEqual({ total: 1, succeeded: 0, skipped: 0, failed: 1 });
    expect(selectFlowNodeCounts('flow-7')(store.getState())).toEqual({
      target: { received: 1, passed: 0, skipped: 0, failed: 1 },
    });
    expect(store.getState().startedRuns).toEqual(['run-9']);
    expect(store.getState().itemsVersion['run-9']).toBe(2);
  });

  it("a retry run moves the original run's records from failed to succeeded, and reloads it when done", async () => {
    const fake = new FakeRunsApi();
    const store = createRunLiveStore({ runs: () => fake.api() });
    store.getState().upsert([summary('run-1')]);
    const retry = new EventBuilder('run-2');
    store.getState().applyBatches([
      {
        runId: 'run-2',
        events: [retry.started('run-1'), retry.item(11, 'ORD-1', 4), retry.item(12, 'ORD-2', 5)],
      },
    ]);
    expect(store.getState().retryActivity[4]).toMatchObject({
      runId: 'run-2',
      itemId: 11,
      status: 'running',
    });
    store.getState().applyBatches([{ runId: 'run-2', events: [retry.succeeded(11), retry.succeeded(12)] }]);
    expect(store.getState().runs['run-1']?.counts).toEqual({ total: 3, succeeded: 3, skipped: 0, failed: 0 });
    expect(store.getState().retryActivity[5]?.status).toBe('succeeded');

    fake.summaries.set(
      'run-1',
      summary('run-1', {
        status: 'succeeded',
        counts: { total: 3, succeeded: 3, skipped: 0, failed: 0 },
        lastSeq: 8,
      }),
    );
    fake.summaries.set('run-2', summary('run-2', { parentRunId: 'run-1', trigger: 'retry' }));
    fake.failedNow.set('run-1', {});
    store
      .getState()
      .applyBatches([
        { runId: 'run-2', events: [retry.finished({ total: 2, succeeded: 2, skipped: 0, failed: 0 })] },
      ]);
    await settle();
    expect(fake.calls).toContain('get run-1');
    expect(store.getState().runs['run-1']?.status).toBe('succeeded');
    // The reload also says which runs retried it and that nothing of it fails any more.
    expect(store.getState().retries['run-1']).toEqual({
      runIds: ['run-2'],
      failedByNode: {},
      stoppedByNode: {},
    });
  });

  it('reads again what fails now of a run opened while it ran, once it finished', async () => {
    const fake = new FakeRunsApi();
    const store = createRunLiveStore({ runs: () => fake.api() });
    const b = new EventBuilder('run-6');
    store
      .getState()
      .applyBatches([{ runId: 'run-6', events: [b.started(), b.item(1, 'A'), b.item(2, 'B')] }]);
    // The run page opens while it runs: nothing fails yet.
    fake.summaries.set('run-6', summary('run-6', { status: 'running', lastSeq: 3 }));
    await store.getState().load('run-6');
    expect(store.getState().retries['run-6']).toEqual({ runIds: [], failedByNode: {}, stoppedByNode: {} });

    fake.summaries.set(
      'run-6',
      summary('run-6', { counts: { total: 2, succeeded: 0, skipped: 0, failed: 2 } }),
    );
    fake.failedNow.set('run-6', { target: 2 });
    store.getState().applyBatches([
      {
        runId: 'run-6',
        events: [b.failed(1), b.failed(2), b.finished({ total: 2, succeeded: 0, skipped: 0, failed: 2 })],
      },
    ]);
    // Until read again, nothing is said about what fails now (rather than "nothing": fixed).
    expect(store.getState().retries['run-6']).toBeUndefined();
    await settle();
    expect(fake.calls.filter((call) => call === 'get run-6')).toHaveLength(2);
    expect(store.getState().retries['run-6']).toEqual({
      runIds: [],
      failedByNode: { target: 2 },
      stoppedByNode: {},
    });
  });

  it('reloads a run whose events arrive after a gap, and one it never saw start', async () => {
    const fake = new FakeRunsApi();
    const store = createRunLiveStore({ runs: () => fake.api() });
    const b = new EventBuilder('run-3');
    const events = [b.started(), b.item(1, 'A'), b.succeeded(1), b.item(2, 'B'), b.succeeded(2)];
    store.getState().applyBatches([{ runId: 'run-3', events: events.slice(0, 2) }]);
    fake.summaries.set(
      'run-3',
      summary('run-3', {
        status: 'running',
        counts: { total: 2, succeeded: 2, skipped: 0, failed: 0 },
        lastSeq: 5,
      }),
    );
    store.getState().applyBatches([{ runId: 'run-3', events: events.slice(4) }]);
    await settle();
    expect(store.getState().runs['run-3']?.counts.succeeded).toBe(2);

    fake.summaries.set('run-4', summary('run-4'));
    store.getState().applyBatches([{ runId: 'run-4', events: [new EventBuilder('run-4').log('info', 'x')] }]);
    await settle();
    expect(store.getState().runs['run-4']?.status).toBe('failed');
  });

  it("reads the node counts of a flow's finished run from the end of its log", async () => {
    const fake = new FakeRunsApi();
    const b = new EventBuilder('run-5');
    const events = [
      b.started(),
      b.progress('source', 2, 2),
      b.item(1, 'A'),
      b.progress('target', 1, 1),
      b.succeeded(1),
    ];
    fake.store(events);
    fake.summaries.set('run-5', summary('run-5', { lastSeq: 5 }));
    const store = createRunLiveStore({ runs: () => fake.api() });
    await store.getState().loadLatestOfFlow('flow-1');
    expect(selectFlowNodeCounts('flow-1')(store.getState())).toEqual({
      source: { received: 2, passed: 2, skipped: 0, failed: 0 },
      target: { received: 1, passed: 1, skipped: 0, failed: 0 },
    });
  });

  it('finds the wait of a running run opened after it was told, and keeps it when the summary reloads', async () => {
    const fake = new FakeRunsApi();
    const b = new EventBuilder('run-6');
    const events = [
      b.started(),
      b.log(
        'info',
        'Teamleader allows 200 calls a minute: the next call waits 30 s.',
        '2026-12-01T09:00:31.000Z',
      ),
      b.progress('source', 2, 2),
      b.item(1, 'A'),
    ];
    fake.store(events);
    fake.summaries.set('run-6', summary('run-6', { status: 'running', finishedAt: null, lastSeq: 4 }));
    const store = createRunLiveStore({ runs: () => fake.api() });
    await store.getState().loadNodeCounts('run-6');
    const wait = {
      until: '2026-12-01T09:00:31.000Z',
      message: 'Teamleader allows 200 calls a minute: the next call waits 30 s.',
    };
    expect(store.getState().runs['run-6']?.wait).toEqual(wait);
    await store.getState().load('run-6');
    expect(store.getState().runs['run-6']?.wait).toEqual(wait);
  });
});

describe('run-log-store', () => {
  it("reads a watched run's stored events in pages, then follows live batches", async () => {
    const fake = new FakeRunsApi();
    const b = new EventBuilder('run-1');
    const stored = [
      b.started(),
      ...Array.from({ length: CATCH_UP_PAGE + 10 }, (_, i) => b.item(i + 1, `ORD-${i}`)),
    ];
    fake.store(stored);
    const store = createRunLogStore({ runs: () => fake.api(), keepMs: 0 });
    const release = store.getState().watch('run-1');
    await store.getState().catchUp('run-1');
    const entry = store.getState().logs['run-1'];
    expect(entry?.buffer.events).toHaveLength(stored.length);
    expect(entry?.loading).toBe(false);
    // The first page, the rest in parallel, then one look for what was stored meanwhile.
    expect(fake.calls.filter((call) => call.startsWith('events'))).toEqual([
      'events run-1 0',
      'events run-1 500',
      `events run-1 ${stored.length}`,
    ]);

    store.getState().applyBatches([{ runId: 'run-1', events: [b.succeeded(1)] }]);
    expect(store.getState().logs['run-1']?.version).toBe(store.getState().logs['run-1']?.buffer.version);
    expect(store.getState().logs['run-1']?.buffer.lastSeq).toBe(stored.length + 1);

    release();
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(store.getState().logs['run-1']).toBeUndefined();
  });

  it('catches up after a reconnect lost a batch', async () => {
    const fake = new FakeRunsApi();
    const b = new EventBuilder('run-1');
    const events = [b.started(), b.item(1, 'A'), b.failed(1), b.item(2, 'B'), b.succeeded(2)];
    fake.store(events.slice(0, 1));
    const store = createRunLogStore({ runs: () => fake.api() });
    store.getState().watch('run-1');
    await store.getState().catchUp('run-1');
    // Batches 2–3 were pushed while the socket was down; they are stored.
    fake.store(events.slice(1));
    store.getState().applyBatches([{ runId: 'run-1', events: events.slice(3) }]);
    await store.getState().catchUp('run-1');
    expect(store.getState().logs['run-1']?.buffer.events.map((event) => event.seq)).toEqual([1, 2, 3, 4, 5]);
  });

  it('ignores batches of runs nobody watches', () => {
    const store = createRunLogStore({ runs: () => new FakeRunsApi().api() });
    store.getState().applyBatches([{ runId: 'run-x', events: [new EventBuilder('run-x').started()] }]);
    expect(store.getState().logs).toEqual({});
  });
});

describe('run-event-hub', () => {
  it('hands queued batches to every sink at once, once per scheduled flush', () => {
    let listener: ((batch: RunEventBatch) => void) | undefined;
    const flushes: (() => void)[] = [];
    const received: number[] = [];
    const hub = createRunEventHub({
      subscribe: (fn) => {
        listener = fn;
        return () => (listener = undefined);
      },
      sinks: [(batches) => received.push(batches.length)],
      schedule: (fn) => flushes.push(fn),
    });
    const b = new EventBuilder();
    listener?.({ runId: 'run-1', events: [b.started()] });
    listener?.({ runId: 'run-1', events: [b.item(1, 'A')] });
    listener?.({ runId: 'run-1', events: [b.succeeded(1)] });
    expect(flushes).toHaveLength(1);
    flushes[0]?.();
    expect(received).toEqual([3]);
    hub.stop();
    expect(listener).toBeUndefined();
  });

  it('re-reads running runs that went silent', () => {
    let tick: (() => void) | undefined;
    let time = 0;
    const reread: string[][] = [];
    const hub = createRunEventHub({
      subscribe: () => () => undefined,
      sinks: [],
      schedule: () => undefined,
      every: (fn) => {
        tick = fn;
        return () => (tick = undefined);
      },
      now: () => time,
      silentMs: 5000,
      runningRunIds: () => ['run-1'],
      reread: (ids) => reread.push(ids),
    });
    time = 5000;
    tick?.();
    time = 6000;
    tick?.();
    expect(reread).toEqual([['run-1']]);
    hub.stop();
    expect(tick).toBeUndefined();
  });
});
