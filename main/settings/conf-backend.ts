import { confDocumentBackend } from '../store/document-backend';
import type { SettingsBackend } from './settings-store';

/**
 * The settings file under plain Node (web host, command line): `<dataDir>/settings.json`, a
 * document of the data folder like flows.json (the same reading and keeping of its last version).
 */
export function createConfBackend(dataDir: string): SettingsBackend {
  return confDocumentBackend(dataDir, 'settings');
}
