import { LifeBuoy } from 'lucide-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/api';
import { failureOf } from '../../api/failure-text';
import { ActionOutcome, type Outcome } from '../../components/ActionOutcome';
import { downloadText } from '../../components/files';

/**
 * Help and support: a diagnostics file to send whoever helps the user (versions, settings,
 * connections, flows, the newest runs and the end of the log files; never a secret), and where the
 * log files are for those who look themselves.
 */
export function SupportSettings({ logDir }: { logDir: string | undefined }) {
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

  return (
    <fieldset>
      <legend>{t('settings.support.title')}</legend>
      <p className="st-note">{t('settings.support.help')}</p>
      {logDir && (
        <p className="st-note">
          {t('settings.support.logs')} <code data-testid="settings-log-dir">{logDir}</code>
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
      </div>
      <ActionOutcome outcome={outcome} testId="settings-diagnostics-result" />
    </fieldset>
  );
}
