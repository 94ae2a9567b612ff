import os from 'node:os';
import path from 'node:path';
import { app, Menu, nativeImage, Notification, Tray } from 'electron';
import type { App } from '../../app/create-app';
import { resourcesDir } from '../../app/paths';
import type { Settings } from '../../../shared/settings/settings';
import { desktopWords } from './desktop-words';
import { BACKGROUND_FLAG, loginArgs, setLinuxAutostart } from './open-at-login';

/**
 * Whether this start shows no window: a start at login (with {@link BACKGROUND_FLAG}, or macOS's
 * own login item) puts Koppel in the notification area only.
 */
export function startsInBackground(): boolean {
  if (process.argv.includes(BACKGROUND_FLAG)) return true;
  return process.platform === 'darwin' && app.getLoginItemSettings().wasOpenedAtLogin;
}

/**
 * Keeps Koppel running without a window while `desktop.keepRunning` is on: a tray icon (open,
 * quit), the window's closing leaves the engine and its schedules running, and the first close of
 * a start says so once. Also keeps the OS's login item in step with `desktop.openAtLogin`.
 * Returns the function that stops it.
 */
export function runInBackground(koppel: App, open: () => void, dataDirFlag: string | undefined): () => void {
  let tray: Tray | undefined;
  let told = false;
  let loginItem: boolean | undefined;

  const apply = (settings: Settings) => {
    if (settings.desktop.keepRunning) {
      tray ??= createTray(open);
      const words = desktopWords(settings.language);
      tray.setToolTip(words.tooltip);
      tray.setContextMenu(
        Menu.buildFromTemplate([
          { label: words.open, click: open },
          { type: 'separator' },
          { label: words.quit, click: () => app.quit() },
        ]),
      );
    } else {
      tray?.destroy();
      tray = undefined;
    }
    if (settings.desktop.openAtLogin !== loginItem) {
      loginItem = settings.desktop.openAtLogin;
      try {
        setOpenAtLogin(loginItem, dataDirFlag);
      } catch (error) {
        // The setting stays; the next start tries again. Nothing else depends on it.
        koppel.ctx.logger.warn('Could not change the login item', { error: String(error) });
      }
    }
  };
  apply(koppel.ctx.settings.get());
  const off = koppel.ctx.settings.onChange(apply);

  const onAllClosed = () => {
    const settings = koppel.ctx.settings.get();
    if (!settings.desktop.keepRunning) {
      // macOS apps stay in the dock without windows; elsewhere the last window quits.
      if (process.platform !== 'darwin') app.quit();
      return;
    }
    if (!told && Notification.isSupported()) {
      told = true;
      const words = desktopWords(settings.language);
      new Notification({ title: words.stillRunningTitle, body: words.stillRunningBody, silent: true }).show();
    }
  };
  app.on('window-all-closed', onAllClosed);

  return () => {
    off();
    app.off('window-all-closed', onAllClosed);
    tray?.destroy();
    tray = undefined;
  };
}

function createTray(open: () => void): Tray {
  // macOS menu-bar icons are 16 points (the 32-pixel image serves Retina screens).
  const image = nativeImage.createFromPath(path.join(resourcesDir(), 'icons', '32x32.png'));
  const tray = new Tray(process.platform === 'darwin' ? image.resize({ width: 16, height: 16 }) : image);
  // Windows and Linux open the app on a click; macOS shows the menu.
  if (process.platform !== 'darwin') tray.on('click', open);
  return tray;
}

/** Adds Koppel to the user's login items, or takes it out. */
function setOpenAtLogin(enabled: boolean, dataDirFlag: string | undefined): void {
  const args = loginArgs({ dataDirFlag, appPath: app.isPackaged ? undefined : app.getAppPath() });
  if (process.platform === 'linux') {
    const configHome = process.env.XDG_CONFIG_HOME || path.join(os.homedir(), '.config');
    // An AppImage runs from a mount that changes each start: its own file is what to start.
    setLinuxAutostart(configHome, enabled, process.env.APPIMAGE || process.execPath, args);
  } else {
    app.setLoginItemSettings({ openAtLogin: enabled, args });
  }
}
