import { useCallback, useEffect, useRef, useState } from 'react';
import type { ItemStatus, RunItemSummary } from '../../../../shared/flow/run-records';
import { failureOf, type Failure } from '../../api/failure-text';
import { useRunLiveStore } from '../../stores/run-live-store';
import { liveRunsApi } from '../api/runs-api';

export const RECORD_PAGE = 200;

export interface RecordPages {
  total: number | null;
  /** The record at a row, undefined while its page loads. */
  at(index: number): RunItemSummary | undefined;
  /** Asks for the pages that hold these rows. */
  ensure(first: number, last: number): void;
  /** Why the last page could not be read (worded where it is shown). */
  error: Failure | null;
}

/**
 * A run's records, read a page at a time as the table scrolls. When records of the run change
 * (live events, a retry), the pages on screen are read again, at most twice a second.
 */
export function useRecordPages(runId: string, status: ItemStatus | null): RecordPages {
  const [pages, setPages] = useState<Map<number, RunItemSummary[]>>(() => new Map());
  const [total, setTotal] = useState<number | null>(null);
  const [error, setError] = useState<Failure | null>(null);
  const loading = useRef(new Set<number>());
  const again = useRef(new Set<number>());
  const visible = useRef<[number, number]>([0, 0]);
  const generation = useRef(0);
  /** The run and filter these pages are for, and (in the ref) those of the pages on screen. */
  const queryKey = `${runId}\n${status ?? ''}`;
  const query = useRef(queryKey);
  const itemsVersion = useRunLiveStore((state) => state.itemsVersion[runId] ?? 0);

  const load = useCallback(
    async (page: number) => {
      // A load made for an earlier run or filter (a refresh timer set before the filter changed)
      // would run under the new generation: its answer must not land in the new list.
      if (query.current !== queryKey) return;
      // A page being read is read once more afterwards, so the last change is never missed.
      if (loading.current.has(page)) {
        again.current.add(page);
        return;
      }
      loading.current.add(page);
      const ticket = generation.current;
      try {
        const result = await liveRunsApi().items({
          runId,
          ...(status ? { status } : {}),
          limit: RECORD_PAGE,
          offset: page * RECORD_PAGE,
        });
        if (ticket !== generation.current) return;
        setTotal(result.total);
        setPages((current) => new Map(current).set(page, result.items));
        setError(null);
      } catch (reason) {
        if (ticket === generation.current) setError(failureOf(reason));
      } finally {
        loading.current.delete(page);
        if (again.current.delete(page) && ticket === generation.current) void load(page);
      }
    },
    [runId, status, queryKey],
  );

  // The timer below may fire after the filter changed: it reads the pages of the filter on screen.
  const latestLoad = useRef(load);
  latestLoad.current = load;

  // A new run or filter starts over.
  useEffect(() => {
    generation.current++;
    query.current = queryKey;
    loading.current.clear();
    again.current.clear();
    setPages(new Map());
    setTotal(null);
    void load(0);
  }, [load, queryKey]);

  // Records changed: re-read the pages on screen, at most every 500 ms while changes keep coming.
  const refreshTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const lastRefresh = useRef(0);
  useEffect(() => {
    if (itemsVersion === 0 || refreshTimer.current) return;
    const wait = Math.max(0, lastRefresh.current + 500 - Date.now());
    refreshTimer.current = setTimeout(() => {
      refreshTimer.current = null;
      lastRefresh.current = Date.now();
      const [first, last] = visible.current;
      for (let page = Math.floor(first / RECORD_PAGE); page <= Math.floor(last / RECORD_PAGE); page++)
        void latestLoad.current(page);
    }, wait);
  }, [itemsVersion]);
  useEffect(
    () => () => {
      if (refreshTimer.current) clearTimeout(refreshTimer.current);
    },
    [],
  );

  const ensure = useCallback(
    (first: number, last: number) => {
      visible.current = [first, last];
      for (let page = Math.floor(first / RECORD_PAGE); page <= Math.floor(last / RECORD_PAGE); page++) {
        if (!pages.has(page)) void load(page);
      }
    },
    [load, pages],
  );

  const at = useCallback(
    (index: number) => pages.get(Math.floor(index / RECORD_PAGE))?.[index % RECORD_PAGE],
    [pages],
  );

  return { total, at, ensure, error };
}
