import { Notification } from 'electron';
import type { App } from '../../app/create-app';
import { noticeText } from '../../notifications/notice-text';

/**
 * Shows the notifier's notices as native notifications. A click shows the run (`showRoute`: the
 * window comes forward on it, or opens on it when Koppel runs without one). Returns the function
 * that stops it.
 */
export function showDesktopNotifications(app: App, showRoute: (route: string) => void): () => void {
  // Electron drops click handlers of notifications that were garbage-collected: keep them until used.
  const shown = new Set<Notification>();
  const off = app.ctx.bus.on('notifications.show', (notice) => {
    if (!Notification.isSupported()) return;
    const { title, body } = noticeText(notice, app.ctx.settings.get().language);
    const notification = new Notification({ title, body });
    shown.add(notification);
    notification.on('click', () => {
      shown.delete(notification);
      showRoute(`/runs/${notice.runId}`);
    });
    notification.on('close', () => shown.delete(notification));
    notification.show();
  });
  return () => {
    off();
    shown.clear();
  };
}
