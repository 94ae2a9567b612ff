import { useEffect, useState } from 'react';
import type { HostStatus } from '../../../shared/api/client';
import { apiClient } from '../api/api';

/**
 * Whether the web host answers (the desktop app's main process always does), and `generation`,
 * counted up each time it is reached again after it was lost: screens keyed by it load afresh,
 * since what they showed (or the error they met) dates from before.
 */
export function useHostStatus(): { status: HostStatus; generation: number } {
  const [state, setState] = useState<{ status: HostStatus; generation: number }>({
    status: 'connected',
    generation: 0,
  });
  useEffect(
    () =>
      apiClient().onHostStatus((status) =>
        setState((previous) => ({
          status,
          generation:
            status === 'connected' && previous.status !== 'connected'
              ? previous.generation + 1
              : previous.generation,
        })),
      ),
    [],
  );
  return state;
}
