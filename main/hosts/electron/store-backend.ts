import path from 'node:path';
import Store from 'electron-store';
import type { Settings } from '../../../shared/settings/settings';
import type { SettingsBackend } from '../../settings/settings-store';
import type { DocumentBackendFactory } from '../../store/document-backend';
import { keepPrevious, readJsonDocument } from '../../store/json-document';

/** The desktop settings file: electron-store (conf underneath), same file name and schema as under Node. */
export function createElectronStoreBackend(dataDir: string): SettingsBackend {
  // electron-store reads the file when it opens it.
  const store = readJsonDocument(
    path.join(dataDir, 'settings.json'),
    () => new Store<Record<string, unknown>>({ cwd: dataDir, name: 'settings', clearInvalidConfig: false }),
  );
  return {
    path: store.path,
    read: () => readJsonDocument(store.path, () => store.store),
    write: (value: Settings) => {
      keepPrevious(store.path);
      store.store = value;
    },
  };
}

/** Other documents of the data folder (flows.json): electron-store, same files as conf writes under Node. */
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
