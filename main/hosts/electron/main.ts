import path from 'node:path';
import { app, BrowserWindow, dialog, session, shell } from 'electron';
import { startFailure } from '../../../shared/api/start-failure';
import { APP_SCHEME, appLinkIn, routeOfAppLink } from '../../../shared/links/app-link';
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
  registerLinkScheme();
  // A koppel:// link Koppel was started with: an argument on Windows and Linux; on macOS the
  // open-url event, which can come before the app is ready. Kept until a window can show it.
  const startLinks = [appLinkIn(process.argv)].filter((link) => link !== undefined);
  let showLink = (link: string) => void startLinks.push(link);
  app.on('open-url', (event, link) => {
    event.preventDefault();
    showLink(link);
  });
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
    // The desktop's first language (Windows' and macOS's display language, Linux's locale).
    systemLanguage: languageOfLocale(app.getPreferredSystemLanguages()[0] ?? app.getLocale()),
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
  // A window opened on the route needs no telling; one already open is told to show it.
  const showRoute = (route: string) => {
    const wasOpen = BrowserWindow.getAllWindows().length > 0;
    showMainWindow(create, route);
    if (wasOpen) koppel.ctx.bus.emit('app.show', { route });
  };
  // A link to anything but a run (or not Koppel's) only brings the window forward.
  showLink = (link) => {
    const route = routeOfAppLink(link);
    if (route) showRoute(route);
    else open();
  };
  const stopNotifications = showDesktopNotifications(koppel, showRoute);
  // Closing the window may leave Koppel running in the tray, so the schedules go on (settings).
  const chosenDataDir = flag || process.env.KOPPEL_DATA_DIR ? dataDir : undefined;
  const stopBackground = runInBackground(koppel, open, chosenDataDir);

  // A start at login shows no window: Koppel waits in the tray until it is opened (without the
  // tray, a window: Koppel never runs out of sight).
  const startLink = startLinks.at(-1);
  if (startLink) showLink(startLink);
  else if (!startsInBackground() || !koppel.ctx.settings.get().desktop.keepRunning) open();
  app.on('second-instance', (_event, argv) => {
    const link = appLinkIn(argv);
    if (link) showLink(link);
    else if (!argv.includes(BACKGROUND_FLAG)) open();
  });
  app.on('activate', open);
  app.on('will-quit', () => {
    unregister();
    stopNotifications();
    stopBackground();
    void koppel.dispose();
  });
}

/**
 * Makes Koppel the system's handler of koppel:// links (the installers declare the scheme too:
 * electron-builder.yml). Started from the sources (`electron .`), the system must start Electron
 * with the app's folder, or the link would open a bare Electron.
 */
function registerLinkScheme(): void {
  const entry = process.argv[1];
  if (process.defaultApp && entry)
    app.setAsDefaultProtocolClient(APP_SCHEME, process.execPath, [path.resolve(entry)]);
  else app.setAsDefaultProtocolClient(APP_SCHEME);
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
