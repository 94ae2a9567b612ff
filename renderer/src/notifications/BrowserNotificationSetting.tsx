import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { browserPermission, requestBrowserPermission, type BrowserPermission } from './browser-notifications';

/**
 * In the web host, notices need the browser's permission: shows whether it is granted and asks
 * for it from a click. The desktop host needs nothing (main shows them).
 */
export function BrowserNotificationSetting({ enabled }: { enabled: boolean }) {
  const { t } = useTranslation();
  const [permission, setPermission] = useState<BrowserPermission>(browserPermission);
  if (window.koppel || !enabled) return null;
  if (permission === 'granted')
    return (
      <p className="st-note" data-testid="browser-permission">
        {t('settings.browserGranted')}
      </p>
    );
  if (permission === 'denied' || permission === 'unsupported')
    return (
      <p className="st-note" data-testid="browser-permission">
        {permission === 'denied' ? t('settings.browserDenied') : t('settings.browserUnsupported')}
      </p>
    );
  return (
    <p className="st-note st-row" data-testid="browser-permission">
      <span>{t('settings.browserAsk')}</span>
      <button
        type="button"
        className="button button-secondary"
        onClick={() => void requestBrowserPermission().then(setPermission)}
      >
        {t('settings.browserAllow')}
      </button>
    </p>
  );
}
