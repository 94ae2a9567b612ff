import dagre from '@dagrejs/dagre';
import type { EditorEdge, EditorNode } from './editor-types';

/** Size of a node when React Flow has not measured it yet (matches the node's CSS width). */
export const DEFAULT_NODE_SIZE = { width: 232, height: 84 };

export interface LayoutOptions {
  /** Space between ranks (left → right) and between nodes of one rank. */
  rankGap?: number;
  nodeGap?: number;
}

/**
 * Tidies the flow left to right with dagre: triggers on the left, targets on the right, edges
 * crossing as little as possible. Returns the new top-left position of every node.
 */
export function tidyLayout(
  nodes: readonly EditorNode[],
  edges: readonly EditorEdge[],
  options: LayoutOptions = {},
): Map<string, { x: number; y: number }> {
  const graph = new dagre.graphlib.Graph();
  graph.setGraph({ rankdir: 'LR', ranksep: options.rankGap ?? 80, nodesep: options.nodeGap ?? 36 });
  graph.setDefaultEdgeLabel(() => ({}));
  const sizes = new Map<string, { width: number; height: number }>();
  for (const node of nodes) {
    const size = {
      width: node.measured?.width ?? node.width ?? DEFAULT_NODE_SIZE.width,
      height: node.measured?.height ?? node.height ?? DEFAULT_NODE_SIZE.height,
    };
    sizes.set(node.id, size);
    graph.setNode(node.id, size);
  }
  for (const edge of edges) {
    if (sizes.has(edge.source) && sizes.has(edge.target)) graph.setEdge(edge.source, edge.target);
  }
  dagre.layout(graph);
  const positions = new Map<string, { x: number; y: number }>();
  for (const node of nodes) {
    const placed = graph.node(node.id);
    const size = sizes.get(node.id) ?? DEFAULT_NODE_SIZE;
    // dagre gives centres; React Flow wants the top-left corner.
    positions.set(node.id, {
      x: Math.round(placed.x - size.width / 2),
      y: Math.round(placed.y - size.height / 2),
    });
  }
  return positions;
}
