/** The browser's Notification API (web host). The desktop host shows notices from main instead. */

export type BrowserPermission = NotificationPermission | 'unsupported';

export function browserPermission(): BrowserPermission {
  return typeof Notification === 'undefined' ? 'unsupported' : Notification.permission;
}

/** Asks once, from a user's click (browsers ignore or penalise unprompted requests). */
export async function requestBrowserPermission(): Promise<BrowserPermission> {
  if (typeof Notification === 'undefined') return 'unsupported';
  if (Notification.permission !== 'default') return Notification.permission;
  return Notification.requestPermission();
}

/** Shows a notification; a click brings the tab forward and runs `onClick`. False when not allowed. */
export function showBrowserNotification(
  title: string,
  options: { body: string; tag: string; onClick: () => void },
): boolean {
  if (browserPermission() !== 'granted') return false;
  const notification = new Notification(title, { body: options.body, tag: options.tag });
  notification.onclick = () => {
    window.focus();
    options.onClick();
    notification.close();
  };
  return true;
}
