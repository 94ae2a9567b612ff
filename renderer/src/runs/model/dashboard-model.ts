import type { FlowSummary } from '../../../../shared/api/calls/flows';
import type { RunStats } from '../../../../shared/api/calls/runs';
import type { RunStatus } from '../../../../shared/flow/run-records';
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

/** Whether a run outcome means the flow needs attention. */
export function isFailing(status: RunStatus | undefined): boolean {
  return status === 'failed' || status === 'interrupted';
}

export type Health =
  { state: 'empty' } | { state: 'green'; flows: number } | { state: 'failing'; failing: string[] };

/** The one health line: all green, or which flows' last run failed. Flows that never ran do not count. */
export function overallHealth(flows: readonly Pick<FlowSummary, 'id' | 'lastRun'>[]): Health {
  const ran = flows.filter((flow) => flow.lastRun !== null);
  if (ran.length === 0) return { state: 'empty' };
  const failing = ran.filter((flow) => isFailing(flow.lastRun?.status)).map((flow) => flow.id);
  return failing.length === 0 ? { state: 'green', flows: ran.length } : { state: 'failing', failing };
}
