import { create } from 'zustand';
import { applySettingsPatch, type Settings, type SettingsPatch } from '../../../shared/settings/settings';
import { api, apiClient } from '../api/api';
import { failureOf, type Failure } from '../api/failure-text';

interface SettingsState {
  settings: Settings | null;
  error: Failure | null;
  load(): Promise<Settings>;
  update(patch: SettingsPatch): Promise<void>;
}

export const useSettingsStore = create<SettingsState>()((set, get) => ({
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
    // Shown at once, so the screen shows it while main writes it. The patch names only the fields
    // changed, and main applies it to the file as it is: a change made meanwhile (here, in another
    // window, by the command line) stays.
    const current = get().settings;
    if (current) set({ settings: applySettingsPatch(current, patch) });
    try {
      set({ settings: await api().settings.update(patch), error: null });
    } catch (error) {
      // Refused: back to what main holds.
      set({
        settings: await api()
          .settings.get({})
          .catch(() => current),
        error: failureOf(error),
      });
    }
  },
}));
