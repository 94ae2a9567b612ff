import { useEffect, useRef } from 'react';
import { apiClient } from './api';

/**
 * Calls `reload` when flows are saved or deleted anywhere (this window, another one, `koppel` on
 * the same data folder); a burst of changes (an import of several, a schedule switched on and off)
 * is read once.
 */
export function useFlowsChanged(reload: () => void, delayMs = 150): void {
  const latest = useRef(reload);
  latest.current = reload;
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const off = apiClient().on('flows.changed', () => {
      clearTimeout(timer);
      timer = setTimeout(() => latest.current(), delayMs);
    });
    return () => {
      off();
      clearTimeout(timer);
    };
  }, [delayMs]);
}
