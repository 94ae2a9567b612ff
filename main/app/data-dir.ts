import os from 'node:os';
import path from 'node:path';

export const APP_NAME = 'Koppel';

export interface DataDirOptions {
  /** `--data-dir` on the command line. */
  flag?: string | undefined;
  env?: NodeJS.ProcessEnv;
  platform?: NodeJS.Platform;
  home?: string;
}

/**
 * Where Koppel keeps settings, flows and its database: `--data-dir`, else `KOPPEL_DATA_DIR`, else the
 * OS app-data folder, the same one Electron's `userData` points at (so the desktop app, the web host
 * and the command line share one folder).
 */
export function resolveDataDir(options: DataDirOptions = {}): string {
  const env = options.env ?? process.env;
  if (options.flag) return path.resolve(options.flag);
  if (env.KOPPEL_DATA_DIR) return path.resolve(env.KOPPEL_DATA_DIR);
  return path.join(
    appDataRoot(options.platform ?? process.platform, env, options.home ?? os.homedir()),
    APP_NAME,
  );
}

/** The OS folder for per-user application data, as Electron's `app.getPath('appData')` defines it. */
export function appDataRoot(platform: NodeJS.Platform, env: NodeJS.ProcessEnv, home: string): string {
  if (platform === 'win32') return env.APPDATA ?? path.win32.join(home, 'AppData', 'Roaming');
  if (platform === 'darwin') return path.posix.join(home, 'Library', 'Application Support');
  return env.XDG_CONFIG_HOME ?? path.posix.join(home, '.config');
}
