import { BrowserWindow, Notification } from 'electron';
import type { App } from '../../app/create-app';
import { noticeText } from '../../notifications/notice-text';

/**
 * Shows the notifier's notices as native notifications. A click brings the window forward and
 * tells it to open the run (`notifications.opened`), or, when Koppel runs without a window,
 * opens one on the run (`openOn`). Returns the function that stops it.
 */
export function showDesktopNotifications(app: App, openOn: (route: string) => void): () => void {
  // Electron drops click handlers of notifications that were garbage-collected: keep them until used.
  const shown = new Set<Notification>();
  const off = app.ctx.bus.on('notifications.show', (notice) => {
    if (!Notification.isSupported()) return;
    const { title, body } = noticeText(notice, app.ctx.settings.get().language);
    const notification = new Notification({ title, body });
    shown.add(notification);
    notification.on('click', () => {
      shown.delete(notification);
      const window = BrowserWindow.getAllWindows()[0];
      if (!window) {
        openOn(`/runs/${notice.runId}`);
        return;
      }
      if (window.isMinimized()) window.restore();
      window.show();
      window.focus();
      app.ctx.bus.emit('notifications.opened', { runId: notice.runId });
    });
    notification.on('close', () => shown.delete(notification));
    notification.show();
  });
  return () => {
    off();
    shown.clear();
  };
}
