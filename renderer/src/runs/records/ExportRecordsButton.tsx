import { Download } from 'lucide-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ItemStatus, RunItemSummary, RunSummary } from '../../../../shared/flow/run-records';
import { failureOf, useFailureText, type Failure } from '../../api/failure-text';
import { downloadText } from '../../components/files';
import { useLanguage } from '../../i18n/useLanguage';
import { liveRunsApi } from '../api/runs-api';
import type { NodeNames } from '../../../../shared/flow/node-names';
import { recordsCsvName, recordsSheet } from '../../../../shared/flow/records-sheet';
import { csvText } from './records-csv';

/** The most records a page of the export asks for (the API's limit). */
const PAGE = 1000;

/**
 * Saves the records the table shows (its filter) as a CSV file: for the accountant, or to sort
 * and count in a spreadsheet. Read a page at a time, as the table does, so a 100k-record run works.
 */
export function ExportRecordsButton({
  run,
  status,
  names,
}: {
  run: Pick<RunSummary, 'id' | 'flowName' | 'startedAt' | 'counts'>;
  status: ItemStatus | null;
  names: NodeNames;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const failureWords = useFailureText();
  const [read, setRead] = useState<number | null>(null);
  const [error, setError] = useState<Failure | null>(null);

  const exportRecords = async () => {
    setError(null);
    setRead(0);
    try {
      const items: RunItemSummary[] = [];
      for (let total = Infinity; items.length < total;) {
        const page = await liveRunsApi().items({
          runId: run.id,
          limit: PAGE,
          offset: items.length,
          ...(status ? { status } : {}),
        });
        items.push(...page.items);
        total = page.items.length === 0 ? items.length : page.total;
        setRead(items.length);
      }
      downloadText(
        recordsCsvName(run.flowName, run.startedAt, status, language),
        csvText(recordsSheet(items, { names, language })),
        'text/csv;charset=utf-8',
      );
    } catch (reason) {
      setError(failureOf(reason));
    } finally {
      setRead(null);
    }
  };

  return (
    <span className="rn-export">
      <button
        type="button"
        className="button button-secondary"
        onClick={() => void exportRecords()}
        // A run without records has nothing to export (a scheduled run that found nothing new).
        disabled={read !== null || run.counts.total === 0}
        title={run.counts.total === 0 ? t('runs.records.none') : t('runs.export.title')}
        data-testid="records-export"
      >
        <Download size={15} aria-hidden="true" />
        {read === null ? t('runs.export.button') : t('runs.export.busy', { count: read })}
      </button>
      {error && (
        <span className="form-error" role="alert">
          {t('runs.export.failed', { reason: failureWords(error) })}
        </span>
      )}
    </span>
  );
}
