import { useVirtualizer } from '@tanstack/react-virtual';
import { RotateCcw } from 'lucide-react';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { useFailureText } from '../../api/failure-text';
import type { ItemStatus, RunItemSummary } from '../../../../shared/flow/run-records';
import { formatClock, formatDateTime } from '../model/format';
import { recordResult, shownStatus } from '../../../../shared/flow/item-reason';
import { retryRunOf } from '../model/item-reason';
import { nodeName, type NodeNames } from '../../../../shared/flow/node-names';
import { StatusBadge } from '../shared/StatusBadge';
import { useLanguage } from '../../i18n/useLanguage';
import { useRecordPages } from './useRecordPages';

const ROW = 40;

interface RecordsTableProps {
  runId: string;
  status: ItemStatus | null;
  names: NodeNames;
  onRetry?: (item: RunItemSummary) => void;
}

function businessKeys(item: RunItemSummary): string {
  const { orderNumber, email, sku } = item.businessKeys;
  return [orderNumber, email, sku].filter(Boolean).join(' · ');
}

/** A run's records: virtualised and read a page at a time, so a 100k-record run opens at once. */
export function RecordsTable({ runId, status, names, onRetry }: RecordsTableProps) {
  const { t } = useTranslation();
  const locale = useLanguage();
  const failureWords = useFailureText();
  const pages = useRecordPages(runId, status);
  const scrollRef = useRef<HTMLDivElement>(null);
  const count = pages.total ?? 0;
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW,
    overscan: 10,
  });
  const rows = virtualizer.getVirtualItems();
  const first = rows[0]?.index ?? 0;
  const last = rows.at(-1)?.index ?? 0;
  const { ensure } = pages;
  useEffect(() => ensure(first, last), [ensure, first, last]);

  return (
    <div className="rn-records" role="table" aria-label={t('runs.records.title')} aria-rowcount={count + 1}>
      <div className="rn-records-row rn-records-head" role="row">
        <span role="columnheader">{t('runs.records.businessKeys')}</span>
        <span role="columnheader" className="rn-col-key">
          {t('runs.records.key')}
        </span>
        <span role="columnheader">{t('runs.records.status')}</span>
        <span role="columnheader">{t('runs.records.node')}</span>
        <span role="columnheader">{t('runs.records.reason')}</span>
        <span role="columnheader">{t('runs.records.attempts')}</span>
        <span role="columnheader">{t('runs.records.finished')}</span>
      </div>
      <div ref={scrollRef} className="rn-records-scroll" data-testid="records-scroll">
        {pages.error && (
          <p className="form-error" role="alert">
            {failureWords(pages.error)}
          </p>
        )}
        {pages.total === 0 && (
          <p className="rn-muted rn-pad" data-testid="records-empty">
            {status ? t('runs.records.noneWithStatus') : t('runs.records.none')}
          </p>
        )}
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }} role="rowgroup">
          {rows.map((row) => {
            const item = pages.at(row.index);
            const retryRun = item && retryRunOf(item);
            return (
              <div
                key={row.index}
                className="rn-records-row"
                role="row"
                aria-rowindex={row.index + 2}
                style={{ transform: `translateY(${row.start}px)`, height: row.size }}
                data-testid="record-row"
                data-status={item?.status}
                data-key={item?.key}
              >
                {item ? (
                  <>
                    <span role="cell" className="rn-ellipsis">
                      <Link href={`/runs/${runId}/records/${item.id}`} className="rn-link" title={item.key}>
                        {businessKeys(item) || item.key}
                      </Link>
                    </span>
                    <span role="cell" className="rn-ellipsis rn-mono rn-muted rn-col-key" title={item.key}>
                      {item.key}
                    </span>
                    <span role="cell">
                      <StatusBadge status={shownStatus(item)} />
                    </span>
                    <span role="cell" className="rn-ellipsis">
                      {nodeName(names, item.nodeId)}
                    </span>
                    <span
                      role="cell"
                      className={
                        shownStatus(item) === 'failed'
                          ? 'rn-ellipsis rn-reason rn-text-danger'
                          : 'rn-ellipsis rn-muted'
                      }
                      title={recordResult(item, locale)}
                    >
                      {retryRun ? (
                        <Link href={`/runs/${retryRun}`} className="rn-link" data-testid="retried-in">
                          {t('runs.records.retriedIn')}
                        </Link>
                      ) : (
                        recordResult(item, locale)
                      )}
                    </span>
                    <span role="cell">{item.attempts}</span>
                    <span role="cell" className="rn-cell-actions">
                      <span title={formatDateTime(item.finishedAt, locale, true)}>
                        {item.finishedAt ? formatClock(item.finishedAt).slice(0, 8) : '–'}
                      </span>
                      {item.status === 'failed' && onRetry && (
                        <button
                          type="button"
                          className="rn-icon-button"
                          onClick={() => onRetry(item)}
                          aria-label={t('runs.records.retryOne', { key: item.key })}
                          title={t('runs.records.retryOne', { key: item.key })}
                        >
                          <RotateCcw size={14} aria-hidden="true" />
                        </button>
                      )}
                    </span>
                  </>
                ) : (
                  <span role="cell" className="rn-muted">
                    {t('runs.records.loadingRow')}
                  </span>
                )}
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
