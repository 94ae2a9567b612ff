import type { RunEvent, RunEventBatch } from '../../shared/flow/run-events';

/**
 * Coalesces committed run events into batches for the UI: at most one batch per run every
 * `intervalMs` (a fast run commits hundreds of small batches a second), at once when a batch is
 * large or the run finished.
 */
export class EventBatcher {
  private readonly pending = new Map<string, RunEvent[]>();
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly emit: (batch: RunEventBatch) => void,
    private readonly intervalMs = 100,
    private readonly maxBatch = 2000,
  ) {}

  push(batch: RunEventBatch): void {
    const events = this.pending.get(batch.runId) ?? [];
    events.push(...batch.events);
    this.pending.set(batch.runId, events);
    if (events.length >= this.maxBatch || batch.events.some((event) => event.type === 'runFinished')) {
      this.flushRun(batch.runId);
      return;
    }
    if (!this.timer) {
      this.timer = setTimeout(() => this.flush(), this.intervalMs);
      this.timer.unref();
    }
  }

  flush(): void {
    this.timer = undefined;
    for (const runId of [...this.pending.keys()]) this.flushRun(runId);
  }

  private flushRun(runId: string): void {
    const events = this.pending.get(runId);
    this.pending.delete(runId);
    if (events && events.length > 0) this.emit({ runId, events });
  }
}
