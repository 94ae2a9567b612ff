import Store from 'electron-store';
import type { Settings } from '../../../shared/settings/settings';
import type { SettingsBackend } from '../../settings/settings-store';
import type { DocumentBackendFactory } from '../../store/document-backend';

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

/** Other documents of the data folder (flows.json): electron-store, same files as conf writes under Node. */
export const createElectronDocumentBackend: DocumentBackendFactory = (dataDir, name) => {
  const store = new Store<Record<string, unknown>>({ cwd: dataDir, name, clearInvalidConfig: false });
  return {
    path: store.path,
    read: () => store.store,
    write: (value) => {
      store.store =
        typeof value === 'object' && value !== null && !Array.isArray(value) ? { ...value } : { value };
    },
  };
};
