import type { Edge, Node } from '@xyflow/react';
import type { FlowDocument } from '../../../../shared/flow/flow-document';

/**
 * What a canvas node carries: the flow node minus its id and position (React Flow keeps those).
 * Plain data only (no callbacks, no class instances), so it can be copied, stored and undone.
 */
export type KoppelNodeData = {
  kind: string;
  version: number;
  label?: string;
  config: Record<string, unknown>;
};

/** The one node type of the canvas (see node-types.ts). */
export const KOPPEL_NODE = 'koppel';

export type EditorNode = Node<KoppelNodeData, typeof KOPPEL_NODE>;
/** `sourceHandle`/`targetHandle` are the flow edge's port ids. */
export type EditorEdge = Edge;

/** The flow document without its graph: name, schedule, settings, revision… */
export type FlowMeta = Omit<FlowDocument, 'nodes' | 'edges'>;

/** The parts of the editor state that undo/redo and the dirty check look at. */
export interface EditorSnapshot {
  readonly meta: FlowMeta;
  readonly nodes: readonly EditorNode[];
  readonly edges: readonly EditorEdge[];
}
