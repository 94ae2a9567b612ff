import type { RunEventBatch } from '../../shared/flow/run-events';
import type { Store } from '../store/store';

export interface ForeignRunsOptions {
  store: Store;
  /** Where a page of another process's run events goes (the windows only: `bus.emitToWindows`). */
  emit: (batch: RunEventBatch) => void;
  now?: () => number;
  /** How often the run database is asked (default 1 s). */
  pollMs?: number;
  /** The most events of one run told at once; a full page asks again soon (default 5,000). */
  pageSize?: number;
  /**
   * Whether any window listens now (default: always). While none does, runs are only noted where
   * they stand, not read: a window that opens later reads the summaries it shows.
   */
  listening?: () => boolean;
}

/** How far back a finished run is looked for: commits and clocks of two processes differ a little. */
const FINISHED_MARGIN_MS = 5_000;
/** The next look after a full page: the other process is writing faster than a look a second tells. */
const CATCH_UP_MS = 100;

/**
 * Runs made by another process on the same data folder (`koppel run` or `koppel schedule` beside
 * the desktop app, the desktop app beside `koppel serve`) shown live in this one's windows: their
 * events are read from the run database, where every run's events are stored before they are told,
 * and told as `runs.events` to the windows. Not to this process's own listeners: the process that
 * makes a run logs, notifies and e-mails about it. A run that started before this process looked
 * is followed from where it stands (the windows read its summary); one that started later, or ended
 * before the first look, from its start.
 */
export class ForeignRuns {
  /** The last event told per run; `done` once a finished run was told to its end. */
  private followed = new Map<string, number | 'done'>();
  private timer: NodeJS.Timeout | undefined;
  private since = 0;
  private lastLook = 0;
  private readonly now: () => number;

  constructor(private readonly options: ForeignRunsOptions) {
    this.now = options.now ?? Date.now;
  }

  start(): void {
    if (this.timer) return;
    this.since = this.now();
    this.lastLook = this.since;
    this.schedule(this.options.pollMs ?? 1000);
  }

  stop(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  /** Looks once; true when a page was full (more is waiting). */
  look(): boolean {
    const { store, emit } = this.options;
    const pageSize = this.options.pageSize ?? 5000;
    const lookedAt = this.now();
    const runs = store.runs.others(store.owner.id, this.lastLook - FINISHED_MARGIN_MS);
    this.lastLook = lookedAt;
    const next = new Map<string, number | 'done'>();
    let full = false;
    const listening = this.options.listening?.() ?? true;
    for (const run of runs) {
      if (!listening) {
        next.set(run.id, run.status === 'running' ? run.lastSeq : 'done');
        continue;
      }
      const told =
        this.followed.get(run.id) ??
        (run.status === 'running' && run.startedAt < this.since ? run.lastSeq : 0);
      if (told === 'done') {
        // Still inside the window of finished runs: remembered, so it is not told again.
        next.set(run.id, told);
        continue;
      }
      const events = store.events.page(run.id, told, pageSize);
      if (events.length > 0) emit({ runId: run.id, events });
      const last = events.at(-1)?.seq ?? told;
      const ended = events.some((event) => event.type === 'runFinished');
      full ||= events.length === pageSize;
      next.set(run.id, ended || (run.status !== 'running' && events.length < pageSize) ? 'done' : last);
    }
    this.followed = next;
    return full;
  }

  private schedule(ms: number): void {
    this.timer = setTimeout(() => {
      let more = false;
      try {
        more = this.look();
      } catch {
        // A busy or closing database: the next look tries again.
      }
      if (this.timer) this.schedule(more ? CATCH_UP_MS : (this.options.pollMs ?? 1000));
    }, ms);
    this.timer.unref();
  }
}
