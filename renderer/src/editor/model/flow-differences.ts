import type { FlowDocument } from '../../../../shared/flow/flow-document';

/** A part of a flow in which two versions of it differ, as the save-conflict dialog names it. */
export type FlowDifference =
  | { part: 'name'; theirs: string; mine: string }
  | { part: 'enabled'; theirs: boolean }
  | { part: 'description' | 'schedule' | 'settings' | 'nodes' | 'edges' | 'layout' };

/** JSON with its objects' keys sorted: the editor and main may build the same object in another order. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : inner,
  );
}

const byId = <T extends { id: string }>(items: readonly T[]): T[] =>
  [...items].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

/**
 * Where the version saved elsewhere (`theirs`) differs from the editor's (`mine`), part by part.
 * Nodes that differ only in where they stand on the canvas count as `layout`, not `nodes`.
 */
export function flowDifferences(mine: FlowDocument, theirs: FlowDocument): FlowDifference[] {
  const differences: FlowDifference[] = [];
  if (mine.name !== theirs.name) differences.push({ part: 'name', theirs: theirs.name, mine: mine.name });
  if ((mine.description ?? '') !== (theirs.description ?? '')) differences.push({ part: 'description' });
  if (mine.enabled !== theirs.enabled) differences.push({ part: 'enabled', theirs: theirs.enabled });
  if (canonical(mine.schedule) !== canonical(theirs.schedule)) differences.push({ part: 'schedule' });
  if (canonical(mine.settings) !== canonical(theirs.settings)) differences.push({ part: 'settings' });
  const placed = (nodes: FlowDocument['nodes']) => byId(nodes).map(({ id, position }) => ({ id, position }));
  const unplaced = (nodes: FlowDocument['nodes']) =>
    byId(nodes).map(({ position: _position, ...node }) => node);
  if (canonical(unplaced(mine.nodes)) !== canonical(unplaced(theirs.nodes)))
    differences.push({ part: 'nodes' });
  else if (canonical(placed(mine.nodes)) !== canonical(placed(theirs.nodes)))
    differences.push({ part: 'layout' });
  if (canonical(byId(mine.edges)) !== canonical(byId(theirs.edges))) differences.push({ part: 'edges' });
  return differences;
}
