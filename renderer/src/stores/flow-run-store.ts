import { create } from 'zustand';
import type { FlowDocument } from '../../../shared/flow/flow-document';
import type { RunItemSummary, RunSummary } from '../../../shared/flow/run-records';
import { api } from '../api/api';
import { failureOf, type Failure } from '../api/failure-text';
import type { NodeRunCounts } from '../editor/model/node-status';
import { nodeCountsFrom } from '../editor/try/run-progress';
import { warningsIn, type RunWarning } from '../../../shared/flow/run-warnings';
import { useRunLiveStore } from './run-live-store';

const POLL_MS = 400;
/** A dry run from the editor looks at this many records at most: enough to see what would happen. */
export const DRY_RUN_LIMIT = 100;

interface FlowRunState {
  /** The run the editor follows: the last one of the open flow, or one just started. */
  run: RunSummary | null;
  /** Per node, from the run's `nodeProgress` events. */
  nodeCounts: Record<string, NodeRunCounts>;
  /** Per node, of its failed records, those a cancel stopped (read once the run ended). */
  nodeStopped: Record<string, number>;
  /**
   * Per node, the run's records failing there now, once the run ended and when records of it were
   * retried since (null otherwise): the counts above are as the run went.
   */
  nodeFailedNow: Record<string, number> | null;
  /** The records of a finished dry run (for "what would happen"). */
  dryRunItems: RunItemSummary[] | null;
  /** What a finished dry run warned of (e.g. a tax rule that changes the VAT). */
  dryRunWarnings: RunWarning[];
  starting: boolean;
  error: Failure | null;
  /** Starts a run of a saved flow, or a dry run of the flow as edited, and follows it. */
  start(options: { flowId: string } | { flow: FlowDocument; dryRun: true }): Promise<void>;
  /** Shows the flow's newest run (with its counts) when the editor opens; a retry's, the run it retried. */
  loadLast(flowId: string): Promise<void>;
  /** Stops following (the editor closed). */
  reset(): void;
}

let following = 0;
/** Stops listening to the app's runs for the flow the editor shows. */
let unwatch: (() => void) | undefined;

/** The state with no run followed (a new start keeps the run shown until its own is read). */
const NOTHING_FOLLOWED = {
  run: null,
  nodeCounts: {},
  nodeStopped: {},
  nodeFailedNow: null,
  dryRunItems: null,
  dryRunWarnings: [],
  starting: false,
  error: null,
} satisfies Partial<FlowRunState>;

/** Runs as the editor sees them: started from the toolbar, counts on the canvas, dry-run results. */
export const useFlowRunStore = create<FlowRunState>()((set, get) => {
  /** Polls the run's stored events until `runFinished`, folding `nodeProgress` into the counts. */
  const follow = async (runId: string) => {
    const ticket = ++following;
    let afterSeq = 0;
    let warnings: RunWarning[] = [];
    for (;;) {
      const page = await api().runs.events({ runId, afterSeq, limit: 5000 });
      if (ticket !== following) return;
      afterSeq = page.lastSeq;
      warnings = warningsIn(page.events, 5, warnings);
      set({ nodeCounts: nodeCountsFrom(page.events, get().nodeCounts) });
      if (page.finished && page.events.length < 5000) break;
      if (page.events.length === 0) await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
    const { run, stoppedByNode, retries, failedByNode } = await api().runs.get({ runId });
    if (ticket !== following) return;
    set({ run, nodeStopped: stoppedByNode, nodeFailedNow: failedNowOf(retries, failedByNode) });
    if (run.dryRun) {
      const { items } = await api().runs.items({ runId, limit: 1000 });
      if (ticket === following) set({ dryRunItems: items, dryRunWarnings: warnings });
    }
  };

  /**
   * Follows a run the editor did not start (the flow's schedule, or another window, started it),
   * shown meanwhile as the app's run store has it.
   */
  const followStarted = async (run: RunSummary) => {
    set({ ...NOTHING_FOLLOWED, run });
    try {
      await follow(run.id);
    } catch (error) {
      set({ error: failureOf(error) });
    }
  };

  /**
   * Keeps the canvas current with what the app hears of the flow's runs (run-live-store) while
   * the editor is open: a new run of the flow (its schedule, another window) is followed, and a
   * retry of the run shown, made on the runs screen, updates what fails now.
   */
  const watch = (flowId: string) => {
    unwatch?.();
    unwatch = useRunLiveStore.subscribe((live, before) => {
      const { run: shown, starting } = get();
      const latest = live.latestByFlow[flowId];
      const started = latest && latest !== before.latestByFlow[flowId] ? live.runs[latest] : undefined;
      // A retry carries only its records (the canvas shows the run it retried); a dry run shown
      // (its results open below) is not replaced under the reader.
      if (started && started.id !== shown?.id && !started.dryRun && started.parentRunId === null) {
        if (!starting && !shown?.dryRun) void followStarted(started);
        return;
      }
      const retries = shown ? live.retries[shown.id] : undefined;
      if (shown && shown.status !== 'running' && retries && retries !== before.retries[shown.id]) {
        set({
          nodeStopped: retries.stoppedByNode,
          nodeFailedNow: failedNowOf(retries.runIds, retries.failedByNode),
        });
      }
    });
  };

  return {
    ...NOTHING_FOLLOWED,

    async start(options) {
      set({ ...NOTHING_FOLLOWED, run: get().run, starting: true });
      watch('flowId' in options ? options.flowId : options.flow.id);
      try {
        const { runId } = await api().runs.start(
          'flowId' in options
            ? { flowId: options.flowId }
            : { flow: options.flow, dryRun: true, limit: DRY_RUN_LIMIT },
        );
        const { run } = await api().runs.get({ runId });
        set({ run, starting: false });
        await follow(runId);
      } catch (error) {
        set({ starting: false, error: failureOf(error) });
      }
    },

    async loadLast(flowId) {
      following++;
      set(NOTHING_FOLLOWED);
      watch(flowId);
      try {
        const { runs } = await api().runs.list({ flowId, limit: 20 });
        // A retry run carries only the records it retried: the canvas shows the run it retried,
        // whose failures then say what became of them (nodeFailedNow).
        const last = runs.find((run) => run.parentRunId === null) ?? runs[0];
        if (!last) return;
        set({ run: last });
        await follow(last.id);
      } catch (error) {
        set({ error: failureOf(error) });
      }
    },

    reset() {
      following++;
      unwatch?.();
      unwatch = undefined;
      set(NOTHING_FOLLOWED);
    },
  };
});

/** What a finished run's records fail at now, per node: null while none of them was retried. */
function failedNowOf(
  retryRunIds: readonly string[],
  failedByNode: Record<string, number>,
): Record<string, number> | null {
  return retryRunIds.length > 0 ? failedByNode : null;
}
