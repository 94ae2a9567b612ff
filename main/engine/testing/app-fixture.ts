import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createApp, type App } from '../../app/create-app';
import { silentLogger, type Logger } from '../../app/logger';
import { Vault } from '../../vault/vault';
import { staticConnections } from '../connections';
import { MemorySystem } from './memory-system';

/** A keychain in memory: app tests never touch the OS keychain. */
function memoryKeychain() {
  const secrets = new Map<string, string>();
  return {
    get: async (account: string) => secrets.get(account) ?? null,
    set: async (account: string, value: string) => void secrets.set(account, value),
    delete: async (account: string) => secrets.delete(account),
  };
}

export interface AppFixture {
  app: App;
  dataDir: string;
  system: MemorySystem;
  cleanup(): Promise<void>;
}

/**
 * The whole app (createApp, CLI host) on a fresh data folder, whose engine talks to an in-memory
 * test system; templates come from `templatesDir` (default: an empty folder).
 */
export async function appFixture(
  options: {
    system?: MemorySystem;
    dataDir?: string;
    templatesDir?: string;
    /** Run schedules (and watch the flows, as long-lived hosts do). */
    scheduler?: boolean;
    logger?: Logger;
  } = {},
): Promise<AppFixture> {
  const dataDir = options.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'koppel-app-'));
  const system = options.system ?? new MemorySystem();
  const app = await createApp({
    host: 'cli',
    dataDir,
    logger: options.logger ?? silentLogger,
    vault: new Vault({ keychain: memoryKeychain(), env: {} }),
    engineConnections: staticConnections({ memory: system }),
    templatesDir: options.templatesDir ?? path.join(dataDir, 'no-templates'),
    ...(options.scheduler === undefined ? {} : { scheduler: options.scheduler }),
  });
  return {
    app,
    dataDir,
    system,
    cleanup: async () => {
      await app.dispose();
      if (!options.dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
