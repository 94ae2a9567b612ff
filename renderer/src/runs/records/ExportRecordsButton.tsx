import { Download } from 'lucide-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ItemStatus, RunSummary } from '../../../../shared/flow/run-records';
import { failureOf, useFailureText, type Failure } from '../../api/failure-text';
import { downloadText } from '../../components/files';
import { useLanguage } from '../../i18n/useLanguage';
import { liveRunsApi } from '../api/runs-api';

/**
 * Saves the records the table shows (its filter) as a CSV file: for the accountant, or to sort
 * and count in a spreadsheet. Main writes the file's text from the database a thousand records at
 * a time (the same file `koppel runs export` writes and an alert e-mail attaches); the page only
 * saves it, so a 100k-record run is one call instead of a hundred pages gathered here.
 */
export function ExportRecordsButton({
  run,
  status,
}: {
  run: Pick<RunSummary, 'id' | 'counts'>;
  status: ItemStatus | null;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const failureWords = useFailureText();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Failure | null>(null);

  const exportRecords = async () => {
    setError(null);
    setBusy(true);
    try {
      const file = await liveRunsApi().recordsCsv({ runId: run.id, language, ...(status ? { status } : {}) });
      downloadText(file.fileName, file.text, 'text/csv;charset=utf-8');
    } catch (reason) {
      setError(failureOf(reason));
    } finally {
      setBusy(false);
    }
  };

  return (
    <span className="rn-export">
      <button
        type="button"
        className="button button-secondary"
        onClick={() => void exportRecords()}
        // A run without records has nothing to export (a scheduled run that found nothing new).
        disabled={busy || run.counts.total === 0}
        title={run.counts.total === 0 ? t('runs.records.none') : t('runs.export.title')}
        data-testid="records-export"
      >
        <Download size={15} aria-hidden="true" />
        {busy ? t('runs.export.busy') : t('runs.export.button')}
      </button>
      {error && (
        <span className="form-error" role="alert">
          {t('runs.export.failed', { reason: failureWords(error) })}
        </span>
      )}
    </span>
  );
}
