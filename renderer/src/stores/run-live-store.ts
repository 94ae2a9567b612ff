import { create, type StoreApi, type UseBoundStore } from 'zustand';
import type { FlowDocument } from '../../../shared/flow/flow-document';
import type { RunEvent, RunEventBatch } from '../../../shared/flow/run-events';
import type { ItemStatus, RunSummary } from '../../../shared/flow/run-records';
import { failureOf, type Failure } from '../api/failure-text';
import { liveRunsApi, type RunsApi } from '../runs/api/runs-api';
import {
  applyRetryOutcome,
  applyRunEvents,
  liveRunFromStart,
  liveRunFromSummary,
  type LiveRun,
  type NodeCounts,
} from '../runs/model/live-run';

/** The latest news about a record that a retry run is working on (keyed by the original item id). */
export interface ItemActivity {
  runId: string;
  itemId: number;
  status: ItemStatus;
  at: string;
}

/** What became of a run's failures since it ran: the runs that retried it and what still fails. */
export interface RunRetries {
  /** Oldest first. */
  runIds: string[];
  /** Its records failed now, by the node they failed at. */
  failedByNode: Record<string, number>;
  /** Of those, the records a cancel stopped. */
  stoppedByNode: Record<string, number>;
}

export interface RunLiveState {
  /** Every run this window knows, kept current by `runs.events`. */
  runs: Record<string, LiveRun>;
  /** The newest run of each flow seen (for the editor's canvas badges and log panel). */
  latestByFlow: Record<string, string>;
  /** Bumped whenever records of a run changed state (records tables refetch their page). */
  itemsVersion: Record<string, number>;
  /** Records being retried: the original item id → what its retry is doing. */
  retryActivity: Record<number, ItemActivity>;
  /** Ids of runs that started while this window listened, newest last (the history list prepends them). */
  startedRuns: string[];
  /** The flow document each loaded run ran (node names for the log; null when not stored). */
  flows: Record<string, FlowDocument | null>;
  /** Each loaded run's retries (reloaded when one of them finishes). */
  retries: Record<string, RunRetries>;
  /** Why a run could not be loaded (not found, no connection). */
  errors: Record<string, Failure>;
  /** Bumped whenever a run finishes (the dashboard reads its figures again). */
  finishedVersion: number;

  applyBatches(batches: readonly RunEventBatch[]): void;
  upsert(summaries: readonly RunSummary[]): void;
  /** Loads (or reloads) one run's summary. */
  load(runId: string): Promise<LiveRun | undefined>;
  /** Loads the newest run of a flow with its counts per node (the canvas shows them). */
  loadLatestOfFlow(flowId: string): Promise<LiveRun | undefined>;
  /** Reads the counts per node of a run that finished before this window listened. */
  loadNodeCounts(runId: string): Promise<void>;
}

export interface RunLiveDeps {
  runs: () => RunsApi;
}

/** Retry-run items → the original item they retry; kept outside React state (no renders needed). */
interface RetryIndex {
  parentOfRun: Map<string, string>;
  originalOf: Map<number, number>;
}

/** What `runs.get` tells besides the summary: the flow as it ran, and the run's retries. */
function flowAndRetries(
  state: Pick<RunLiveState, 'flows' | 'retries'>,
  runId: string,
  answer: Awaited<ReturnType<RunsApi['get']>>,
): Pick<RunLiveState, 'flows' | 'retries'> {
  return {
    flows: { ...state.flows, [runId]: answer.flow },
    retries: {
      ...state.retries,
      [runId]: {
        runIds: answer.retries,
        failedByNode: answer.failedByNode,
        stoppedByNode: answer.stoppedByNode,
      },
    },
  };
}

function withoutRun<T>(byRun: Record<string, T>, runId: string): Record<string, T> {
  return Object.fromEntries(Object.entries(byRun).filter(([id]) => id !== runId));
}

function bump(versions: Record<string, number>, runId: string): Record<string, number> {
  return { ...versions, [runId]: (versions[runId] ?? 0) + 1 };
}

/**
 * Counts per node of a run loaded after it began: the last `nodeProgress` of each node, and the
 * last wait it told of (a running run may be in it). Reads the stored log backwards in windows
 * until every node of the flow was found. The engine reports every node's final counts just before
 * `runFinished`, so the last window nearly always has them all; three windows bound the reading for
 * nodes that never report (triggers).
 */
