import { useCallback } from 'react';
import { useFlowEditorStore } from '../../stores/flow-editor-store';
import { entryOf } from '../model/catalog-index';
import type { EditorNode } from '../model/editor-types';
import { displayName } from '../model/node-factory';
import { useLanguage } from '../../i18n/useLanguage';

/** Names nodes the way the canvas shows them, for messages. */
export function useNodeNamer(): (node: EditorNode) => string {
  const language = useLanguage();
  const catalog = useFlowEditorStore((state) => state.catalog);
  return useCallback((node) => displayName(node, entryOf(catalog, node.data), language), [catalog, language]);
}

/** A record type's label in the user's language (its id when the catalogue does not know it). */
export function useRecordTypeLabel(): (id: string) => string {
  const language = useLanguage();
  const recordTypes = useFlowEditorStore((state) => state.recordTypes);
  return useCallback((id) => recordTypes.get(id)?.label[language] ?? id, [recordTypes, language]);
}
