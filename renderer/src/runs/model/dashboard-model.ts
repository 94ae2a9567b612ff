import type { FlowSummary } from '../../../../shared/api/calls/flows';
import type { RunStats } from '../../../../shared/api/calls/runs';
import { runsOnSchedule } from '../../../../shared/flow/flow-document';
import type { RunSummary } from '../../../../shared/flow/run-records';
import { fixedByRetry } from '../../../../shared/flow/run-records';
import { localDay } from './format';

export interface DayPoint {
  day: string;
  succeeded: number;
  skipped: number;
  failed: number;
}

/**
 * The last `count` calendar days ending with `today` (`YYYY-MM-DD`), one point each: days the
 * stats leave out (nothing ran) become zeros, so the chart's x axis is always 30 days wide.
 */
export function fillDays(days: RunStats['days'], today: string, count: number): DayPoint[] {
  const byDay = new Map(days.map((day) => [day.day, day]));
  const [year, month, date] = today.split('-').map(Number);
  const points: DayPoint[] = [];
  for (let offset = count - 1; offset >= 0; offset--) {
    const day = localDay(new Date(year ?? 1970, (month ?? 1) - 1, (date ?? 1) - offset).getTime());
    const found = byDay.get(day);
    points.push({
      day,
      succeeded: found?.succeeded ?? 0,
      skipped: found?.skipped ?? 0,
      failed: found?.failed ?? 0,
    });
  }
  return points;
}

export function totals(points: readonly DayPoint[]): { synced: number; failed: number } {
  let synced = 0;
  let failed = 0;
  for (const point of points) {
    synced += point.succeeded;
    failed += point.failed;
  }
  return { synced, failed };
}

/**
 * The run a flow's health is judged by: its newest finished run that was not a dry run (a dry run
 * tries the flow and writes nothing: a good one does not make a failing flow well, nor a bad one a
 * working flow ill; a run still going has no outcome yet) nor a retry (a retry run only re-tries
 * some records; their outcome shows in the run they came from), unless retries are all there is.
 */
export function healthRun(runs: readonly RunSummary[]): RunSummary | null {
  const judged = runs.filter((run) => !run.dryRun && run.status !== 'running');
  return judged.find((run) => run.trigger !== 'retry') ?? judged[0] ?? null;
}

/** A flow on its schedule that cannot run: the scheduler skips it until its problems are fixed. */
export function isBlocked(flow: Pick<FlowSummary, 'errors' | 'enabled' | 'schedule'>): boolean {
  return flow.errors > 0 && runsOnSchedule(flow);
}

/** Whether a flow needs attention: its run failed (or was cut off) and retries have not fixed it. */
export function isFailing(run: Pick<RunSummary, 'status' | 'counts' | 'error'> | null | undefined): boolean {
  if (!run || (run.status !== 'failed' && run.status !== 'interrupted')) return false;
  return !fixedByRetry(run);
}

export type Health =
  { state: 'empty' } | { state: 'green'; flows: number } | { state: 'failing'; failing: string[] };

/** The one health line: all green, or which flows fail. Flows that never ran do not count. */
export function overallHealth(flows: readonly { id: string; run: RunSummary | null }[]): Health {
  const ran = flows.filter((flow) => flow.run !== null);
  if (ran.length === 0) return { state: 'empty' };
  const failing = ran.filter((flow) => isFailing(flow.run)).map((flow) => flow.id);
  return failing.length === 0 ? { state: 'green', flows: ran.length } : { state: 'failing', failing };
}
