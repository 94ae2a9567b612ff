import { nodeCatalog } from '../../../../shared/nodes/all-nodes';
import { indexCatalog } from './catalog-index';
import { KOPPEL_NODE, type EditorEdge, type EditorNode } from './editor-types';

/** The real catalogue (core and test kinds), indexed as the editor indexes `catalog.list`. */
export const testCatalog = indexCatalog(nodeCatalog.toEntries());

export function node(
  id: string,
  kind: string,
  x = 0,
  y = 0,
  config: Record<string, unknown> = {},
): EditorNode {
  return { id, type: KOPPEL_NODE, position: { x, y }, data: { kind, version: 1, config } };
}

export function edge(source: string, target: string, sourceHandle = 'out', targetHandle = 'in'): EditorEdge {
  return { id: `${source}-${sourceHandle}-${target}`, source, sourceHandle, target, targetHandle };
}

export const nameOf = (n: EditorNode) => n.data.label ?? n.id;
