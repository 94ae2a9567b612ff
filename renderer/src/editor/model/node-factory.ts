import type { CatalogEntry } from '../../../../shared/nodes/catalog';
import { KOPPEL_NODE, type EditorNode } from './editor-types';

/** A new canvas node of a catalogue kind, with the kind's default config, selected. */
export function createNode(entry: CatalogEntry, id: string, position: { x: number; y: number }): EditorNode {
  return {
    id,
    type: KOPPEL_NODE,
    position: { x: Math.round(position.x), y: Math.round(position.y) },
    data: { kind: entry.kind, version: entry.version, config: structuredClone(entry.defaultConfig) },
    selected: true,
  };
}

/** The node's name on the canvas: its own label, else the catalogue label in the user's language. */
export function displayName(
  node: EditorNode,
  entry: CatalogEntry | undefined,
  language: 'en' | 'nl',
): string {
  return node.data.label || entry?.label[language] || node.data.kind;
}

/** Restores a snapshot's nodes while keeping what is selected now (undo should not jump the selection). */
export function keepSelection(restored: readonly EditorNode[], current: readonly EditorNode[]): EditorNode[] {
  const selected = new Set(current.filter((node) => node.selected).map((node) => node.id));
  return restored.map((node) => ({ ...node, selected: selected.has(node.id) }));
}
