import Store from 'electron-store';
import type { Settings } from '../../../shared/settings/settings';
import type { SettingsBackend } from '../../settings/settings-store';

/** The desktop settings file: electron-store (conf underneath), same file name and schema as under Node. */
export function createElectronStoreBackend(dataDir: string): SettingsBackend {
  const store = new Store<Record<string, unknown>>({
    cwd: dataDir,
    name: 'settings',
    clearInvalidConfig: false,
  });
  return {
    path: store.path,
    read: () => store.store,
    write: (value: Settings) => {
      store.store = value;
    },
  };
}
