import { describe, expect, it } from 'vitest';
import type { RunStatus, RunSummary } from '../../../../shared/flow/run-records';
import {
  dayStartIso,
  formatDateTime,
  formatDuration,
  formatRelative,
  localDay,
  nextDayStartIso,
} from './format';
import { fillDays, healthRun, isFailing, overallHealth, totals } from './dashboard-model';

describe('format', () => {
  it('durations read naturally', () => {
    expect(formatDuration(850, 'en')).toBe('850 ms');
    expect(formatDuration(4200, 'en')).toBe('4.2 s');
    expect(formatDuration(4200, 'nl')).toBe('4,2 s');
    expect(formatDuration(185_000, 'en')).toBe('3 min 05 s');
    expect(formatDuration(7_620_000, 'en')).toBe('2 h 07 min');
    expect(formatDuration(null, 'en')).toBe('–');
  });

  it('one date-and-time format in both languages, seconds when asked, no padded hour', () => {
    // A local time, so the test holds in any time zone; ICU may put a narrow space before "PM".
    const iso = new Date(2026, 11, 3, 14, 5, 9).toISOString();
    const plain = (text: string) => text.replace(/\s/g, ' ');
    expect(plain(formatDateTime(iso, 'en'))).toBe('Dec 3, 2026, 2:05 PM');
    expect(plain(formatDateTime(iso, 'en', true))).toBe('Dec 3, 2026, 2:05:09 PM');
    expect(plain(formatDateTime(iso, 'nl'))).toBe('3 dec 2026, 14:05');
    expect(plain(formatDateTime(new Date(2026, 0, 2, 6, 7).toISOString(), 'en'))).toBe(
      'Jan 2, 2026, 6:07 AM',
    );
    expect(formatDateTime(null, 'en')).toBe('–');
  });

  it('relative times in both languages', () => {
    const now = Date.parse('2026-12-01T12:00:00Z');
    expect(formatRelative('2026-12-01T12:05:00Z', now, 'en')).toBe('in 5 minutes');
    expect(formatRelative('2026-12-01T09:00:00Z', now, 'nl')).toBe('3 uur geleden');
    expect(formatRelative(null, now, 'en')).toBeNull();
  });

  it('local days and their bounds', () => {
    const day = localDay(Date.now());
    const start = dayStartIso(day);
    expect(start).not.toBeNull();
    expect(localDay(Date.parse(start ?? ''))).toBe(day);
    expect(Date.parse(nextDayStartIso(day) ?? '') - Date.parse(start ?? '')).toBeGreaterThanOrEqual(
      23 * 3600_000,
    );
    expect(dayStartIso('yesterday')).toBeNull();
  });
});

describe('dashboard model', () => {
  it('fills 30 days, zeros where nothing ran', () => {
    const points = fillDays(
      [
        { day: '2026-12-01', succeeded: 40, skipped: 2, failed: 3 },
        { day: '2026-11-15', succeeded: 5, skipped: 0, failed: 0 },
        { day: '2026-10-01', succeeded: 9, skipped: 0, failed: 9 },
      ],
      '2026-12-01',
      30,
    );
    expect(points).toHaveLength(30);
    expect(points[0]?.day).toBe('2026-11-02');
    expect(points.at(-1)).toEqual({ day: '2026-12-01', succeeded: 40, skipped: 2, failed: 3 });
    expect(points.find((point) => point.day === '2026-11-15')?.succeeded).toBe(5);
    expect(totals(points)).toEqual({ synced: 45, failed: 3 });
  });

  it('crosses month ends and leap days', () => {
    expect(fillDays([], '2028-03-01', 3).map((point) => point.day)).toEqual([
      '2028-02-28',
      '2028-02-29',
      '2028-03-01',
    ]);
  });

  const run = (status: RunStatus, patch: Partial<RunSummary> = {}): RunSummary => ({
    id: `run-${status}`,
    flowId: 'f',
    flowName: 'F',
    flowRevision: 1,
    trigger: 'schedule',
    parentRunId: null,
    dryRun: false,
    status,
    startedAt: '2026-12-01T09:00:00.000Z',
    finishedAt: '2026-12-01T09:00:01.000Z',
    durationMs: 1000,
    counts: { total: 2, succeeded: 1, skipped: 0, failed: status === 'failed' ? 1 : 0 },
    error: null,
    lastSeq: 4,
    ...patch,
  });

  it('health: all green, or which flows fail; flows that never ran do not count', () => {
    expect(overallHealth([])).toEqual({ state: 'empty' });
    expect(overallHealth([{ id: 'a', run: null }])).toEqual({ state: 'empty' });
    expect(
      overallHealth([
        { id: 'a', run: run('succeeded') },
        { id: 'b', run: null },
      ]),
    ).toEqual({ state: 'green', flows: 1 });
    expect(
      overallHealth([
        { id: 'a', run: run('failed') },
        { id: 'b', run: run('interrupted') },
        { id: 'c', run: run('succeeded') },
      ]),
    ).toEqual({ state: 'failing', failing: ['a', 'b'] });
  });

  it('a failed run whose records retries fixed is healthy; health ignores retry runs', () => {
    const fixed = run('failed', { counts: { total: 2, succeeded: 2, skipped: 0, failed: 0 } });
    expect(isFailing(fixed)).toBe(false);
    expect(
      isFailing(
        run('failed', {
          counts: { total: 0, succeeded: 0, skipped: 0, failed: 0 },
          error: { code: 'source_failed', message: 'x' },
        }),
      ),
    ).toBe(true);
    const retry = run('succeeded', { id: 'retry', trigger: 'retry' });
    const first = run('failed', { id: 'first' });
    expect(healthRun([retry, first])?.id).toBe('first');
    expect(healthRun([retry])?.id).toBe('retry');
    expect(healthRun([])).toBeNull();
  });

  it('health ignores dry runs and a run still going', () => {
    const failed = run('failed', { id: 'failed' });
    const goodTry = run('succeeded', { id: 'try', dryRun: true, trigger: 'manual' });
    const badTry = run('failed', { id: 'bad-try', dryRun: true, trigger: 'manual' });
    const going = run('running', { id: 'going', finishedAt: null, durationMs: null });
    expect(healthRun([goodTry, failed])?.id).toBe('failed');
    expect(healthRun([badTry, run('succeeded', { id: 'ok' })])?.id).toBe('ok');
    expect(healthRun([going, goodTry, badTry])).toBeNull();
    expect(overallHealth([{ id: 'a', run: healthRun([going, goodTry]) }])).toEqual({ state: 'empty' });
  });
});
