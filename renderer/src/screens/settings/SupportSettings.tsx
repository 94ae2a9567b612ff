import { FolderOpen, LifeBuoy } from 'lucide-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppInfo } from '../../../../shared/api/calls/app';
import { api } from '../../api/api';
import { failureOf } from '../../api/failure-text';
import { ActionOutcome, type Outcome } from '../../components/ActionOutcome';
import { downloadText } from '../../components/files';

/**
 * Help and support: a diagnostics file to send whoever helps the user (versions, settings,
 * connections, flows, the newest runs and the end of the log files; never a secret), and where the
 * log files are for those who look themselves.
 */
export function SupportSettings({ info }: { info: AppInfo | null }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  const save = async () => {
    setBusy(true);
    setOutcome(null);
    try {
      const { fileName, text } = await api().app.diagnostics({});
      downloadText(fileName, text, 'text/plain;charset=utf-8');
      setOutcome({ tone: 'ok', text: t('settings.support.saved', { fileName }) });
    } catch (error) {
      setOutcome({ tone: 'error', failure: failureOf(error) });
    } finally {
      setBusy(false);
    }
  };

  const openLogs = async () => {
    setOutcome(null);
    try {
      await api().app.openLogFolder({});
    } catch (error) {
      setOutcome({ tone: 'error', failure: failureOf(error) });
    }
  };

  return (
    <fieldset>
      <legend>{t('settings.support.title')}</legend>
      <p className="st-note">{t('settings.support.help')}</p>
      {info && (
        <p className="st-note">
          {t('settings.support.logs')} <code data-testid="settings-log-dir">{info.logDir}</code>
        </p>
      )}
      <div className="st-row">
        <button
          type="button"
          className="button button-secondary"
          onClick={() => void save()}
          disabled={busy}
          data-testid="settings-diagnostics"
        >
          <LifeBuoy size={14} aria-hidden="true" /> {t('settings.support.save')}
        </button>
        {/* Only the desktop app can open a folder of this computer; the browser shows the path. */}
        {info?.host === 'electron' && (
          <button
            type="button"
            className="button button-secondary"
            onClick={() => void openLogs()}
            data-testid="settings-open-logs"
          >
            <FolderOpen size={14} aria-hidden="true" /> {t('settings.support.openLogs')}
          </button>
        )}
      </div>
      <ActionOutcome outcome={outcome} testId="settings-diagnostics-result" />
    </fieldset>
  );
}
