import { Mail, Save } from 'lucide-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EmailAlertsView, LastAlert } from '../../../../shared/api/calls/settings';
import { SmtpSecurity, type EmailAlerts } from '../../../../shared/settings/settings';
import { api } from '../../api/api';
import { failureOf, useFailureText } from '../../api/failure-text';
import { ActionOutcome, type Outcome } from '../../components/ActionOutcome';
import { useLanguage } from '../../i18n/useLanguage';
import { formatDateTime } from '../../runs/model/format';

/**
 * E-mail alerts: the desktop's notices (a run failed, a flow works again) also by e-mail, for a PC
 * nobody watches and a server. A form of its own with Save and "Send a test e-mail": a mail server
 * is set up in one go, not field by field. The password is write-only (it goes to the keychain).
 */
export function EmailAlertSettings() {
  const { t } = useTranslation();
  const failureWords = useFailureText();
  const [view, setView] = useState<EmailAlertsView | null>(null);
  const [form, setForm] = useState<EmailAlerts | null>(null);
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  useEffect(() => {
    let live = true;
    api()
      .settings.emailAlerts({})
      .then((loaded) => {
        if (!live) return;
        setView(loaded);
        setForm(loaded.emailAlerts);
      })
      .catch((error: unknown) => live && setOutcome({ tone: 'error', failure: failureOf(error) }));
    return () => {
      live = false;
    };
  }, []);

  if (!form || !view)
    return outcome && 'failure' in outcome ? (
      <p className="form-error" role="alert">
        {failureWords(outcome.failure)}
      </p>
    ) : null;

  const change = (patch: Partial<EmailAlerts>) => {
    setForm({ ...form, ...patch });
    setOutcome(null);
  };
  const changed = password !== '' || JSON.stringify(form) !== JSON.stringify(view.emailAlerts);

  const act = async (work: () => Promise<string>) => {
    setBusy(true);
    setOutcome(null);
    try {
      setOutcome({ tone: 'ok', text: await work() });
    } catch (error) {
      setOutcome({ tone: 'error', failure: failureOf(error) });
    } finally {
      setBusy(false);
    }
  };
  const save = () =>
    act(async () => {
      const saved = await api().settings.saveEmailAlerts({ ...form, ...(password ? { password } : {}) });
      setView(saved);
      setForm(saved.emailAlerts);
      setPassword('');
      return t('settings.alerts.saved');
    });
  const test = () =>
    act(async () => {
      const { sentTo } = await api().settings.testEmailAlert({});
      return t('settings.alerts.testSent', { to: sentTo.join(', ') });
    });

  const text = (key: 'host' | 'username' | 'from' | 'to', label: string, hint?: string) => (
    <label>
      <span>{label}</span>
      <input
        type="text"
        value={form[key]}
        placeholder={hint}
        onChange={(event) => change({ [key]: event.target.value })}
        autoComplete="off"
        spellCheck={false}
        disabled={!form.enabled}
        data-testid={`alerts-${key}`}
      />
    </label>
  );

  return (
    <fieldset className="st-alerts" data-testid="settings-alerts">
      <legend>{t('settings.alerts.title')}</legend>
      <label className="checkbox">
        <input
          type="checkbox"
          checked={form.enabled}
          onChange={(event) => change({ enabled: event.target.checked })}
          data-testid="alerts-enabled"
        />
        <span>{t('settings.alerts.enabled')}</span>
      </label>
      {text('to', t('settings.alerts.to'), t('settings.alerts.toHint'))}
      {text('from', t('settings.alerts.from'), t('settings.alerts.fromHint'))}
      {text('host', t('settings.alerts.host'), t('settings.alerts.hostHint'))}
      <label>
        <span>{t('settings.alerts.port')}</span>
        <input
          type="number"
          min={1}
          max={65535}
          value={form.port}
          onChange={(event) => change({ port: Number(event.target.value) })}
          disabled={!form.enabled}
          data-testid="alerts-port"
        />
      </label>
      <label>
        <span>{t('settings.alerts.security')}</span>
        <select
          value={form.security}
          onChange={(event) => change({ security: SmtpSecurity.parse(event.target.value) })}
          disabled={!form.enabled}
          data-testid="alerts-security"
        >
          {SmtpSecurity.options.map((security) => (
            <option key={security} value={security}>
              {t(`settings.alerts.securities.${security}`)}
            </option>
          ))}
        </select>
      </label>
      {text('username', t('settings.alerts.username'), t('settings.alerts.usernameHint'))}
      <label>
        <span>{t('settings.alerts.password')}</span>
        <input
          type="password"
          value={password}
          placeholder={t(`settings.alerts.passwordState.${view.password}`)}
          onChange={(event) => {
            setPassword(event.target.value);
            setOutcome(null);
          }}
          autoComplete="new-password"
          disabled={
            !form.enabled ||
            !form.username ||
            view.password === 'environment' ||
            view.password === 'unavailable'
          }
          data-testid="alerts-password"
        />
      </label>
      {view.password === 'unavailable' && (
        <p className="st-note" data-testid="alerts-password-unavailable">
          {t('settings.alerts.passwordUnavailable')}
        </p>
      )}
      <p className="st-note">{t('settings.alerts.help')}</p>
      <div className="st-row">
        <button
          type="button"
          className="button button-primary"
          onClick={() => void save()}
          disabled={busy || !changed}
          data-testid="alerts-save"
        >
          <Save size={14} aria-hidden="true" /> {t('settings.alerts.save')}
        </button>
        <button
          type="button"
          className="button button-secondary"
          onClick={() => void test()}
          disabled={busy || changed || !view.emailAlerts.enabled}
          title={changed ? t('settings.alerts.saveFirst') : undefined}
          data-testid="alerts-test"
        >
          <Mail size={14} aria-hidden="true" /> {t('settings.alerts.test')}
        </button>
      </div>
      <ActionOutcome outcome={outcome} testId="alerts-result" />
      {view.lastAlert && <LastAlertLine alert={view.lastAlert} />}
    </fieldset>
  );
}

/** How the last alert went: a mail server that stopped taking them is otherwise silent by nature. */
function LastAlertLine({ alert }: { alert: LastAlert }) {
  const { t } = useTranslation();
  const locale = useLanguage();
  const words = {
    flow: alert.flowName,
    kind: t(`settings.alerts.lastKinds.${alert.kind}`),
    time: formatDateTime(alert.at, locale),
    to: alert.to.join(', '),
    error: alert.error ?? '',
  };
  return alert.sent ? (
    <p className="st-note" data-testid="alerts-last">
      {t('settings.alerts.lastSent', words)}
    </p>
  ) : (
    <p className="form-error" data-testid="alerts-last">
      {t('settings.alerts.lastFailed', words)}
    </p>
  );
}
