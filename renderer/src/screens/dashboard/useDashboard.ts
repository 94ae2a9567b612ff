import { useCallback, useEffect, useState } from 'react';
import type { FlowSummary } from '../../../../shared/api/calls/flows';
import type { RunStats, WaitingRecordView } from '../../../../shared/api/calls/runs';
import type { RunSummary } from '../../../../shared/flow/run-records';
import { healthRun } from '../../runs/model/dashboard-model';
import { api } from '../../api/api';
import { useFlowsChanged } from '../../api/useFlowsChanged';
import { failureOf, type Failure } from '../../api/failure-text';
import { useRunLiveStore } from '../../stores/run-live-store';

export const DASHBOARD_DAYS = 30;

export interface DashboardData {
  flows: FlowSummary[];
  overall: RunStats;
  perFlow: Record<string, RunStats>;
  /** Per flow, the run its health is judged by (its newest run that was not a retry). */
  healthRuns: Record<string, RunSummary | null>;
  /** Records the next runs offer again (waiting for a product, an order). */
  waiting: { records: WaitingRecordView[]; waitingDays: number };
}

/** Flows, their last and next runs, and 30 days of figures; read again shortly after any run finishes. */
export function useDashboard() {
  const [data, setData] = useState<DashboardData | null>(null);
  const [error, setError] = useState<Failure | null>(null);
  const finishedVersion = useRunLiveStore((state) => state.finishedVersion);

  const load = useCallback(async () => {
    try {
      const [{ flows }, overall, waiting] = await Promise.all([
        api().flows.list({}),
        api().runs.stats({ days: DASHBOARD_DAYS }),
        api().runs.waiting({}),
      ]);
      const [stats, recent] = await Promise.all([
        Promise.all(flows.map((flow) => api().runs.stats({ flowId: flow.id, days: DASHBOARD_DAYS }))),
        Promise.all(flows.map((flow) => api().runs.list({ flowId: flow.id, limit: 10 }))),
      ]);
      setData({
        flows,
        overall,
        perFlow: Object.fromEntries(flows.map((flow, index) => [flow.id, stats[index] ?? overall])),
        healthRuns: Object.fromEntries(
          flows.map((flow, index) => [flow.id, healthRun(recent[index]?.runs ?? [])]),
        ),
        waiting,
      });
      setError(null);
    } catch (reason) {
      setError(failureOf(reason));
    }
  }, []);

  useEffect(() => {
    // A burst of finishing runs (a retry, a schedule) is read once.
    const timer = setTimeout(() => void load(), finishedVersion === 0 ? 0 : 400);
    return () => clearTimeout(timer);
  }, [finishedVersion, load]);

  // A flow saved, renamed, paused or deleted elsewhere shows here without a run.
  useFlowsChanged(() => void load());

  return { data, error, reload: load };
}
