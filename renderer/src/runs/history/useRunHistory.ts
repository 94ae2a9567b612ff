import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { RunStatus } from '../../../../shared/flow/run-records';
import { failureOf, type Failure } from '../../api/failure-text';
import { useRunLiveStore } from '../../stores/run-live-store';
import { liveRunsApi } from '../api/runs-api';
import { dayStartIso, localDay, nextDayStartIso } from '../model/format';
import type { LiveRun } from '../model/live-run';

export interface HistoryFilters {
  flowId: string | null;
  status: RunStatus | null;
  /** Local days, `YYYY-MM-DD`, inclusive. */
  from: string;
  to: string;
}

export const noFilters: HistoryFilters = { flowId: null, status: null, from: '', to: '' };

const PAGE = 50;

/** Whether a run that just started belongs in the list as filtered. */
function startedRunMatches(run: LiveRun, filters: HistoryFilters): boolean {
  if (filters.flowId && run.flowId !== filters.flowId) return false;
  if (filters.status && run.status !== filters.status) return false;
  const day = localDay(Date.parse(run.startedAt));
  if (filters.from && day < filters.from) return false;
  return !(filters.to && day > filters.to);
}

/** Run history, newest first, a page at a time; runs starting while it is open appear on top. */
export function useRunHistory(filters: HistoryFilters) {
  const [ids, setIds] = useState<string[]>([]);
  const [nextCursor, setNextCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<Failure | null>(null);
  const generation = useRef(0);
  const runs = useRunLiveStore((state) => state.runs);
  const startedRuns = useRunLiveStore((state) => state.startedRuns);
  const [since, setSince] = useState(0);

  const load = useCallback(
    async (cursor: string | null) => {
      const ticket = ++generation.current;
      setLoading(true);
      try {
        const from = filters.from ? dayStartIso(filters.from) : null;
        const to = filters.to ? nextDayStartIso(filters.to) : null;
        const page = await liveRunsApi().list({
          ...(filters.flowId ? { flowId: filters.flowId } : {}),
          ...(filters.status ? { status: filters.status } : {}),
          ...(from ? { from } : {}),
          ...(to ? { to } : {}),
          limit: PAGE,
          ...(cursor ? { cursor } : {}),
        });
        if (ticket !== generation.current) return;
        useRunLiveStore.getState().upsert(page.runs);
        const pageIds = page.runs.map((run) => run.id);
        setIds((current) =>
          cursor ? [...current, ...pageIds.filter((id) => !current.includes(id))] : pageIds,
        );
        setNextCursor(page.nextCursor);
        setError(null);
      } catch (reason) {
        if (ticket === generation.current) setError(failureOf(reason));
      } finally {
        if (ticket === generation.current) setLoading(false);
      }
    },
    [filters],
  );

  useEffect(() => {
    setSince(useRunLiveStore.getState().startedRuns.length);
    void load(null);
  }, [load]);

  // Runs that started after the list was read go on top (newest first).
  const live = useMemo(
    () =>
      startedRuns
        .slice(since)
        .filter((id) => !ids.includes(id))
        .filter((id) => {
          const run = runs[id];
          return run !== undefined && startedRunMatches(run, filters);
        })
        .reverse(),
    [startedRuns, since, ids, runs, filters],
  );

  const rows = [...live, ...ids].flatMap((id) => {
    const run = runs[id];
    return run ? [run] : [];
  });
  return {
    rows,
    loading,
    error,
    hasMore: nextCursor !== null,
    loadMore: () => void load(nextCursor),
    reload: () => void load(null),
  };
}
