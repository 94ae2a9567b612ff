import { runsOnSchedule, type FlowDocument } from '../../shared/flow/flow-document';
import type { Logger } from '../app/logger';
import type { Clock } from '../engine/clock';
import type { ScheduleRepo } from '../store/schedule-repo';
import { latestDue, nextDue } from './due-times';

export interface SchedulerOptions {
  /** The saved flows (read on every tick: the file may change from another process). */
  flows: () => FlowDocument[];
  schedules: ScheduleRepo;
  clock: Clock;
  /**
   * Starts a scheduled run; returns its id, or throws (e.g. the flow is already running: that due
   * time is then skipped — runs never overlap).
   */
  startRun: (flow: FlowDocument) => string;
  logger: Logger;
  /** Longest sleep between checks, so a wake-up from system sleep is noticed soon (default 30 s). */
  pollMs?: number;
}

/**
 * Runs enabled flows on their interval or cron schedule. The last handled due time is kept per
 * flow in the database, so after the app was closed or the machine slept past a due time there is
 * exactly one catch-up run, and two processes on one data folder never both start the same one.
 */
export class Scheduler {
  private cancelTimer: (() => void) | undefined;
  private running = false;
  private paused = false;

  constructor(private readonly options: SchedulerOptions) {}

  start(): void {
    if (this.running) return;
    this.running = true;
    this.tick();
  }

  stop(): void {
    this.running = false;
    this.cancelTimer?.();
    this.cancelTimer = undefined;
  }

  /** Stops starting runs until `resume` (due times passing meanwhile get one catch-up run). */
  pause(): void {
    this.paused = true;
  }

  resume(): void {
    this.paused = false;
    this.tick();
  }

  get isPaused(): boolean {
    return this.paused;
  }

  /** Re-reads the flows now (after a save or an enable/disable). */
  refresh(): void {
    if (this.running) this.tick();
  }

  /**
   * A flow's schedule restarts from now (it was just enabled, or its schedule changed): time spent
   * disabled does not count as missed.
   */
  restart(flowId: string): void {
    const now = this.options.clock.now();
    this.options.schedules.reset(flowId, now, now);
    this.refresh();
  }

  /** When an enabled, scheduled flow is due next (ms), else null. */
  nextRunAt(flow: FlowDocument): number | null {
    if (!runsOnSchedule(flow)) return null;
    const state = this.options.schedules.get(flow.id);
    const from = state?.lastDueAt ?? this.options.clock.now();
    return nextDue(flow.schedule, from);
  }

  /** Checks every flow once and sets the timer for the next due time. */
  tick(): void {
    if (!this.running) return;
    this.cancelTimer?.();
    const { clock, schedules, logger } = this.options;
    const now = clock.now();
    let wakeAt = now + (this.options.pollMs ?? 30_000);
    let flows: FlowDocument[] = [];
    try {
      flows = this.options.flows();
    } catch (error) {
      logger.error('The scheduler could not read the flows', { error: String(error) });
    }
    for (const flow of flows) {
      if (!runsOnSchedule(flow)) continue;
      try {
        const state = schedules.get(flow.id);
        if (!state || state.lastDueAt === null) {
          // First sight of this schedule: it starts counting now.
          schedules.claim(flow.id, state?.lastDueAt ?? null, now, now);
        } else if (!this.paused) {
          const due = latestDue(flow.schedule, state.lastDueAt, now);
          if (due !== null && schedules.claim(flow.id, state.lastDueAt, due, now)) this.launch(flow, due);
        }
        const next = nextDue(flow.schedule, schedules.get(flow.id)?.lastDueAt ?? now);
        // A due time already past (paused, or another process claimed it) waits for the poll.
        if (next !== null && next > now) wakeAt = Math.min(wakeAt, next);
      } catch (error) {
        logger.error(`Schedule of flow "${flow.name}" failed`, { error: String(error) });
      }
    }
    this.cancelTimer = clock.setTimer(Math.max(0, wakeAt - now), () => this.tick());
  }

  private launch(flow: FlowDocument, due: number): void {
    const { logger, schedules } = this.options;
    try {
      const runId = this.options.startRun(flow);
      schedules.recordRun(flow.id, runId);
      // The run's own start and end are logged as every run's are (run-log-lines.ts); this adds when it was due.
      logger.debug(`Scheduled run of "${flow.name}" started`, { runId, due: new Date(due).toISOString() });
    } catch (error) {
      logger.warn(`Scheduled run of "${flow.name}" skipped`, {
        error: error instanceof Error ? error.message : String(error),
      });
    }
  }
}
