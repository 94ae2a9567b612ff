import type { FlowDocument, FlowEdge, FlowNode } from '../../../../shared/flow/flow-document';
import { KOPPEL_NODE, type EditorEdge, type EditorNode, type FlowMeta } from './editor-types';

/** A flow node as a canvas node. */
export function toEditorNode(node: FlowNode): EditorNode {
  return {
    id: node.id,
    type: KOPPEL_NODE,
    position: { x: node.position.x, y: node.position.y },
    data: {
      kind: node.kind,
      version: node.version,
      ...(node.label !== undefined ? { label: node.label } : {}),
      config: node.config,
    },
  };
}

/** A flow edge as a canvas edge: ports become handle ids. */
export function toEditorEdge(edge: FlowEdge): EditorEdge {
  return {
    id: edge.id,
    source: edge.source,
    sourceHandle: edge.sourcePort,
    target: edge.target,
    targetHandle: edge.targetPort,
  };
}

/** A canvas node as a flow node (selection, size and other canvas state are dropped). */
export function toFlowNode(node: EditorNode): FlowNode {
  return {
    id: node.id,
    kind: node.data.kind,
    version: node.data.version,
    // Whole pixels: positions are for people, and this keeps saved files stable.
    position: { x: Math.round(node.position.x), y: Math.round(node.position.y) },
    ...(node.data.label ? { label: node.data.label } : {}),
    config: node.data.config,
  };
}

export function toFlowEdge(edge: EditorEdge): FlowEdge {
  return {
    id: edge.id,
    source: edge.source,
    sourcePort: edge.sourceHandle ?? 'out',
    target: edge.target,
    targetPort: edge.targetHandle ?? 'in',
  };
}

/** Splits a flow into what the canvas shows and the rest. */
export function fromFlowDocument(flow: FlowDocument): {
  meta: FlowMeta;
  nodes: EditorNode[];
  edges: EditorEdge[];
} {
  const { nodes, edges, ...meta } = flow;
  return { meta, nodes: nodes.map(toEditorNode), edges: edges.map(toEditorEdge) };
}

/** Puts the flow document back together from the canvas. */
export function toFlowDocument(
  meta: FlowMeta,
  nodes: readonly EditorNode[],
  edges: readonly EditorEdge[],
): FlowDocument {
  return { ...meta, nodes: nodes.map(toFlowNode), edges: edges.map(toFlowEdge) };
}

/**
 * A stable text of what would be saved, for the dirty check: two states that save the same
 * document have the same key, whatever the selection or the node sizes.
 */
export function documentKey(
  meta: FlowMeta,
  nodes: readonly EditorNode[],
  edges: readonly EditorEdge[],
): string {
  const { revision: _revision, updatedAt: _updatedAt, ...rest } = meta;
  return JSON.stringify([rest, nodes.map(toFlowNode), edges.map(toFlowEdge)]);
}
