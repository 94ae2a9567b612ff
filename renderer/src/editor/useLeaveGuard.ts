import { useEffect, useState } from 'react';
import { useFlowEditorStore } from '../stores/flow-editor-store';

/**
 * Unsaved changes are never lost silently: closing or reloading the window asks first
 * (`beforeunload`), and following an in-app link while the flow is dirty is held back until the
 * user chooses (the returned `pending` link; `leave(href)` goes there).
 */
export function useLeaveGuard(): { pending: string | null; cancel(): void; leave(): void } {
  const [pending, setPending] = useState<string | null>(null);

  useEffect(() => {
    const beforeUnload = (event: BeforeUnloadEvent) => {
      if (!useFlowEditorStore.getState().dirty) return;
      event.preventDefault();
      // Older engines need returnValue set for the prompt to appear.
      event.returnValue = '';
    };
    // Capture phase on window: runs before the router's own click handler, which it can stop.
    const click = (event: MouseEvent) => {
      if (!useFlowEditorStore.getState().dirty || event.defaultPrevented || event.button !== 0) return;
      const anchor = event.target instanceof Element ? event.target.closest('a[href]') : null;
      const href = anchor?.getAttribute('href');
      if (!href || anchor?.getAttribute('target') === '_blank') return;
      const hash = href.startsWith('#') ? href : href.startsWith('/') ? `#${href}` : null;
      if (!hash || hash === window.location.hash) return;
      event.preventDefault();
      event.stopPropagation();
      setPending(hash);
    };
    window.addEventListener('beforeunload', beforeUnload);
    window.addEventListener('click', click, true);
    return () => {
      window.removeEventListener('beforeunload', beforeUnload);
      window.removeEventListener('click', click, true);
    };
  }, []);

  return {
    pending,
    cancel: () => setPending(null),
    leave: () => {
      if (pending) window.location.hash = pending;
      setPending(null);
    },
  };
}
