import { create } from 'zustand';
import type { EditorSample } from '../../../shared/api/calls/editor';
import type { FlowDocument } from '../../../shared/flow/flow-document';
import { api } from '../api/api';
import { failureOf, type Failure } from '../api/failure-text';

export interface SampleEntry {
  /** What the sample was taken under (`upstreamKey`): another key means it is stale. */
  key: string;
  status: 'loading' | 'ready' | 'error';
  sample: EditorSample | null;
  error: Failure | null;
}

interface SampleState {
  /** By node id: the record arriving at that node. */
  samples: Record<string, SampleEntry>;
  /** Fetches a node's sample (again); `key` is its `upstreamKey`, `from` as `editor.sample`. */
  fetch(
    flow: FlowDocument,
    nodeId: string,
    key: string,
    from?: 'auto' | 'connection' | 'lastRun',
  ): Promise<void>;
  /** Forgets every sample (another flow was opened). */
  clear(): void;
}

/** Real sample records per node, fetched through `editor.sample` and kept while the flow is open. */
export const useFlowSampleStore = create<SampleState>()((set, get) => ({
  samples: {},
  async fetch(flow, nodeId, key, from = 'auto') {
    const previous = get().samples[nodeId];
    const keep = previous?.key === key ? previous.sample : null;
    const put = (entry: SampleEntry) => {
      // A newer request for this node (under another key) wins over a late answer.
      if (get().samples[nodeId]?.key !== key) return;
      set({ samples: { ...get().samples, [nodeId]: entry } });
    };
    set({ samples: { ...get().samples, [nodeId]: { key, status: 'loading', sample: keep, error: null } } });
    try {
      const sample = await api().editor.sample({ flow, nodeId, from });
      put({ key, status: 'ready', sample, error: null });
    } catch (error) {
      put({
        key,
        status: 'error',
        sample: keep,
        error: failureOf(error),
      });
    }
  },
  clear() {
    set({ samples: {} });
  },
}));
