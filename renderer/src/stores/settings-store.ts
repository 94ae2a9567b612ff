import { create } from 'zustand';
import type { Settings, SettingsPatch } from '../../../shared/settings/settings';
import { api, apiClient } from '../api/api';
import { failureOf, type Failure } from '../api/failure-text';

interface SettingsState {
  settings: Settings | null;
  error: Failure | null;
  load(): Promise<Settings>;
  update(patch: SettingsPatch): Promise<void>;
}

export const useSettingsStore = create<SettingsState>()((set) => ({
  settings: null,
  error: null,
  async load() {
    const settings = await api().settings.get({});
    set({ settings });
    // Another window (or the command line) may change settings too.
    apiClient().on('settings.changed', (next) => set({ settings: next }));
    return settings;
  },
  async update(patch) {
    try {
      set({ settings: await api().settings.update(patch), error: null });
    } catch (error) {
      set({ error: failureOf(error) });
    }
  },
}));
