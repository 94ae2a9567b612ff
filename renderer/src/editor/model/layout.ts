import dagre from '@dagrejs/dagre';
import type { EditorEdge, EditorNode } from './editor-types';

/** Size of a node when React Flow has not measured it yet (matches the node's CSS width). */
export const DEFAULT_NODE_SIZE = { width: 208, height: 84 };

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

/**
 * The spot nearest to `wanted` where a new node does not cover an existing one (keyboard and
 * click adds land in the middle of the view, where another node may already be).
 */
export function freeSpot(
  wanted: { x: number; y: number },
  nodes: readonly EditorNode[],
  size: { width: number; height: number } = DEFAULT_NODE_SIZE,
): { x: number; y: number } {
  const gap = 24;
  const overlaps = (x: number, y: number) =>
    nodes.some((node) => {
      const width = node.measured?.width ?? DEFAULT_NODE_SIZE.width;
      const height = node.measured?.height ?? DEFAULT_NODE_SIZE.height;
      return (
        x < node.position.x + width + gap &&
        node.position.x < x + size.width + gap &&
        y < node.position.y + height + gap &&
        node.position.y < y + size.height + gap
      );
    });
  // Grid spots around the wanted one, nearest first (a node below the middle stays in view).
  const spots: { x: number; y: number; distance: number }[] = [];
  for (let column = -2; column <= 5; column++) {
    for (let row = -4; row <= 4; row++) {
      const x = wanted.x + column * (size.width + gap);
      const y = wanted.y + row * (size.height + gap);
      spots.push({ x, y, distance: Math.hypot(x - wanted.x, y - wanted.y) });
    }
  }
  // Ties go right (flows read left to right), then down.
  spots.sort((a, b) => a.distance - b.distance || b.x - a.x || b.y - a.y);
  for (const spot of spots) if (!overlaps(spot.x, spot.y)) return { x: spot.x, y: spot.y };
  return wanted;
}

/**
 * The box around the nodes, using React Flow's measured sizes where known and the default size
 * otherwise (before the first render nothing is measured yet).
 */
export function nodesBounds(nodes: readonly EditorNode[]): {
  x: number;
  y: number;
  width: number;
  height: number;
} {
  if (nodes.length === 0) return { x: 0, y: 0, width: 0, height: 0 };
  let left = Infinity;
  let top = Infinity;
  let right = -Infinity;
  let bottom = -Infinity;
  for (const node of nodes) {
    const width = node.measured?.width ?? DEFAULT_NODE_SIZE.width;
    const height = node.measured?.height ?? DEFAULT_NODE_SIZE.height;
    left = Math.min(left, node.position.x);
    top = Math.min(top, node.position.y);
    right = Math.max(right, node.position.x + width);
    bottom = Math.max(bottom, node.position.y + height);
  }
  return { x: left, y: top, width: right - left, height: bottom - top };
}
