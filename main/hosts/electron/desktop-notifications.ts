import { BrowserWindow, Notification } from 'electron';
import type { App } from '../../app/create-app';
import { noticeText } from '../../notifications/notice-text';

/**
 * Shows the notifier's notices as native notifications. A click shows the run: `showOn` brings the
 * window forward (the page is then told to open the run, `notifications.opened`), or, when Koppel
 * runs without a window, opens one on the run. Returns the function that stops it.
 */
export function showDesktopNotifications(app: App, showOn: (route: string) => void): () => void {
  // Electron drops click handlers of notifications that were garbage-collected: keep them until used.
  const shown = new Set<Notification>();
  const off = app.ctx.bus.on('notifications.show', (notice) => {
    if (!Notification.isSupported()) return;
    const { title, body } = noticeText(notice, app.ctx.settings.get().language);
    const notification = new Notification({ title, body });
    shown.add(notification);
    notification.on('click', () => {
      shown.delete(notification);
      // A window opened on the run needs no telling; one already open does.
      const open = BrowserWindow.getAllWindows().length > 0;
      showOn(`/runs/${notice.runId}`);
      if (open) app.ctx.bus.emit('notifications.opened', { runId: notice.runId });
    });
    notification.on('close', () => shown.delete(notification));
    notification.show();
  });
  return () => {
    off();
    shown.clear();
  };
}
