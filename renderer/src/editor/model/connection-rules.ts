import { recordTypesCompatible } from '../../../../shared/nodes/record-types';
import { entryOf, type CatalogIndex } from './catalog-index';
import type { EditorEdge, EditorNode } from './editor-types';

/** A connection the user tries to make (React Flow's `Connection`). */
export interface ProposedConnection {
  source: string;
  sourceHandle?: string | null;
  target: string;
  targetHandle?: string | null;
}

/** Why a connection is refused, as data the UI words in the user's language. */
export type ConnectionRefusal =
  | { code: 'selfLoop' }
  | { code: 'unknownNode' }
  | { code: 'noOutput'; node: string }
  | { code: 'noInput'; node: string }
  | { code: 'duplicate' }
  | { code: 'cycle'; source: string; target: string }
  | { code: 'typeMismatch'; source: string; target: string; carried: string; expected: string };

export type ConnectionCheck = { ok: true } | { ok: false; refusal: ConnectionRefusal };

/** A node's display name: its own label, else the catalogue label, else its kind. */
export type NodeNamer = (node: EditorNode) => string;

/**
 * The record type leaving `nodeId` through `portId`. Pass-through ports (`$input`) carry whatever
 * arrives at the node's input, found by walking upstream; `any` when nothing typed arrives.
 */
export function carriedType(
  nodeId: string,
  portId: string,
  nodes: ReadonlyMap<string, EditorNode>,
  edges: readonly EditorEdge[],
  catalog: CatalogIndex,
  seen: Set<string> = new Set(),
): string {
  const node = nodes.get(nodeId);
  const entry = node && entryOf(catalog, node.data);
  const port = entry?.outputs.find((output) => output.id === portId);
  if (!port) return 'any';
  if (port.recordType !== '$input') return port.recordType;
  if (seen.has(nodeId)) return 'any';
  seen.add(nodeId);
  for (const edge of edges) {
    if (edge.target !== nodeId) continue;
    const type = carriedType(edge.source, edge.sourceHandle ?? 'out', nodes, edges, catalog, seen);
    if (type !== 'any') return type;
  }
  return 'any';
}

/** Whether `to` can be reached from `from` along the edges. */
function reaches(from: string, to: string, edges: readonly EditorEdge[]): boolean {
  const next = new Map<string, string[]>();
  for (const edge of edges) next.set(edge.source, [...(next.get(edge.source) ?? []), edge.target]);
  const seen = new Set([from]);
  const queue = [from];
  for (let id = queue.pop(); id !== undefined; id = queue.pop()) {
    if (id === to) return true;
    for (const target of next.get(id) ?? []) {
      if (!seen.has(target)) {
        seen.add(target);
        queue.push(target);
      }
    }
  }
  return false;
}

/**
 * Whether a proposed connection may be made: both ports exist, it is not there already, it makes
 * no loop, and the record type leaving the source fits the target's input
 * (`recordTypesCompatible`). Refusals carry what the user needs to understand them.
 */
export function checkConnection(
  connection: ProposedConnection,
  nodes: readonly EditorNode[],
  edges: readonly EditorEdge[],
  catalog: CatalogIndex,
  nameOf: NodeNamer,
): ConnectionCheck {
  const refuse = (refusal: ConnectionRefusal): ConnectionCheck => ({ ok: false, refusal });
  if (connection.source === connection.target) return refuse({ code: 'selfLoop' });
  const byId = new Map(nodes.map((node) => [node.id, node] as const));
  const source = byId.get(connection.source);
  const target = byId.get(connection.target);
  if (!source || !target) return refuse({ code: 'unknownNode' });
  const sourceEntry = entryOf(catalog, source.data);
  const targetEntry = entryOf(catalog, target.data);
  const sourcePort = connection.sourceHandle ?? sourceEntry?.outputs[0]?.id;
  const targetPort = connection.targetHandle ?? targetEntry?.inputs[0]?.id;
  const output = sourceEntry?.outputs.find((port) => port.id === sourcePort);
  const input = targetEntry?.inputs.find((port) => port.id === targetPort);
  if (!output || !sourcePort) return refuse({ code: 'noOutput', node: nameOf(source) });
  if (!input || !targetPort) return refuse({ code: 'noInput', node: nameOf(target) });
  const duplicate = edges.some(
    (edge) =>
      edge.source === source.id &&
      (edge.sourceHandle ?? 'out') === sourcePort &&
      edge.target === target.id &&
      (edge.targetHandle ?? 'in') === targetPort,
  );
  if (duplicate) return refuse({ code: 'duplicate' });
  if (reaches(target.id, source.id, edges)) {
    return refuse({ code: 'cycle', source: nameOf(source), target: nameOf(target) });
  }
  const carried = carriedType(source.id, sourcePort, byId, edges, catalog);
  if (!recordTypesCompatible(carried, input.recordType)) {
    return refuse({
      code: 'typeMismatch',
      source: nameOf(source),
      target: nameOf(target),
      carried,
      expected: input.recordType,
    });
  }
  return { ok: true };
}
