import { Cron } from 'croner';
import type { Schedule } from '../../shared/flow/flow-document';

const MAX_STEPS = 100_000;

/** The first time the schedule is due after `after` (ms), or null (manual, or a cron that never fires). */
export function nextDue(schedule: Schedule, after: number): number | null {
  if (schedule.kind === 'manual') return null;
  if (schedule.kind === 'interval') return after + schedule.everyMinutes * 60_000;
  const job = new Cron(schedule.cron, { timezone: schedule.timezone, paused: true });
  try {
    return job.nextRun(new Date(after))?.getTime() ?? null;
  } finally {
    job.stop();
  }
}

/**
 * The latest due time in (after, now], or null when none passed. Several missed due times (the
 * machine slept, the app was closed) collapse into this one: one catch-up run, not a burst.
 */
export function latestDue(schedule: Schedule, after: number, now: number): number | null {
  if (schedule.kind === 'manual') return null;
  if (schedule.kind === 'interval') {
    const period = schedule.everyMinutes * 60_000;
    const missed = Math.floor((now - after) / period);
    return missed >= 1 ? after + missed * period : null;
  }
  const job = new Cron(schedule.cron, { timezone: schedule.timezone, paused: true });
  try {
    let latest: number | null = null;
    let cursor = new Date(after);
    for (let step = 0; step < MAX_STEPS; step++) {
      const next = job.nextRun(cursor);
      if (!next || next.getTime() > now) break;
      latest = next.getTime();
      cursor = next;
    }
    return latest;
  } finally {
    job.stop();
  }
}
