import { useCallback, useEffect } from 'react';
import { useFlowEditorStore } from '../stores/flow-editor-store';
import { useFlowSampleStore, type SampleEntry } from '../stores/flow-sample-store';
import { upstreamKey } from './model/record-schemas';

/**
 * A node's sample record: fetched when first needed and again when the way to the node changes
 * (e.g. it was not connected yet); `refetch` reads a fresh one on request.
 */
export function useNodeSample(nodeId: string): {
  entry: SampleEntry | undefined;
  refetch(from: 'auto' | 'connection' | 'lastRun'): void;
} {
  const key = useFlowEditorStore((state) => upstreamKey(nodeId, state));
  const entry = useFlowSampleStore((state) => state.samples[nodeId]);
  const fetchSample = useFlowSampleStore((state) => state.fetch);
  const refetch = useCallback(
    (from: 'auto' | 'connection' | 'lastRun') => {
      const flow = useFlowEditorStore.getState().document();
      if (flow) void fetchSample(flow, nodeId, key, from);
    },
    [fetchSample, nodeId, key],
  );
  const stale = !entry || entry.key !== key;
  useEffect(() => {
    if (stale) refetch('auto');
  }, [stale, refetch]);
  return { entry: entry?.key === key ? entry : undefined, refetch };
}
