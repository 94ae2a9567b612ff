import type { RunEvent, RunEventBatch } from '../../shared/flow/run-events';
import type { RunStatus, RunTrigger } from '../../shared/flow/run-records';
import type { RunNotice } from '../../shared/notifications/run-notice';

/** At most one notification per flow in this window. */
export const NOTICE_INTERVAL_MS = 15 * 60_000;

/** Time and timers, injected so tests can move the clock. */
export interface NotifierClock {
  now(): number;
  /** Calls `fn` after `ms`; returns a function that cancels it. */
  later(fn: () => void, ms: number): () => void;
}

export const systemNotifierClock: NotifierClock = {
  now: () => Date.now(),
  later(fn, ms) {
    const timer = setTimeout(fn, ms);
    // A pending notice must not keep the command line (or a test) alive.
    timer.unref?.();
    return () => clearTimeout(timer);
  },
};

/** What the notifier needs to know about a run it did not see start (it began before it listened). */
export interface RunFacts {
  flowId: string;
  flowName: string;
  dryRun: boolean;
  trigger: RunTrigger;
}

export interface RunNotifierOptions {
  clock?: NotifierClock;
  intervalMs?: number;
  /** The notifications setting, read at the moment of sending. */
  enabled(): boolean;
  deliver(notice: RunNotice): void;
  /** Facts about a run whose `runStarted` this notifier did not see. */
  runFacts?(runId: string): Promise<RunFacts | undefined>;
  /** The status of the flow's run before `runId` (the first outcome after a start-up). */
  previousStatus?(flowId: string, runId: string): Promise<RunStatus | undefined>;
  onError?(error: unknown): void;
}

type Health = 'ok' | 'failing';

interface FlowState {
  health: Health | undefined;
  lastSentAt: number | null;
  lastSentKind: RunNotice['kind'] | null;
  pending: RunNotice | null;
  cancelTimer: (() => void) | null;
}

function healthOf(status: RunStatus | undefined): Health | undefined {
  if (status === 'failed' || status === 'interrupted') return 'failing';
  if (status === 'succeeded') return 'ok';
  return undefined;
}

/**
 * Decides when to tell the user about a flow: when a run fails, and when a flow recovers. At most
 * one notice per flow per interval; outcomes in between are folded into one notice sent when the
 * interval ends, unless it would only say "recovered" about a failure the user never heard of.
 * Dry runs, cancelled runs and retry runs say nothing (a retry is started by the user, who watches
 * it, and fixes only some records: the flow's health shows in its next run).
 */
export class RunNotifier {
  private readonly clock: NotifierClock;
  private readonly intervalMs: number;
  private readonly runs = new Map<string, RunFacts>();
  private readonly flows = new Map<string, FlowState>();
  private queue: Promise<void> = Promise.resolve();

  constructor(private readonly options: RunNotifierOptions) {
    this.clock = options.clock ?? systemNotifierClock;
    this.intervalMs = options.intervalMs ?? NOTICE_INTERVAL_MS;
  }

  /** Takes in a committed batch of run events; batches are handled one after another, in order. */
  observe(batch: RunEventBatch): Promise<void> {
    this.queue = this.queue
      .then(() => this.handle(batch.events))
      .catch((error: unknown) => this.options.onError?.(error));
    return this.queue;
  }

  /** Cancels pending notices. */
  dispose(): void {
    for (const state of this.flows.values()) state.cancelTimer?.();
    this.flows.clear();
  }

  private async handle(events: readonly RunEvent[]): Promise<void> {
    for (const event of events) {
      if (event.type === 'runStarted') {
        this.runs.set(event.runId, {
          flowId: event.flowId,
          flowName: event.flowName,
          dryRun: event.dryRun,
          trigger: event.trigger,
        });
      } else if (event.type === 'runFinished') {
        await this.finished(event);
      }
    }
  }

  private async finished(event: Extract<RunEvent, { type: 'runFinished' }>): Promise<void> {
    const facts = this.runs.get(event.runId) ?? (await this.options.runFacts?.(event.runId));
    this.runs.delete(event.runId);
    const outcome = healthOf(event.status);
    if (!facts || facts.dryRun || facts.trigger === 'retry' || outcome === undefined) return;
    const state = this.stateOf(facts.flowId);
    const previous =
      state.health ?? healthOf(await this.options.previousStatus?.(facts.flowId, event.runId)) ?? 'ok';
    state.health = outcome;
    const kind: RunNotice['kind'] | null =
      outcome === 'failing' ? 'failed' : previous === 'failing' ? 'recovered' : null;
    if (kind === null) return;
    if (!this.options.enabled()) {
      this.clearPending(state);
      return;
    }
    this.offer(state, {
      id: `${event.runId}:${kind}`,
      kind,
      flowId: facts.flowId,
      flowName: facts.flowName,
      runId: event.runId,
      status: event.status,
      counts: event.counts,
      error: event.error,
      at: event.at,
      folded: 0,
    });
  }

  private stateOf(flowId: string): FlowState {
    let state = this.flows.get(flowId);
    if (!state) {
      state = { health: undefined, lastSentAt: null, lastSentKind: null, pending: null, cancelTimer: null };
      this.flows.set(flowId, state);
    }
    return state;
  }

  private offer(state: FlowState, notice: RunNotice): void {
    const now = this.clock.now();
    if (state.lastSentAt === null || now - state.lastSentAt >= this.intervalMs) {
      this.send(state, notice);
      return;
    }
    // Inside the window: the newest outcome waits for its end and stands for the ones before it.
    const folded = state.pending ? state.pending.folded + 1 : 0;
    state.pending = { ...notice, folded };
    state.cancelTimer ??= this.clock.later(() => this.flush(state), state.lastSentAt + this.intervalMs - now);
  }

  private flush(state: FlowState): void {
    state.cancelTimer = null;
    const pending = state.pending;
    state.pending = null;
    if (!pending || !this.options.enabled()) return;
    // "Recovered" only makes sense after a "failed" the user saw.
    if (pending.kind === 'recovered' && state.lastSentKind !== 'failed') return;
    this.send(state, pending);
  }

  private send(state: FlowState, notice: RunNotice): void {
    this.clearPending(state);
    state.lastSentAt = this.clock.now();
    state.lastSentKind = notice.kind;
    this.options.deliver(notice);
  }

  private clearPending(state: FlowState): void {
    state.cancelTimer?.();
    state.cancelTimer = null;
    state.pending = null;
  }
}
