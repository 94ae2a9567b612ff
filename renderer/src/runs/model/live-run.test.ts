import { describe, expect, it } from 'vitest';
import type { RunSummary } from '../../../../shared/flow/run-records';
import {
  applyRetryOutcome,
  applyRunEvents,
  liveRunFromStart,
  liveRunFromSummary,
  runProgress,
} from './live-run';
import { EventBuilder } from './testing/run-events';

function summary(patch: Partial<RunSummary> = {}): RunSummary {
  return {
    id: 'run-1',
    flowId: 'flow-1',
    flowName: 'Orders',
    flowRevision: 1,
    trigger: 'manual',
    parentRunId: null,
    dryRun: false,
    status: 'running',
    startedAt: '2026-12-01T09:00:00.000Z',
    finishedAt: null,
    durationMs: null,
    counts: { total: 0, succeeded: 0, skipped: 0, failed: 0 },
    error: null,
    lastSeq: 0,
    ...patch,
  };
}

describe('live run', () => {
  it('counts records and node progress from events, and takes the final counts from runFinished', () => {
    const b = new EventBuilder();
    const start = b.started();
    if (start.type !== 'runStarted') throw new Error('expected runStarted');
    let run = liveRunFromStart(start);
    run = applyRunEvents(run, [b.item(1, 'A'), b.succeeded(1), b.item(2, 'B'), b.failed(2), b.item(3, 'C')]);
    run = applyRunEvents(run, [b.skipped(3), b.progress('map', 3, 2, 1)]);
    expect(run.counts).toEqual({ total: 3, succeeded: 1, skipped: 1, failed: 1 });
    expect(run.nodeCounts).toEqual({ map: { received: 3, passed: 2, skipped: 0, failed: 1 } });
    expect(run.status).toBe('running');
    expect(runProgress(run)).toBe(1);

    run = applyRunEvents(run, [b.finished({ total: 3, succeeded: 1, skipped: 1, failed: 1 })]);
    expect(run).toMatchObject({ status: 'failed', durationMs: 1234, lastSeq: 9 });
    expect(run.finishedAt).not.toBeNull();
  });

  it('counts the warning lines a run tells (the run page reads them again as they grow); a batch applied twice counts once', () => {
    const b = new EventBuilder();
    const start = b.started();
    if (start.type !== 'runStarted') throw new Error('expected runStarted');
    let run = applyRunEvents(liveRunFromStart(start), [b.item(1, 'A'), b.log('info', 'Reading orders')]);
    expect(run.warnings).toBeUndefined();
    const batch = [
      b.log('warn', '9 % becomes 6 %.'),
      b.log('error', 'Not a warning.'),
      b.log('warn', 'Again.'),
    ];
    run = applyRunEvents(run, batch);
    run = applyRunEvents(run, batch);
    expect(run.warnings).toBe(2);
    // A stored summary's count goes on from there.
    const later = applyRunEvents(liveRunFromSummary(summary({ lastSeq: 5, warnings: 3 })), [
      { ...b.log('warn', 'One more.'), seq: 6 },
    ]);
    expect(later.warnings).toBe(4);
  });

  it('keeps the last wait a run told of (until when, and why); other log lines leave it', () => {
    const b = new EventBuilder();
    const start = b.started();
    if (start.type !== 'runStarted') throw new Error('expected runStarted');
    let run = applyRunEvents(liveRunFromStart(start), [b.item(1, 'A'), b.log('info', 'Reading orders')]);
    expect(run.wait).toBeUndefined();
    const wait = b.log(
      'info',
      'Teamleader allows 200 calls a minute: the next call waits 59 s.',
      '2026-12-01T09:01:00.000Z',
    );
    run = applyRunEvents(run, [wait, b.log('warn', 'Attempt 1 failed')]);
    expect(run.wait).toEqual({
      until: '2026-12-01T09:01:00.000Z',
      message: 'Teamleader allows 200 calls a minute: the next call waits 59 s.',
    });
  });

  it('ignores events the summary already counted, so a batch applied twice changes nothing', () => {
    const b = new EventBuilder();
    const events = [b.started(), b.item(1, 'A'), b.succeeded(1)];
    const run = liveRunFromSummary(
      summary({ counts: { total: 1, succeeded: 1, skipped: 0, failed: 0 }, lastSeq: 3 }),
    );
    expect(applyRunEvents(run, events)).toBe(run);
    const later = applyRunEvents(run, [b.item(2, 'B')]);
    expect(
      applyRunEvents(
        later,
        [b.item(2, 'B')].map((event) => ({ ...event, seq: 4 })),
      ),
    ).toBe(later);
    expect(later.counts.total).toBe(2);
  });

  it('a retried record moves from failed to its new outcome', () => {
    const run = liveRunFromSummary(
      summary({ status: 'failed', counts: { total: 5, succeeded: 3, skipped: 0, failed: 2 } }),
    );
    const once = applyRetryOutcome(run, 'succeeded');
    expect(once.counts).toEqual({ total: 5, succeeded: 4, skipped: 0, failed: 1 });
    expect(applyRetryOutcome(applyRetryOutcome(once, 'skipped'), 'succeeded').counts).toEqual({
      total: 5,
      succeeded: 4,
      skipped: 1,
      failed: 0,
    });
  });

  it('progress is unknown before the first record and complete once finished', () => {
    expect(runProgress(summary())).toBeNull();
    expect(runProgress(summary({ counts: { total: 4, succeeded: 1, skipped: 0, failed: 1 } }))).toBe(0.5);
    expect(runProgress(summary({ status: 'succeeded' }))).toBe(1);
  });
});
