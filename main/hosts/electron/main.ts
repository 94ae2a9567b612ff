import { app, dialog, session, shell } from 'electron';
import { startFailure } from '../../../shared/api/start-failure';
import { languageOfLocale } from '../../../shared/flow/wording';
import { resolveDataDir } from '../../app/data-dir';
import { createApp, type App } from '../../app/create-app';
import { contentSecurityPolicy } from '../web/security';
import { runInBackground, startsInBackground } from './background';
import { showDesktopNotifications } from './desktop-notifications';
import { BACKGROUND_FLAG } from './open-at-login';
import { forwardEvents, registerIpc } from './ipc-adapter';
import { createElectronDocumentBackend, createElectronStoreBackend } from './store-backend';
import { createMainWindow, isHttps, rendererLocation, showMainWindow } from './window';

/**
 * The desktop host: a thin shell over the same app the web host and the command line build.
 * `--data-dir D` / KOPPEL_DATA_DIR override Electron's userData, as everywhere else.
 */
async function main(): Promise<void> {
  app.setName('Koppel');
  const flag = process.argv.find((arg) => arg.startsWith('--data-dir='))?.slice('--data-dir='.length);
  const dataDir = flag || process.env.KOPPEL_DATA_DIR ? resolveDataDir({ flag }) : app.getPath('userData');
  app.setPath('userData', dataDir);

  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  await app.whenReady();

  // file:// pages get no response headers from a server, so the CSP is added here (and in index.html).
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [contentSecurityPolicy()] },
    });
  });
  session.defaultSession.setPermissionRequestHandler((_contents, permission, callback) => {
    callback(permission === 'notifications');
  });

  const koppel: App = await createApp({
    host: 'electron',
    dataDir,
    logFile: 'desktop',
    settingsBackend: createElectronStoreBackend,
    documentBackend: createElectronDocumentBackend,
    // shell.openPath answers an error message, or '' when the file manager opened the folder.
    openFolder: async (folder) => (await shell.openPath(folder)) === '',
    openExternal: async (url) => {
      if (!isHttps(url)) return false;
      await shell.openExternal(url);
      return true;
    },
  });
  const location = rendererLocation();
  const unregister = registerIpc(koppel, location.isOwnPage);
  const create = (route?: string) => {
    const window = createMainWindow(location.url, route);
    forwardEvents(koppel, window.webContents);
    return window;
  };
  const open = () => void showMainWindow(create);
  const stopNotifications = showDesktopNotifications(koppel, (route) => void showMainWindow(create, route));
  // Closing the window may leave Koppel running in the tray, so the schedules go on (settings).
  const chosenDataDir = flag || process.env.KOPPEL_DATA_DIR ? dataDir : undefined;
  const stopBackground = runInBackground(koppel, open, chosenDataDir);

  // A start at login shows no window: Koppel waits in the tray until it is opened (without the
  // tray, a window: Koppel never runs out of sight).
  if (!startsInBackground() || !koppel.ctx.settings.get().desktop.keepRunning) open();
  app.on('second-instance', (_event, argv) => {
    if (!argv.includes(BACKGROUND_FLAG)) open();
  });
  app.on('activate', open);
  app.on('will-quit', () => {
    unregister();
    stopNotifications();
    stopBackground();
    void koppel.dispose();
  });
}

main().catch((error: unknown) => {
  console.error(error);
  // Without a window nothing else tells the user why Koppel did not open. The settings (and so the
  // UI language) may be what failed: the system's language words it.
  const locale = app.isReady() ? app.getLocale() : Intl.DateTimeFormat().resolvedOptions().locale;
  const { title, message } = startFailure(error, languageOfLocale(locale));
  dialog.showErrorBox(title, message);
  app.exit(1);
});
