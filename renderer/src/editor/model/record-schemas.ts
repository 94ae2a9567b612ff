import type { CatalogRecordType } from '../../../../shared/nodes/catalog';
import { entryOf, type CatalogIndex } from './catalog-index';
import { carriedType } from './connection-rules';
import type { EditorEdge, EditorNode } from './editor-types';

type JsonSchema = { [key: string]: unknown };

export interface GraphView {
  nodes: readonly EditorNode[];
  edges: readonly EditorEdge[];
  catalog: CatalogIndex;
  recordTypes: ReadonlyMap<string, CatalogRecordType>;
}

/** Whether a JSON Schema says anything about fields (a bare `record<string, unknown>` does not). */
function describesFields(schema: JsonSchema | undefined): schema is JsonSchema {
  return (
    schema !== undefined &&
    typeof schema.properties === 'object' &&
    schema.properties !== null &&
    Object.keys(schema.properties).length > 0
  );
}

/**
 * The shape of the records arriving at a node: the record type its first typed upstream edge
 * carries, else the upstream node's declared output schema; null when nothing says.
 */
export function inputSchemaOf(nodeId: string, view: GraphView): JsonSchema | null {
  const byId = new Map(view.nodes.map((node) => [node.id, node] as const));
  for (const edge of view.edges) {
    if (edge.target !== nodeId) continue;
    const type = carriedType(edge.source, edge.sourceHandle ?? 'out', byId, view.edges, view.catalog);
    const fromType = view.recordTypes.get(type)?.schema;
    if (type !== 'any' && describesFields(fromType)) return fromType;
    const upstream = byId.get(edge.source);
    const declared = upstream && entryOf(view.catalog, upstream.data)?.outputSchema;
    if (describesFields(declared)) return declared;
  }
  return null;
}

/** The nearest node of a category following edges forward (downstream) or backward (upstream). */
function nearest(
  nodeId: string,
  view: Pick<GraphView, 'nodes' | 'edges' | 'catalog'>,
  direction: 'downstream' | 'upstream',
  category: 'source' | 'target',
): EditorNode | undefined {
  const byId = new Map(view.nodes.map((node) => [node.id, node] as const));
  const seen = new Set([nodeId]);
  const queue = [nodeId];
  for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
    for (const edge of view.edges) {
      const [from, to] = direction === 'downstream' ? [edge.source, edge.target] : [edge.target, edge.source];
      if (from !== id || seen.has(to)) continue;
      seen.add(to);
      const next = byId.get(to);
      if (next && entryOf(view.catalog, next.data)?.category === category) return next;
      queue.push(to);
    }
  }
  return undefined;
}

/** The first target downstream of a node (following edges forward), if any. */
export function downstreamTarget(nodeId: string, view: GraphView): EditorNode | undefined {
  return nearest(nodeId, view, 'downstream', 'target');
}

/** The first source upstream of a node (following edges backward), if any. */
export function upstreamSource(nodeId: string, view: GraphView): EditorNode | undefined {
  return nearest(nodeId, view, 'upstream', 'source');
}

/**
 * The shape a mapping node must produce: the record type the downstream target's input takes;
 * null when there is no target yet or it takes any record.
 */
export function targetSchemaOf(nodeId: string, view: GraphView): JsonSchema | null {
  const target = downstreamTarget(nodeId, view);
  const entry = target && entryOf(view.catalog, target.data);
  const type = entry?.inputs[0]?.recordType;
  if (!type || type === 'any') return null;
  const schema = view.recordTypes.get(type)?.schema;
  return describesFields(schema) ? schema : null;
}

/**
 * What a node's sample depends on: the nodes and edges on the way to it (not their settings). A
 * sample taken under another key is stale, e.g. one taken before the node was connected.
 */
export function upstreamKey(nodeId: string, view: Pick<GraphView, 'nodes' | 'edges'>): string {
  const kinds = new Map(view.nodes.map((node) => [node.id, node.data.kind] as const));
  const seen = new Set([nodeId]);
  const queue = [nodeId];
  const parts: string[] = [];
  for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
    for (const edge of view.edges) {
      if (edge.target !== id) continue;
      parts.push(`${edge.source}:${kinds.get(edge.source) ?? '?'}:${edge.sourceHandle ?? 'out'}>${id}`);
      if (!seen.has(edge.source)) {
        seen.add(edge.source);
        queue.push(edge.source);
      }
    }
  }
  return parts.sort().join('|');
}
