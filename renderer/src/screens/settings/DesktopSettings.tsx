import { useTranslation } from 'react-i18next';
import type { Settings, SettingsPatch } from '../../../../shared/settings/settings';

/**
 * The desktop app's life beside its window: keep running in the notification area (so schedules
 * go on) and start at login. Only the desktop host has a window to close.
 */
export function DesktopSettings({
  desktop,
  update,
}: {
  desktop: Settings['desktop'];
  update: (patch: SettingsPatch) => unknown;
}) {
  const { t } = useTranslation();
  return (
    <fieldset data-testid="settings-desktop">
      <legend>{t('settings.desktop')}</legend>
      <label className="checkbox">
        <input
          type="checkbox"
          checked={desktop.keepRunning}
          onChange={(event) => void update({ desktop: { keepRunning: event.target.checked } })}
          data-testid="settings-keep-running"
        />
        <span>{t('settings.keepRunning')}</span>
      </label>
      {!desktop.keepRunning && <p className="st-note">{t('settings.keepRunningOff')}</p>}
      <label className="checkbox">
        <input
          type="checkbox"
          checked={desktop.openAtLogin}
          onChange={(event) => void update({ desktop: { openAtLogin: event.target.checked } })}
          data-testid="settings-open-at-login"
        />
        <span>{t('settings.openAtLogin')}</span>
      </label>
      {desktop.openAtLogin && (
        <p className="st-note">
          {t(desktop.keepRunning ? 'settings.openAtLoginTray' : 'settings.openAtLoginWindow')}
        </p>
      )}
    </fieldset>
  );
}
