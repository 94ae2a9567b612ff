import { create, type StoreApi, type UseBoundStore } from 'zustand';
import type { RunEventBatch } from '../../../shared/flow/run-events';
import { failureOf, type Failure } from '../api/failure-text';
import { liveRunsApi, type RunsApi } from '../runs/api/runs-api';
import { loadInOrder } from '../runs/model/in-order';
import { RunLogBuffer } from '../runs/model/run-log-buffer';

/** Events read per `runs.events` call while catching up (the call allows up to 5,000). */
export const CATCH_UP_PAGE = 5000;
const FIRST_PAGE = 500;

export interface RunLogEntry {
  buffer: RunLogBuffer;
  /** The buffer's version when the store last changed (components re-render on it). */
  version: number;
  /** Stored events are still being read (a finished run with a long log, or after a gap). */
  loading: boolean;
  error: Failure | null;
}

export interface RunLogState {
  logs: Record<string, RunLogEntry>;
  /**
   * Keeps a run's log in memory while someone shows it: reads its stored events, then follows the
   * live batches. Returns the function that lets go (the log is dropped a little later).
   */
  watch(runId: string): () => void;
  applyBatches(batches: readonly RunEventBatch[]): void;
  /** Reads stored events after the buffer's last one until the log is complete. */
  catchUp(runId: string): Promise<void>;
}

export interface RunLogDeps {
  runs: () => RunsApi;
  /** How long an unwatched log stays (a screen switching back finds it without reading again). */
  keepMs?: number;
}

export function createRunLogStore(deps: RunLogDeps): UseBoundStore<StoreApi<RunLogState>> {
  const watchers = new Map<string, number>();
  const dropTimers = new Map<string, ReturnType<typeof setTimeout>>();
  const catchingUp = new Map<string, Promise<void>>();

  return create<RunLogState>()((set, get) => {
    const update = (runId: string, patch: Partial<RunLogEntry>) =>
      set((state) => {
        const entry = state.logs[runId];
        if (!entry) return {};
        return { logs: { ...state.logs, [runId]: { ...entry, ...patch, version: entry.buffer.version } } };
      });

    const readStored = async (runId: string): Promise<void> => {
      update(runId, { loading: true, error: null });
      try {
        const entry = get().logs[runId];
        if (!entry) return;
        const { buffer } = entry;
        const read = (afterSeq: number, limit = CATCH_UP_PAGE) =>
          deps.runs().events({ runId, afterSeq, limit });
        // A small first page: the first rows show at once, and it tells how long the log is.
        const first = await read(buffer.lastSeq, FIRST_PAGE);
        buffer.append(first.events);
        update(runId, {});
        if (first.events.length === FIRST_PAGE) {
          // Sequence numbers have no gaps: the other pages of a long log are read a few at a time.
          const starts: number[] = [];
          for (let after = buffer.lastSeq; after < first.lastSeq; after += CATCH_UP_PAGE) starts.push(after);
          await loadInOrder(starts, read, (page) => {
            buffer.append(page.events);
            update(runId, {});
          });
          // Then whatever was stored meanwhile (a running run), until a short page.
          for (;;) {
            const page = await read(buffer.lastSeq);
            buffer.append(page.events);
            update(runId, {});
            if (page.events.length < CATCH_UP_PAGE) break;
          }
        }
        update(runId, { loading: false });
      } catch (error) {
        update(runId, { loading: false, error: failureOf(error) });
      }
    };

    return {
      logs: {},

      watch(runId) {
        watchers.set(runId, (watchers.get(runId) ?? 0) + 1);
        const timer = dropTimers.get(runId);
        if (timer) clearTimeout(timer);
        dropTimers.delete(runId);
        if (!get().logs[runId]) {
          const buffer = new RunLogBuffer(runId);
          set((state) => ({
            logs: { ...state.logs, [runId]: { buffer, version: 0, loading: true, error: null } },
          }));
          void get().catchUp(runId);
        }
        let released = false;
        return () => {
          if (released) return;
          released = true;
          const left = (watchers.get(runId) ?? 1) - 1;
          if (left > 0) {
            watchers.set(runId, left);
            return;
          }
          watchers.delete(runId);
          dropTimers.set(
            runId,
            setTimeout(() => {
              dropTimers.delete(runId);
              if (watchers.has(runId)) return;
              set((state) => ({
                logs: Object.fromEntries(Object.entries(state.logs).filter(([id]) => id !== runId)),
              }));
            }, deps.keepMs ?? 30_000),
          );
        };
      },

      applyBatches(batches) {
        const gaps = new Set<string>();
        const changed = new Set<string>();
        const { logs } = get();
        for (const batch of batches) {
          const entry = logs[batch.runId];
          if (!entry) continue;
          const result = entry.buffer.append(batch.events);
          if (result.added > 0) changed.add(batch.runId);
          if (result.missingAfter !== null) gaps.add(batch.runId);
        }
        if (changed.size > 0) {
          set((state) => {
            const next = { ...state.logs };
            for (const runId of changed) {
              const entry = next[runId];
              if (entry) next[runId] = { ...entry, version: entry.buffer.version };
            }
            return { logs: next };
          });
        }
        for (const runId of gaps) void get().catchUp(runId);
      },

      catchUp(runId) {
        // One reader per run at a time; a second request joins the first.
        const running = catchingUp.get(runId);
        if (running) return running;
        const reading = readStored(runId).finally(() => catchingUp.delete(runId));
        catchingUp.set(runId, reading);
        return reading;
      },
    };
  });
}

/** The app's run logs; fed by the one `runs.events` subscriber (run-event-hub). */
export const useRunLogStore = createRunLogStore({ runs: liveRunsApi });
