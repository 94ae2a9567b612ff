import path from 'node:path';
import Store from 'electron-store';
import type { SettingsBackend } from '../../settings/settings-store';
import type { DocumentBackendFactory } from '../../store/document-backend';
import { keepPrevious, readJsonDocument } from '../../store/json-document';

/** The desktop settings file: the settings document through electron-store, as under Node. */
export function createElectronStoreBackend(dataDir: string): SettingsBackend {
  return createElectronDocumentBackend(dataDir, 'settings');
}

/** The data folder's documents (settings.json, flows.json): electron-store, the same files conf writes under Node. */
export const createElectronDocumentBackend: DocumentBackendFactory = (dataDir, name) => {
  const store = readJsonDocument(
    path.join(dataDir, `${name}.json`),
    () => new Store<Record<string, unknown>>({ cwd: dataDir, name, clearInvalidConfig: false }),
  );
  return {
    path: store.path,
    read: () => readJsonDocument(store.path, () => store.store),
    write: (value) => {
      keepPrevious(store.path);
      store.store =
        typeof value === 'object' && value !== null && !Array.isArray(value) ? { ...value } : { value };
    },
  };
};
