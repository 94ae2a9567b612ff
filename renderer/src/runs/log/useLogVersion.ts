import { useEffect, useState } from 'react';
import { useRunLogStore } from '../../stores/run-log-store';

/** How often at most the log panel takes in new rows (ten times a second reads as live). */
export const LOG_REFRESH_MS = 100;

/**
 * The version of a run's log buffer, updated at most every `LOG_REFRESH_MS`: events may arrive
 * hundreds of times a second, and re-rendering the panel (and re-measuring 100k rows) for each
 * batch would cost more than it shows.
 */
export function useLogVersion(runId: string | null): number {
  const [version, setVersion] = useState(0);
  useEffect(() => {
    if (!runId) return;
    let timer: ReturnType<typeof setTimeout> | null = null;
    let lastAt = 0;
    let taken = -1;
    const read = () => useRunLogStore.getState().logs[runId]?.version ?? 0;
    const take = () => {
      timer = null;
      lastAt = Date.now();
      taken = read();
      setVersion(taken);
    };
    take();
    const unsubscribe = useRunLogStore.subscribe(() => {
      if (timer || read() === taken) return;
      timer = setTimeout(take, Math.max(0, lastAt + LOG_REFRESH_MS - Date.now()));
    });
    return () => {
      unsubscribe();
      if (timer) clearTimeout(timer);
    };
  }, [runId]);
  return version;
}
