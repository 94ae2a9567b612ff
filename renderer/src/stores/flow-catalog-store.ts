import { create } from 'zustand';
import type { EditorCatalog } from './flow-editor-store';
import { api } from '../api/api';
import { loadNodeIcons } from '../editor/icons/node-icons';

interface CatalogState {
  catalog: EditorCatalog | null;
  /** The catalogue (node kinds and record types) and the icon set, loaded once. */
  load(): Promise<EditorCatalog>;
}

let loading: Promise<EditorCatalog> | null = null;

/** The node catalogue from `catalog.list` (hidden test kinds included: flows may use them). */
export const useFlowCatalogStore = create<CatalogState>()((set, get) => ({
  catalog: null,
  load() {
    const ready = get().catalog;
    if (ready) return Promise.resolve(ready);
    loading ??= Promise.all([api().catalog.list({ includeHidden: true }), loadNodeIcons()])
      .then(([{ nodes, recordTypes }]) => {
        const catalog = { entries: nodes, recordTypes };
        set({ catalog });
        return catalog;
      })
      .finally(() => {
        loading = null;
      });
    return loading;
  },
}));
