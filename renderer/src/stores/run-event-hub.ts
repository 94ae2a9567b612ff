import type { RunEventBatch } from '../../../shared/flow/run-events';
import { apiClient } from '../api/api';
import { useRunLiveStore } from './run-live-store';
import { useRunLogStore } from './run-log-store';

export interface RunEventHubDeps {
  /** Listens to the `runs.events` stream. */
  subscribe(listener: (batch: RunEventBatch) => void): () => void;
  /** Where batches go, all at once per flush. */
  sinks: readonly ((batches: readonly RunEventBatch[]) => void)[];
  /** Schedules one flush (next animation frame in the app; tests flush by hand). */
  schedule(flush: () => void): void;
  /** Runs still `running` but silent this long are re-read (a reconnect may have lost their end). */
  silentMs?: number;
  /** Every `silentMs`, asks the stores to re-read silent runs; tests call it by hand. */
  every?(fn: () => void, ms: number): () => void;
  reread?(silentRunIds: string[]): void;
  runningRunIds?(): string[];
  now?(): number;
}

export interface RunEventHub {
  /** Delivers what is queued now. */
  flush(): void;
  stop(): void;
}

/**
 * The one subscriber to `runs.events`. Batches are queued and handed to the stores together (at
 * most ten times a second in the app), so a burst of small batches costs one store update and one
 * render.
 */
export function createRunEventHub(deps: RunEventHubDeps): RunEventHub {
  let queue: RunEventBatch[] = [];
  let scheduled = false;
  const now = deps.now ?? Date.now;
  const lastHeard = new Map<string, number>();

  const flush = () => {
    scheduled = false;
    if (queue.length === 0) return;
    const batches = queue;
    queue = [];
    for (const sink of deps.sinks) sink(batches);
  };

  const off = deps.subscribe((batch) => {
    lastHeard.set(batch.runId, now());
    if (batch.events.some((event) => event.type === 'runFinished')) lastHeard.delete(batch.runId);
    queue.push(batch);
    if (!scheduled) {
      scheduled = true;
      deps.schedule(flush);
    }
  });

  const silentMs = deps.silentMs ?? 5000;
  const stopTimer = deps.every?.(() => {
    const running = deps.runningRunIds?.() ?? [];
    const silent = running.filter((runId) => now() - (lastHeard.get(runId) ?? 0) >= silentMs);
    for (const runId of silent) lastHeard.set(runId, now());
    if (silent.length > 0) deps.reread?.(silent);
  }, silentMs);

  return {
    flush,
    stop() {
      off();
      stopTimer?.();
    },
  };
}

/** At most this often the stores take in new events: ten updates a second read as live. */
export const FLUSH_MS = 100;
let lastFlush = 0;

/**
 * The next frame once `FLUSH_MS` passed since the last flush (a burst of batches costs one store
 * update and one render); a timer while hidden (rAF pauses there).
 */
function throttledFrame(fn: () => void): void {
  const run = () => {
    lastFlush = performance.now();
    fn();
  };
  const wait = Math.max(0, lastFlush + FLUSH_MS - performance.now());
  if (document.visibilityState !== 'visible') setTimeout(run, Math.max(wait, 250));
  else if (wait === 0) requestAnimationFrame(run);
  else setTimeout(() => requestAnimationFrame(run), wait);
}

/** Starts the app's hub: `runs.events` → run-live-store and run-log-store. Returns stop. */
export function startRunEventHub(): () => void {
  const hub = createRunEventHub({
    subscribe: (listener) => apiClient().on('runs.events', listener),
    sinks: [
      (batches) => useRunLiveStore.getState().applyBatches(batches),
      (batches) => useRunLogStore.getState().applyBatches(batches),
    ],
    schedule: throttledFrame,
    every: (fn, ms) => {
      const timer = setInterval(fn, ms);
      return () => clearInterval(timer);
    },
    runningRunIds: () =>
      Object.values(useRunLiveStore.getState().runs)
        .filter((run) => run.status === 'running')
        .map((run) => run.id),
    reread: (runIds) => {
      for (const runId of runIds) {
        void useRunLiveStore.getState().load(runId);
        if (useRunLogStore.getState().logs[runId]) void useRunLogStore.getState().catchUp(runId);
      }
    },
  });
  return hub.stop;
}
