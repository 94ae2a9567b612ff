import Conf from 'conf';
import type { Settings } from '../../shared/settings/settings';
import type { SettingsBackend } from './settings-store';

/** The settings file under plain Node (web host, command line): `<dataDir>/settings.json`. */
export function createConfBackend(dataDir: string): SettingsBackend {
  const conf = new Conf<Record<string, unknown>>({
    cwd: dataDir,
    configName: 'settings',
    projectName: 'koppel',
    // The zod schema validates; conf's own JSON-schema check would only duplicate it.
    clearInvalidConfig: false,
  });
  return {
    path: conf.path,
    read: () => conf.store,
    write: (value: Settings) => {
      conf.store = value;
    },
  };
}
