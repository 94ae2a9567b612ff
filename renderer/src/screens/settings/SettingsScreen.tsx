import { useTranslation } from 'react-i18next';
import { useFailureText } from '../../api/failure-text';
import { Language, PayloadLogging, SandboxSize, Theme } from '../../../../shared/settings/settings';
import { PageHeader } from '../../components/PageHeader';
import { useAppInfo } from '../../app/useAppInfo';
import { useSettingsStore } from '../../stores/settings-store';
import { BrowserNotificationSetting } from '../../notifications/BrowserNotificationSetting';
import { requestBrowserPermission } from '../../notifications/browser-notifications';
import { DesktopSettings } from './DesktopSettings';
import { EmailAlertSettings } from './EmailAlertSettings';
import { EraseCustomerData } from './EraseCustomerData';
import { SupportSettings } from './SupportSettings';

const themeLabel = {
  system: 'settings.themeSystem',
  light: 'settings.themeLight',
  dark: 'settings.themeDark',
} as const;
const payloadLabel = { full: 'settings.payloadFull', metadata: 'settings.payloadMetadata' } as const;

export function SettingsScreen() {
  const { t } = useTranslation();
  const failureWords = useFailureText();
  const settings = useSettingsStore((state) => state.settings);
  const update = useSettingsStore((state) => state.update);
  const error = useSettingsStore((state) => state.error);
  const info = useAppInfo();
  if (!settings) return null;
  return (
    <div className="screen" data-testid="screen-settings">
      <PageHeader title={t('settings.title')} subtitle={t('settings.subtitle')} />
      {error && (
        <p className="form-error" role="alert">
          {failureWords(error)}
        </p>
      )}
      <form className="settings-form" onSubmit={(event) => event.preventDefault()}>
        <fieldset>
          <legend>{t('settings.appearance')}</legend>
          <label>
            <span>{t('settings.language')}</span>
            <select
              value={settings.language}
              onChange={(event) => void update({ language: Language.parse(event.target.value) })}
              data-testid="settings-language"
            >
              {Language.options.map((language) => (
                <option key={language} value={language}>
                  {t(`language.${language}`)}
                </option>
              ))}
            </select>
          </label>
          <label>
            <span>{t('settings.theme')}</span>
            <select
              value={settings.theme}
              onChange={(event) => void update({ theme: Theme.parse(event.target.value) })}
              data-testid="settings-theme"
            >
              {Theme.options.map((theme) => (
                <option key={theme} value={theme}>
                  {t(themeLabel[theme])}
                </option>
              ))}
            </select>
          </label>
        </fieldset>
        <fieldset>
          <legend>{t('settings.notifications')}</legend>
          <label className="checkbox">
            <input
              type="checkbox"
              checked={settings.notifications.enabled}
              onChange={(event) => {
                void update({ notifications: { enabled: event.target.checked } });
                // The browser asks for its permission only from a click like this one.
                if (event.target.checked && !window.koppel) void requestBrowserPermission();
              }}
              data-testid="settings-notifications"
            />
            <span>{t('settings.notificationsEnabled')}</span>
          </label>
          <BrowserNotificationSetting enabled={settings.notifications.enabled} />
        </fieldset>
        <EmailAlertSettings />
        {info?.host === 'electron' && <DesktopSettings desktop={settings.desktop} update={update} />}
        <fieldset>
          <legend>{t('settings.data')}</legend>
          <label>
            <span>{t('settings.retentionDays')}</span>
            <input
              type="number"
              min={1}
              max={3650}
              defaultValue={settings.retentionDays}
              onBlur={(event) => {
                const days = Number(event.target.value);
                if (Number.isInteger(days) && days >= 1 && days <= 3650) void update({ retentionDays: days });
              }}
              data-testid="settings-retention"
            />
          </label>
          <label>
            <span>{t('settings.payloadLogging')}</span>
            <select
              value={settings.payloadLogging}
              onChange={(event) => void update({ payloadLogging: PayloadLogging.parse(event.target.value) })}
              data-testid="settings-payload-logging"
            >
              {PayloadLogging.options.map((level) => (
                <option key={level} value={level}>
                  {t(payloadLabel[level])}
                </option>
              ))}
            </select>
          </label>
        </fieldset>
        <EraseCustomerData />
        <fieldset>
          <legend>{t('settings.sandbox')}</legend>
          <label className="checkbox">
            <input
              type="checkbox"
              checked={settings.sandbox.enabled}
              onChange={(event) => void update({ sandbox: { enabled: event.target.checked } })}
              data-testid="settings-sandbox"
            />
            <span>{t('settings.sandboxEnabled')}</span>
          </label>
          <label>
            <span>{t('settings.sandboxSize')}</span>
            <select
              value={settings.sandbox.size}
              onChange={(event) => void update({ sandbox: { size: SandboxSize.parse(event.target.value) } })}
              data-testid="settings-sandbox-size"
            >
              {SandboxSize.options.map((size) => (
                <option key={size} value={size}>
                  {t(`settings.sandboxSizes.${size}`)}
                </option>
              ))}
            </select>
          </label>
          <label>
            <span>{t('settings.sandboxSeed')}</span>
            <input
              type="number"
              step={1}
              defaultValue={settings.sandbox.seed}
              onBlur={(event) => {
                const seed = Number(event.target.value);
                if (Number.isInteger(seed) && seed !== settings.sandbox.seed)
                  void update({ sandbox: { seed } });
              }}
              data-testid="settings-sandbox-seed"
            />
          </label>
          <p className="st-note">{t('settings.sandboxNextStart')}</p>
        </fieldset>
        <SupportSettings info={info} />
      </form>
      {info && (
        <dl className="facts">
          <dt>{t('settings.version')}</dt>
          <dd data-testid="settings-version">{info.version}</dd>
          <dt>{t('settings.dataDir')}</dt>
          <dd>
            <code>{info.dataDir}</code>
          </dd>
        </dl>
      )}
    </div>
  );
}
