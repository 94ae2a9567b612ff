import { z } from 'zod';
import { FlowEdge, FlowNode } from '../../../../shared/flow/flow-document';
import { toEditorEdge, toEditorNode, toFlowEdge, toFlowNode } from './flow-conversion';
import type { EditorEdge, EditorNode } from './editor-types';

/** What Koppel puts on the clipboard: flow nodes and the edges between them, as JSON text. */
export const ClipboardPayload = z.object({
  koppel: z.literal('nodes@1'),
  nodes: z.array(FlowNode).min(1),
  edges: z.array(FlowEdge),
});
export type ClipboardPayload = z.infer<typeof ClipboardPayload>;

/** The selected nodes and the edges running between two of them; null when nothing is selected. */
export function copySelection(
  nodes: readonly EditorNode[],
  edges: readonly EditorEdge[],
): ClipboardPayload | null {
  const chosen = nodes.filter((node) => node.selected);
  if (chosen.length === 0) return null;
  const ids = new Set(chosen.map((node) => node.id));
  return {
    koppel: 'nodes@1',
    nodes: chosen.map(toFlowNode),
    edges: edges.filter((edge) => ids.has(edge.source) && ids.has(edge.target)).map(toFlowEdge),
  };
}

/** Reads clipboard text; null when it is not Koppel's (so pasting other text does nothing). */
export function parseClipboard(text: string): ClipboardPayload | null {
  try {
    const parsed = ClipboardPayload.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/**
 * The pasted copies: fresh ids (edges re-pointed), shifted by `offset`, selected, so they can be
 * moved together right away.
 */
export function pastePayload(
  payload: ClipboardPayload,
  newId: () => string,
  offset: { x: number; y: number },
): { nodes: EditorNode[]; edges: EditorEdge[] } {
  const ids = new Map(payload.nodes.map((node) => [node.id, newId()] as const));
  const nodes = payload.nodes.map((node) => ({
    ...toEditorNode({
      ...node,
      id: ids.get(node.id) ?? newId(),
      position: { x: node.position.x + offset.x, y: node.position.y + offset.y },
      config: structuredClone(node.config),
    }),
    selected: true,
  }));
  const edges = payload.edges.flatMap((edge) => {
    const source = ids.get(edge.source);
    const target = ids.get(edge.target);
    return source && target ? [toEditorEdge({ ...edge, id: newId(), source, target })] : [];
  });
  return { nodes, edges };
}
