import type { FlowDocument, FlowNode } from '../../shared/flow/flow-document';
import type { NodeCategory } from '../../shared/nodes/node-definition';

/** One hop of the way to a node: through `node`, leaving by `port`. */
export interface WalkStep {
  node: FlowNode;
  port: string;
}

/** How records reach a node: from a trigger or source at `start`, through `steps`, into `target`. */
export interface WalkPath {
  start: FlowNode;
  /** The port the start node's records leave by. */
  startPort: string;
  /** The transforms between the start and the node, in order. */
  steps: WalkStep[];
  target: FlowNode;
  /** For a source start: the trigger before it, if any. */
  trigger: FlowNode | null;
}

/**
 * The way records reach `nodeId`: walking back along the first incoming edge of each node until a
 * source (records come from there) or a trigger (the run's start record). Null when the node is
 * not connected to either, or is itself a trigger.
 */
export function walkTo(
  flow: FlowDocument,
  nodeId: string,
  categoryOf: (node: FlowNode) => NodeCategory | undefined,
): WalkPath | null {
  const byId = new Map(flow.nodes.map((node) => [node.id, node] as const));
  const target = byId.get(nodeId);
  if (!target) return null;
  const steps: WalkStep[] = [];
  const seen = new Set([nodeId]);
  let current = target;
  for (;;) {
    const edge = flow.edges.find(
      (candidate) => candidate.target === current.id && byId.has(candidate.source),
    );
    if (!edge || seen.has(edge.source)) return null;
    seen.add(edge.source);
    const upstream = byId.get(edge.source) as FlowNode;
    const category = categoryOf(upstream);
    if (category === 'source' || category === 'trigger') {
      const triggerEdge =
        category === 'source'
          ? flow.edges.find((candidate) => candidate.target === upstream.id && byId.has(candidate.source))
          : undefined;
      const trigger = triggerEdge ? (byId.get(triggerEdge.source) ?? null) : null;
      return { start: upstream, startPort: edge.sourcePort, steps: steps.reverse(), target, trigger };
    }
    steps.push({ node: upstream, port: edge.sourcePort });
    current = upstream;
  }
}
