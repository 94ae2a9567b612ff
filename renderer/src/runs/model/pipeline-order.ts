import type { FlowDocument } from '../../../../shared/flow/flow-document';
import { topologicalOrder } from '../../../../shared/flow/graph';

/**
 * The nodes of a run in the order its records pass through them (the flow's edges, not the order
 * the nodes were added in), then nodes of a cycle in the flow's own order, then nodes the run
 * counted that the flow no longer has.
 */
export function pipelineOrder(
  flow: Pick<FlowDocument, 'nodes' | 'edges'> | null | undefined,
  counted: Iterable<string>,
): string[] {
  const order = flow ? topologicalOrder(flow) : [];
  const seen = new Set(order);
  for (const nodeId of [...(flow?.nodes.map((node) => node.id) ?? []), ...counted]) {
    if (!seen.has(nodeId)) {
      seen.add(nodeId);
      order.push(nodeId);
    }
  }
  return order;
}
