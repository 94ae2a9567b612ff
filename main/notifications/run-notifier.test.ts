import { describe, expect, it } from 'vitest';
import type { RunEvent } from '../../shared/flow/run-events';
import type { RunStatus } from '../../shared/flow/run-records';
import type { RunNotice } from '../../shared/notifications/run-notice';
import { NOTICE_INTERVAL_MS, RunNotifier, type NotifierClock, type RunNotifierOptions } from './run-notifier';

/** A clock tests move by hand; timers fire when their time is passed. */
class ManualClock implements NotifierClock {
  time = Date.parse('2026-12-01T08:00:00Z');
  private timers: { at: number; fn: () => void; cancelled: boolean }[] = [];

  now(): number {
    return this.time;
  }

  later(fn: () => void, ms: number): () => void {
    const timer = { at: this.time + ms, fn, cancelled: false };
    this.timers.push(timer);
    return () => {
      timer.cancelled = true;
    };
  }

  advance(ms: number): void {
    this.time += ms;
    const due = this.timers.filter((timer) => timer.at <= this.time && !timer.cancelled);
    this.timers = this.timers.filter((timer) => !due.includes(timer));
    for (const timer of due) timer.fn();
  }

  get pending(): number {
    return this.timers.filter((timer) => !timer.cancelled).length;
  }
}

let runNumber = 0;
function run(
  status: RunStatus,
  options: { flowId?: string; dryRun?: boolean; clock: ManualClock },
): { runId: string; events: RunEvent[] } {
  const runId = `run-${++runNumber}`;
  const at = new Date(options.clock.now()).toISOString();
  const flowId = options.flowId ?? 'orders';
  const failed = status === 'failed' ? 2 : 0;
  return {
    runId,
    events: [
      {
        runId,
        seq: 1,
        at,
        type: 'runStarted',
        flowId,
        flowName: `Flow ${flowId}`,
        flowRevision: 1,
        trigger: 'schedule',
        dryRun: options.dryRun ?? false,
        parentRunId: null,
      },
      {
        runId,
        seq: 2,
        at,
        type: 'runFinished',
        status,
        counts: { total: 5, succeeded: 5 - failed, skipped: 0, failed },
        durationMs: 900,
        error: null,
      },
    ],
  };
}

function setup(overrides: Partial<RunNotifierOptions> = {}) {
  const clock = new ManualClock();
  const sent: RunNotice[] = [];
  const settings = { enabled: true };
  const notifier = new RunNotifier({
    clock,
    enabled: () => settings.enabled,
    deliver: (notice) => sent.push(notice),
    ...overrides,
  });
  const finish = async (status: RunStatus, options: { flowId?: string; dryRun?: boolean } = {}) => {
    const { runId, events } = run(status, { ...options, clock });
    await notifier.observe({ runId, events });
    return runId;
  };
  return { clock, sent, settings, notifier, finish };
}

const minutes = (n: number) => n * 60_000;