async function nodeCountsOf(
  runs: RunsApi,
  run: RunSummary,
  nodeIds: readonly string[],
): Promise<{ counts: Record<string, NodeCounts>; wait: LiveRun['wait'] }> {
  const counts: Record<string, NodeCounts> = {};
  let wait: LiveRun['wait'];
  const window = 1000;
  let end = run.lastSeq;
  for (let round = 0; end > 0 && round < 3; round++) {
    const afterSeq = Math.max(0, end - window);
    const page = await runs.events({ runId: run.id, afterSeq, limit: window });
    const found: Record<string, NodeCounts> = {};
    let foundWait: LiveRun['wait'];
    for (const event of page.events) {
      if (event.seq > end) continue;
      if (event.type === 'log' && event.until)
        foundWait = { until: event.until, message: event.message, text: event.text };
      if (event.type !== 'nodeProgress') continue;
      const { received, passed, skipped, failed } = event;
      found[event.nodeId] = { received, passed, skipped, failed };
    }
    // Windows read later ones first: what they found is newer.
    for (const [nodeId, value] of Object.entries(found)) counts[nodeId] ??= value;
    wait ??= foundWait;
    if (nodeIds.every((nodeId) => counts[nodeId])) break;
    end = afterSeq;
  }
  return { counts, wait };
}

