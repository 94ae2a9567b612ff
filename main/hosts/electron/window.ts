import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { BrowserWindow, shell, type WebContents } from 'electron';

/** Where the renderer is loaded from: the dev server in development, the built file otherwise. */
export function rendererLocation(): { url: string; isOwnPage: (url: string) => boolean } {
  const devUrl = process.env.ELECTRON_RENDERER_URL;
  if (devUrl) return { url: devUrl, isOwnPage: (url) => url.startsWith(devUrl) };
  const indexUrl = pathToFileURL(path.join(__dirname, '../renderer/index.html')).href;
  return { url: indexUrl, isOwnPage: (url) => url.split(/[?#]/)[0] === indexUrl };
}

/**
 * The main window, locked down: isolated, sandboxed, no Node, no navigation, no pop-ups. `route`
 * (e.g. `/runs/abc`) is the screen it opens on.
 */
export function createMainWindow(url: string, route?: string): BrowserWindow {
  const window = new BrowserWindow({
    width: 1400,
    height: 900,
    minWidth: 960,
    minHeight: 600,
    title: 'Koppel',
    show: false,
    backgroundColor: '#f7f7f8',
    webPreferences: {
      preload: path.join(__dirname, '../preload/index.js'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      spellcheck: false,
      // Middle-click would open links in new windows, bypassing the window-open handler.
      disableBlinkFeatures: 'Auxclick',
    },
  });
  lockDown(window.webContents, url);
  window.once('ready-to-show', () => window.show());
  void window.loadURL(route ? `${url}#${route}` : url);
  return window;
}

/** Brings the main window forward, or opens one on `route` when there is none (Koppel ran in the tray). */
export function showMainWindow(open: (route?: string) => BrowserWindow, route?: string): BrowserWindow {
  const window = BrowserWindow.getAllWindows()[0];
  if (!window) return open(route);
  if (window.isMinimized()) window.restore();
  window.show();
  window.focus();
  return window;
}

/** Navigation and window.open are denied; https: links go to the system browser, nothing else. */
export function lockDown(contents: WebContents, ownUrl: string): void {
  contents.on('will-navigate', (event, target) => {
    if (target !== ownUrl) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (isHttps(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
}

export function isHttps(url: string): boolean {
  try {
    return new URL(url).protocol === 'https:';
  } catch {
    return false;
  }
}
