import path from 'node:path';
import Conf from 'conf';
import type { Settings } from '../../shared/settings/settings';
import { keepPrevious, readJsonDocument } from '../store/json-document';
import type { SettingsBackend } from './settings-store';

/** The settings file under plain Node (web host, command line): `<dataDir>/settings.json`. */
export function createConfBackend(dataDir: string): SettingsBackend {
  // conf reads the file when it opens it.
  const conf = readJsonDocument(
    path.join(dataDir, 'settings.json'),
    () =>
      new Conf<Record<string, unknown>>({
        cwd: dataDir,
        configName: 'settings',
        projectName: 'koppel',
        // The zod schema validates; conf's own JSON-schema check would only duplicate it.
        clearInvalidConfig: false,
      }),
  );
  return {
    path: conf.path,
    read: () => readJsonDocument(conf.path, () => conf.store),
    write: (value: Settings) => {
      keepPrevious(conf.path);
      conf.store = value;
    },
  };
}
