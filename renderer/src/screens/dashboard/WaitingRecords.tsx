import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { WaitingRecordView } from '../../../../shared/api/calls/runs';
import type { FlowSummary } from '../../../../shared/api/calls/flows';
import { skipReasonsText } from '../../../../shared/flow/skip-reasons';
import { api } from '../../api/api';
import { failureOf, useFailureText, type Failure } from '../../api/failure-text';
import { useLanguage } from '../../i18n/useLanguage';
import { formatRelative } from '../../runs/model/format';

/** `stopping` while every record is let go. */
const ALL = 'all';

/** What a person recognises a waiting record by: its order number, SKU or e-mail, else its key. */
function recordLabel(record: WaitingRecordView): string {
  const { orderNumber, sku, email } = record.businessKeys;
  return orderNumber ?? sku ?? email ?? record.itemKey;
}

/**
 * Records skipped because another they need is not there yet (a product, an order): the next runs
 * of their flow offer them again. Each says why, since when, leads to its last record page, and
 * can be let go. Nothing is shown while none waits.
 */
export function WaitingRecords({
  waiting,
  flows,
  now,
  onChanged,
}: {
  waiting: { records: WaitingRecordView[]; waitingDays: number };
  flows: readonly FlowSummary[];
  now: number;
  onChanged: () => Promise<void>;
}) {
  const { t } = useTranslation();
  const locale = useLanguage();
  const failureWords = useFailureText();
  const [stopping, setStopping] = useState<string | null>(null);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [confirmingAll, setConfirmingAll] = useState(false);
  if (waiting.records.length === 0) return null;
  const flowName = (flowId: string) => flows.find((flow) => flow.id === flowId)?.name ?? flowId;
  const count = waiting.records.length;

  /** One record (by its flow and key), or every one (`null`). */
  const stop = async (record: WaitingRecordView | null) => {
    setStopping(record ? `${record.flowId}\n${record.itemKey}` : ALL);
    try {
      await api().runs.stopWaiting(record ? { flowId: record.flowId, itemKey: record.itemKey } : {});
      setFailure(null);
      setConfirmingAll(false);
      await onChanged();
    } catch (reason) {
      setFailure(failureOf(reason));
    } finally {
      setStopping(null);
    }
  };

  return (
    <section className="card db-waiting" aria-labelledby="waiting-title" data-testid="waiting-records">
      <div className="card-title">
        <h2 id="waiting-title">{t('dashboard.waitingTitle', { count })}</h2>
        {count > 1 && !confirmingAll && (
          <button type="button" className="button button-secondary" onClick={() => setConfirmingAll(true)}>
            {t('dashboard.stopWaitingAll', { count })}
          </button>
        )}
      </div>
      <p className="rn-muted db-waiting-intro">{t('dashboard.waitingBody', { days: waiting.waitingDays })}</p>
      {confirmingAll && (
        <div
          className="st-confirm db-waiting-confirm"
          role="alertdialog"
          aria-labelledby="waiting-confirm-text"
        >
          <p id="waiting-confirm-text" className="st-grow">
            {t('dashboard.stopWaitingAllConfirm', { count })}
          </p>
          <button
            type="button"
            className="button button-danger"
            disabled={stopping === ALL}
            onClick={() => void stop(null)}
            autoFocus
          >
            {t('dashboard.stopWaitingAllButton')}
          </button>
          <button type="button" className="button button-secondary" onClick={() => setConfirmingAll(false)}>
            {t('dashboard.cancel')}
          </button>
        </div>
      )}
      {failure && (
        <p className="form-error" role="alert">
          {failureWords(failure)}
        </p>
      )}
      <ul className="db-error-list db-waiting-list">
        {waiting.records.map((record) => {
          const key = `${record.flowId}\n${record.itemKey}`;
          const label = recordLabel(record);
          return (
            <li key={key} data-testid="waiting-record">
              <span className="db-error-body">
                <span>
                  <strong>{label}</strong>
                  <span className="rn-muted"> · {flowName(record.flowId)}</span>
                </span>
                <span className="db-error-message">{skipReasonsText(record.reasons, locale, '')}</span>
                <span className="db-error-meta">
                  <span>
                    {t('dashboard.waitingSince', { when: formatRelative(record.since, now, locale) ?? '' })}
                  </span>
                  {record.lastItem && (
                    <Link
                      href={`/runs/${record.lastItem.runId}/records/${record.lastItem.itemId}`}
                      className="rn-link"
                    >
                      {t('dashboard.viewRecord')}
                    </Link>
                  )}
                </span>
              </span>
              <button
                type="button"
                className="button button-secondary db-waiting-stop"
                disabled={stopping === key}
                aria-label={t('dashboard.stopWaitingFor', { record: label })}
                onClick={() => void stop(record)}
              >
                {t('dashboard.stopWaiting')}
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
