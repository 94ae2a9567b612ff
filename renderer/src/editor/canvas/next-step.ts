import type { CatalogIndex } from '../model/catalog-index';
import { entryOf } from '../model/catalog-index';
import type { EditorEdge, EditorNode } from '../model/editor-types';

/** What a new user should do next on this canvas, or null once the flow has its parts. */
export type NextStep = 'addTrigger' | 'addSource' | 'addTarget' | 'connect' | null;

/**
 * The first missing part of a runnable flow: a trigger, a source, a target, and every node with
 * an input connected. Shown as a hint above the canvas so nobody needs the documentation.
 */
export function nextStep(
  nodes: readonly EditorNode[],
  edges: readonly EditorEdge[],
  catalog: CatalogIndex,
): NextStep {
  if (nodes.length === 0) return null;
  const categories = nodes.map((node) => entryOf(catalog, node.data)?.category);
  if (!categories.includes('trigger')) return 'addTrigger';
  if (!categories.includes('source')) return 'addSource';
  if (!categories.includes('target')) return 'addTarget';
  const fed = new Set(edges.map((edge) => edge.target));
  const waiting = nodes.some(
    (node) => (entryOf(catalog, node.data)?.inputs.length ?? 0) > 0 && !fed.has(node.id),
  );
  return waiting ? 'connect' : null;
}