describe('RunNotifier', () => {
  it('tells about a failed run, naming the flow and the run to open', async () => {
    const { sent, finish } = setup();
    const runId = await finish('failed');
    expect(sent).toEqual([
      expect.objectContaining({
        kind: 'failed',
        flowId: 'orders',
        flowName: 'Flow orders',
        runId,
        folded: 0,
      }),
    ]);
    expect(sent[0]?.counts.failed).toBe(2);
  });

  it('says nothing about succeeding runs of a healthy flow, dry runs or cancelled runs', async () => {
    const { sent, finish } = setup();
    await finish('succeeded');
    await finish('failed', { dryRun: true });
    await finish('cancelled');
    expect(sent).toEqual([]);
  });

  it('tells when a flow recovers', async () => {
    const { sent, finish, clock } = setup();
    await finish('failed');
    clock.advance(minutes(20));
    const runId = await finish('succeeded');
    expect(sent.map((notice) => notice.kind)).toEqual(['failed', 'recovered']);
    expect(sent[1]?.runId).toBe(runId);
  });

  it('an interrupted run counts as a failure', async () => {
    const { sent, finish } = setup();
    await finish('interrupted');
    expect(sent[0]).toMatchObject({ kind: 'failed', status: 'interrupted' });
  });

  it('sends at most one per flow per 15 minutes and folds the rest into one at the end of the window', async () => {
    const { sent, finish, clock } = setup();
    await finish('failed');
    clock.advance(minutes(5));
    await finish('failed');
    clock.advance(minutes(5));
    const last = await finish('failed');
    expect(sent).toHaveLength(1);
    clock.advance(minutes(4) + 59_000);
    expect(sent).toHaveLength(1);
    clock.advance(1000);
    expect(sent).toHaveLength(2);
    expect(sent[1]).toMatchObject({ kind: 'failed', runId: last, folded: 1 });
    expect(NOTICE_INTERVAL_MS).toBe(minutes(15));
  });

  it('throttles each flow on its own', async () => {
    const { sent, finish } = setup();
    await finish('failed', { flowId: 'orders' });
    await finish('failed', { flowId: 'products' });
    await finish('failed', { flowId: 'orders' });
    expect(sent.map((notice) => notice.flowId)).toEqual(['orders', 'products']);
  });

  it('a recovery inside the window replaces the pending failure and is sent when the window ends', async () => {
    const { sent, finish, clock } = setup();
    await finish('failed');
    clock.advance(minutes(3));
    await finish('failed');
    clock.advance(minutes(3));
    await finish('succeeded');
    clock.advance(minutes(9));
    expect(sent.map((notice) => [notice.kind, notice.folded])).toEqual([
      ['failed', 0],
      ['recovered', 1],
    ]);
  });

  it('never sends "recovered" about a failure the user was not told of', async () => {
    const { sent, finish, clock } = setup();
    await finish('failed');
    clock.advance(minutes(16));
    await finish('succeeded'); // recovered, sent
    clock.advance(minutes(2));
    await finish('failed'); // pending
    clock.advance(minutes(2));
    await finish('succeeded'); // replaces it: the user still believes the flow is fine
    clock.advance(minutes(15));
    expect(sent.map((notice) => notice.kind)).toEqual(['failed', 'recovered']);
    expect(clock.pending).toBe(0);
  });

  it('sends nothing while notifications are off, and drops what waited when they were turned off', async () => {
    const { sent, finish, clock, settings } = setup();
    settings.enabled = false;
    await finish('failed');
    expect(sent).toEqual([]);
    settings.enabled = true;
    await finish('failed');
    clock.advance(minutes(1));
    await finish('failed');
    settings.enabled = false;
    clock.advance(minutes(15));
    expect(sent).toHaveLength(1);
  });

  it('after a start-up, asks how the flow did before, so a first success can be a recovery', async () => {
    const { sent, finish } = setup({ previousStatus: async () => 'failed' });
    await finish('succeeded');
    expect(sent.map((notice) => notice.kind)).toEqual(['recovered']);
  });

  it('learns about runs it did not see start', async () => {
    const { sent, notifier, clock } = setup({
      runFacts: async (runId) =>
        runId === 'old'
          ? { flowId: 'orders', flowName: 'Orders', dryRun: false, trigger: 'schedule' }
          : undefined,
    });
    const finished = run('failed', { clock }).events[1];
    if (!finished) throw new Error('no event');
    await notifier.observe({ runId: 'old', events: [{ ...finished, runId: 'old' }] });
    await notifier.observe({ runId: 'gone', events: [{ ...finished, runId: 'gone' }] });
    expect(sent.map((notice) => notice.runId)).toEqual(['old']);
  });

  it('dispose cancels what waits', async () => {
    const { sent, finish, clock, notifier } = setup();
    await finish('failed');
    await finish('failed');
    notifier.dispose();
    clock.advance(minutes(30));
    expect(sent).toHaveLength(1);
  });
});
