import { create } from 'zustand';
import type { ConnectionView } from '../../../shared/api/calls/connections';
import { api } from '../api/api';
import { failureOf, type Failure } from '../api/failure-text';

interface ConnectionsState {
  connections: ConnectionView[];
  status: 'idle' | 'loading' | 'ready' | 'error';
  error: Failure | null;
  /** Loads the list once (again with `force`). */
  load(force?: boolean): Promise<void>;
}

/** The connections the node inspector offers (never secrets: only names, kinds and status). */
export const useFlowConnectionsStore = create<ConnectionsState>()((set, get) => ({
  connections: [],
  status: 'idle',
  error: null,
  async load(force = false) {
    if (!force && (get().status === 'loading' || get().status === 'ready')) return;
    set({ status: 'loading' });
    try {
      const { connections } = await api().connections.list({});
      set({ connections, status: 'ready', error: null });
    } catch (error) {
      set({ status: 'error', error: failureOf(error) });
    }
  },
}));