export function createRunLiveStore(deps: RunLiveDeps): UseBoundStore<StoreApi<RunLiveState>> {
  const index: RetryIndex = { parentOfRun: new Map(), originalOf: new Map() };

  return create<RunLiveState>()((set, get) => {
    const noteRetry = (event: RunEvent, activity: Record<number, ItemActivity>) => {
      const parentRunId = index.parentOfRun.get(event.runId);
      if (!parentRunId || !('itemId' in event)) return null;
      if (event.type === 'itemStarted' && event.retryOf !== null)
        index.originalOf.set(event.itemId, event.retryOf);
      const original = index.originalOf.get(event.itemId);
      if (original === undefined) return null;
      const status: ItemStatus | null =
        event.type === 'itemStarted' || event.type === 'itemRetrying'
          ? 'running'
          : event.type === 'itemSucceeded'
            ? 'succeeded'
            : event.type === 'itemSkipped'
              ? 'skipped'
              : event.type === 'itemFailed'
                ? 'failed'
                : null;
      if (status === null) return null;
      activity[original] = { runId: event.runId, itemId: event.itemId, status, at: event.at };
      return { parentRunId, status };
    };

    return {
      runs: {},
      latestByFlow: {},
      itemsVersion: {},
      retryActivity: {},
      startedRuns: [],
      flows: {},
      retries: {},
      errors: {},
      finishedVersion: 0,

      applyBatches(batches) {
        if (batches.length === 0) return;
        const state = get();
        const runs = { ...state.runs };
        let latestByFlow = state.latestByFlow;
        let itemsVersion = state.itemsVersion;
        const retryActivity = { ...state.retryActivity };
        const startedRuns = [...state.startedRuns];
        let retries = state.retries;
        const stale = new Set<string>();
        let finished = 0;
        for (const { runId, events } of batches) {
          const start = events.find((event) => event.type === 'runStarted');
          if (start?.type === 'runStarted') {
            if (start.parentRunId) index.parentOfRun.set(runId, start.parentRunId);
            if (!runs[runId]) {
              runs[runId] = liveRunFromStart(start);
              startedRuns.push(runId);
            }
            latestByFlow = { ...latestByFlow, [start.flowId]: runId };
          }
          const current = runs[runId];
          if (current) {
            const first = events.find((event) => event.seq > current.lastSeq);
            // A lost batch (reconnect): the stored summary has the right counts; reload it.
            if (first && first.seq > current.lastSeq + 1) stale.add(runId);
            runs[runId] = applyRunEvents(current, events);
          } else {
            stale.add(runId);
          }
          let itemsChanged = false;
          for (const event of events) {
            if ('itemId' in event) itemsChanged = true;
            const retried = noteRetry(event, retryActivity);
            const parent = retried ? runs[retried.parentRunId] : undefined;
            if (retried && parent && (retried.status === 'succeeded' || retried.status === 'skipped')) {
              runs[retried.parentRunId] = applyRetryOutcome(parent, retried.status);
              itemsVersion = bump(itemsVersion, retried.parentRunId);
            }
            if (event.type === 'runFinished') finished++;
            if (event.type === 'runFinished' && index.parentOfRun.has(runId)) {
              stale.add(index.parentOfRun.get(runId) ?? '');
            }
            // What fails now was read while the run went: until read again it would show the
            // failures the run just had as fixed.
            if (event.type === 'runFinished' && retries[runId]) {
              retries = withoutRun(retries, runId);
              stale.add(runId);
            }
          }
          if (itemsChanged) itemsVersion = bump(itemsVersion, runId);
        }
        set({
          runs,
          latestByFlow,
          itemsVersion,
          retryActivity,
          startedRuns,
          retries,
          finishedVersion: state.finishedVersion + finished,
        });
        for (const runId of stale) if (runId) void get().load(runId);
      },

      upsert(summaries) {
        if (summaries.length === 0) return;
        const runs = { ...get().runs };
        for (const summary of summaries) {
          const known = runs[summary.id];
          // Keep what events already told us when the summary is older.
          if (known && known.lastSeq > summary.lastSeq) continue;
          const fresh = liveRunFromSummary(summary, known?.nodeCounts);
          runs[summary.id] = known?.wait ? { ...fresh, wait: known.wait } : fresh;
        }
        set({ runs });
      },

      async load(runId) {
        try {
          const answer = await deps.runs().get({ runId });
          const { run } = answer;
          get().upsert([run]);
          if (run.parentRunId) index.parentOfRun.set(run.id, run.parentRunId);
          set((state) => ({
            itemsVersion: bump(state.itemsVersion, runId),
            ...flowAndRetries(state, runId, answer),
            errors: withoutRun(state.errors, runId),
          }));
          return get().runs[runId];
        } catch (error) {
          const failure = failureOf(error);
          set((state) => ({ errors: { ...state.errors, [runId]: failure } }));
          return get().runs[runId];
        }
      },

      async loadLatestOfFlow(flowId) {
        const { runs } = await deps.runs().list({ flowId, limit: 1 });
        const latest = runs[0];
        if (!latest) return undefined;
        get().upsert([latest]);
        set((state) =>
          state.latestByFlow[flowId] ? {} : { latestByFlow: { ...state.latestByFlow, [flowId]: latest.id } },
        );
        await get().loadNodeCounts(latest.id);
        return get().runs[latest.id];
      },

      async loadNodeCounts(runId) {
        const answer = await deps.runs().get({ runId });
        const { run, flow } = answer;
        get().upsert([run]);
        set((state) => flowAndRetries(state, runId, answer));
        const nodeIds = flow?.nodes.map((node) => node.id) ?? [];
        const { counts: nodeCounts, wait } = await nodeCountsOf(deps.runs(), run, nodeIds);
        set((state) => {
          const known = state.runs[runId];
          if (!known) return {};
          // Live progress (and a wait) that arrived meanwhile wins over what was read.
          return {
            runs: {
              ...state.runs,
              [runId]: {
                ...known,
                nodeCounts: { ...nodeCounts, ...known.nodeCounts },
                ...((known.wait ?? wait) ? { wait: known.wait ?? wait } : {}),
              },
            },
          };
        });
      },
    };
  });
}

/** The app's run store; the one `runs.events` subscriber (run-event-hub) feeds it. */
export const useRunLiveStore = createRunLiveStore({ runs: liveRunsApi });

/**
 * Counts per node of a flow's newest run, for the canvas badges: `useRunLiveStore(selectFlowNodeCounts(id))`.
 * Call `useRunLiveStore.getState().loadLatestOfFlow(id)` once when a flow opens to fill it for a finished run.
 */
export function selectFlowNodeCounts(flowId: string) {
  return (state: RunLiveState): Record<string, NodeCounts> | undefined => {
    const runId = state.latestByFlow[flowId];
    return runId ? state.runs[runId]?.nodeCounts : undefined;
  };
}
