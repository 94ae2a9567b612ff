import { afterEach, describe, expect, it } from 'vitest';
import type { FlowDocument } from '../../shared/flow/flow-document';
import { silentLogger } from '../app/logger';
import { memoryFlow } from '../engine/testing/memory-flow';
import { TestClock } from '../engine/testing/test-clock';
import { temporaryStore } from '../store/testing';
import type { Store } from '../store/store';
import { latestDue, nextDue } from './due-times';
import { Scheduler } from './scheduler';

const MINUTE = 60_000;
const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

function setup(
  flows: FlowDocument[],
  options: { store?: Store; clock?: TestClock; busy?: Set<string> } = {},
) {
  let store = options.store;
  if (!store) {
    const handle = temporaryStore();
    cleanups.push(handle.cleanup);
    store = handle.store;
  }
  const clock = options.clock ?? new TestClock(Date.UTC(2026, 0, 5, 8, 0, 0));
  const started: { flowId: string; at: number }[] = [];
  const scheduler = new Scheduler({
    flows: () => flows,
    schedules: store.schedules,
    clock,
    logger: silentLogger,
    startRun: (flow) => {
      if (options.busy?.has(flow.id)) throw new Error(`Flow ${flow.id} is already running`);
      started.push({ flowId: flow.id, at: clock.now() });
      return `run-${started.length}`;
    },
  });
  cleanups.push(() => scheduler.stop());
  return { scheduler, clock, started, store };
}

const every15 = {
  ...memoryFlow({ id: 'every-15' }),
  enabled: true,
  schedule: { kind: 'interval' as const, everyMinutes: 15, timezone: 'Europe/Amsterdam' },
};

describe('due times', () => {
  it('follows a cron expression in its time zone', () => {
    const schedule = { kind: 'cron' as const, cron: '0 9 * * *', timezone: 'Europe/Amsterdam' };
    // 09:00 in Amsterdam is 08:00 UTC in winter and 07:00 UTC in summer.
    expect(new Date(nextDue(schedule, Date.UTC(2026, 0, 5, 6)) ?? 0).toISOString()).toBe(
      '2026-01-05T08:00:00.000Z',
    );
    expect(new Date(nextDue(schedule, Date.UTC(2026, 6, 5, 6)) ?? 0).toISOString()).toBe(
      '2026-07-05T07:00:00.000Z',
    );
    expect(latestDue(schedule, Date.UTC(2026, 0, 1), Date.UTC(2026, 0, 5, 12))).toBe(Date.UTC(2026, 0, 5, 8));
  });

  it('collapses missed intervals into the latest one', () => {
    const start = Date.UTC(2026, 0, 5, 8);
    expect(latestDue(every15.schedule, start, start + 14 * MINUTE)).toBeNull();
    expect(latestDue(every15.schedule, start, start + 100 * MINUTE)).toBe(start + 90 * MINUTE);
  });
});

describe('Scheduler', () => {
  it('runs a flow every interval', () => {
    const { scheduler, clock, started } = setup([every15]);
    scheduler.start();
    expect(started).toEqual([]);
    clock.advance(15 * MINUTE);
    clock.advance(15 * MINUTE);
    expect(started.map((run) => (run.at - Date.UTC(2026, 0, 5, 8)) / MINUTE)).toEqual([15, 30]);
    expect(scheduler.nextRunAt(every15)).toBe(Date.UTC(2026, 0, 5, 8, 45));
  });

  it('runs once to catch up after the machine slept past several due times', () => {
    const { scheduler, clock, started } = setup([every15]);
    scheduler.start();
    clock.jump(2 * 60 * MINUTE);
    expect(started).toHaveLength(1);
    expect(started[0]?.at).toBe(Date.UTC(2026, 0, 5, 10));
  });

  it('runs once to catch up after the app was closed past a due time', () => {
    const first = setup([every15]);
    first.scheduler.start();
    first.scheduler.stop();
    first.clock.jump(3 * 60 * MINUTE);
    expect(first.started).toEqual([]);
    // The app opens again: a new scheduler on the same database.
    const second = setup([every15], { store: first.store, clock: first.clock });
    second.scheduler.start();
    expect(second.started).toHaveLength(1);
    second.clock.advance(14 * MINUTE);
    expect(second.started).toHaveLength(1);
  });

  it('never overlaps: a due time while the flow runs is skipped', () => {
    const busy = new Set<string>(['every-15']);
    const { scheduler, clock, started } = setup([every15], { busy });
    scheduler.start();
    clock.advance(15 * MINUTE);
    expect(started).toEqual([]);
    busy.clear();
    clock.advance(15 * MINUTE);
    expect(started).toHaveLength(1);
  });

  it('does not run disabled flows, and a resumed flow counts from its resume', () => {
    const flows = [{ ...every15, enabled: false }];
    const { scheduler, clock, started } = setup(flows);
    scheduler.start();
    clock.advance(60 * MINUTE);
    expect(started).toEqual([]);
    flows[0] = every15;
    scheduler.restart(every15.id);
    clock.advance(10 * MINUTE);
    expect(started).toEqual([]);
    clock.advance(5 * MINUTE);
    expect(started).toHaveLength(1);
  });

  it('pauses and resumes as a whole, catching up once', () => {
    const { scheduler, clock, started } = setup([every15]);
    scheduler.start();
    scheduler.pause();
    clock.advance(60 * MINUTE);
    expect(started).toEqual([]);
    scheduler.resume();
    expect(started).toHaveLength(1);
  });

  it('lets only one of two processes on one data folder start a due run', () => {
    const first = setup([every15]);
    const second = setup([every15], { store: first.store, clock: first.clock });
    first.scheduler.start();
    second.scheduler.start();
    first.clock.advance(15 * MINUTE);
    expect(first.started.length + second.started.length).toBe(1);
  });
});
