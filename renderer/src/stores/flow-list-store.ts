import { create } from 'zustand';
import type { TemplateSummary } from '../../../shared/api/calls/catalog';
import type { FlowSummary } from '../../../shared/api/calls/flows';
import { api } from '../api/api';
import { failureOf, type Failure } from '../api/failure-text';

interface FlowListState {
  flows: FlowSummary[] | null;
  templates: TemplateSummary[] | null;
  error: Failure | null;
  load(): Promise<void>;
  loadTemplates(): Promise<void>;
}

/** The flows screen's list (and the templates a new flow may start from). */
export const useFlowListStore = create<FlowListState>()((set) => ({
  flows: null,
  templates: null,
  error: null,
  async load() {
    try {
      const { flows } = await api().flows.list({});
      set({ flows, error: null });
    } catch (error) {
      set({ error: failureOf(error) });
    }
  },
  async loadTemplates() {
    try {
      const { templates } = await api().templates.list({});
      set({ templates });
    } catch (error) {
      set({ templates: [], error: failureOf(error) });
    }
  },
}));
