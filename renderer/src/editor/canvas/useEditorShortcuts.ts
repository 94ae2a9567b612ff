import { useEffect, useRef } from 'react';
import { useFlowEditorStore } from '../../stores/flow-editor-store';
import { readClipboard, writeClipboard } from './clipboard-bridge';

/** Whether a key press belongs to a text field (or the code editor) rather than to the canvas. */
export function isEditableTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.closest('.monaco-editor')) return true;
  const tag = target.tagName;
  return tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT' || target.isContentEditable;
}

/** Whether focus is on the canvas (or nowhere in particular), where selection keys apply. */
function onCanvas(target: EventTarget | null): boolean {
  return target === document.body || (target instanceof HTMLElement && target.closest('.ed-canvas') !== null);
}

/**
 * Editor keys: Ctrl/⌘+S saves anywhere; outside text fields Ctrl+Z / Ctrl+Shift+Z / Ctrl+Y undo
 * and redo, Escape clears the selection; on the canvas Ctrl+C / X / V / D copy, cut, paste and
 * duplicate, Ctrl+A selects every node and Delete removes the selection.
 */
export function useEditorShortcuts(save: () => void): void {
  const saveRef = useRef(save);
  saveRef.current = save;
  const pastes = useRef(0);

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const store = useFlowEditorStore.getState();
      const mod = event.ctrlKey || event.metaKey;
      const key = event.key.toLowerCase();
      if (mod && key === 's') {
        event.preventDefault();
        saveRef.current();
        return;
      }
      if (isEditableTarget(event.target)) return;
      if (mod && key === 'z') {
        event.preventDefault();
        if (event.shiftKey) store.redo();
        else store.undo();
      } else if (mod && key === 'y') {
        event.preventDefault();
        store.redo();
      } else if (event.key === 'Escape') {
        store.select([]);
      } else if (!onCanvas(event.target)) {
        return;
      } else if (mod && (key === 'c' || key === 'x')) {
        const payload = store.copy();
        if (!payload) return;
        event.preventDefault();
        writeClipboard(payload);
        pastes.current = 0;
        if (key === 'x') store.deleteSelected();
      } else if (mod && key === 'v') {
        event.preventDefault();
        void readClipboard().then((payload) => {
          if (!payload) return;
          pastes.current += 1;
          const shift = 40 * pastes.current;
          useFlowEditorStore.getState().paste(payload, { x: shift, y: shift });
        });
      } else if (mod && key === 'd') {
        const payload = store.copy();
        if (!payload) return;
        event.preventDefault();
        store.paste(payload);
      } else if (mod && key === 'a') {
        event.preventDefault();
        store.select(store.nodes.map((node) => node.id));
      } else if (event.key === 'Delete' || event.key === 'Backspace') {
        event.preventDefault();
        store.deleteSelected();
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
