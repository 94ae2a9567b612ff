import type { FlowDocument } from './flow-document';
import { nodeCatalog } from '../nodes/all-nodes';

export type NodeNames = ReadonlyMap<string, string>;

/** Display names of a run's nodes: the user's label, else the kind's label in the user's language. */
export function nodeNamesOf(flow: FlowDocument | null | undefined, language: 'en' | 'nl'): NodeNames {
  const names = new Map<string, string>();
  for (const node of flow?.nodes ?? []) {
    const label = node.label?.trim() || nodeCatalog.get(node.kind, node.version)?.label[language];
    names.set(node.id, label ?? node.kind);
  }
  return names;
}

/** A node's name, or its id when the flow no longer has it. */
export function nodeName(names: NodeNames, nodeId: string | null | undefined): string {
  if (!nodeId) return '';
  return names.get(nodeId) ?? nodeId;
}
