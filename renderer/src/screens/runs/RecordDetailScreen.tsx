import { ArrowLeft, Loader2 } from 'lucide-react';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { failureOf, useFailureText, type Failure } from '../../api/failure-text';
import type { RunItemDetail } from '../../../../shared/flow/run-records';
import { PageHeader } from '../../components/PageHeader';
import { itemReason, shownStatus } from '../../../../shared/flow/item-reason';
import { useLanguage } from '../../i18n/useLanguage';
import { useRunLiveStore } from '../../stores/run-live-store';
import { liveRunsApi } from '../../runs/api/runs-api';
import { nodeName, nodeNamesOf } from '../../../../shared/flow/node-names';
import { AttemptHistory } from '../../runs/record/AttemptHistory';
import { PayloadCompare } from '../../runs/record/PayloadCompare';
import { RecordErrorBox } from '../../runs/record/RecordErrorBox';
import { RecordLog } from '../../runs/record/RecordLog';
import { RetryControls } from '../../runs/shared/RetryControls';
import { StatusBadge } from '../../runs/shared/StatusBadge';
import { useRunActions } from '../../runs/shared/useRunActions';
import '../../runs/runs.css';

/**
 * One record: what Koppel received, what it mapped, what it sent and what the API answered, the
 * error and every attempt. Retry shows the new attempt as it happens.
 */
export function RecordDetailScreen({ params }: { params: { runId: string; itemId: string } }) {
  const { runId } = params;
  const itemId = Number(params.itemId);
  const { t } = useTranslation();
  const locale = useLanguage();
  const failureWords = useFailureText();
  const [item, setItem] = useState<RunItemDetail | null>(null);
  const [error, setError] = useState<Failure | null>(null);
  const flow = useRunLiveStore((state) => state.flows[runId]);
  const activity = useRunLiveStore((state) => state.retryActivity[itemId]);
  const itemsVersion = useRunLiveStore((state) => state.itemsVersion[runId] ?? 0);
  const actions = useRunActions(runId);
  const names = useMemo(() => nodeNamesOf(flow, locale), [flow, locale]);

  useEffect(() => {
    if (flow === undefined) void useRunLiveStore.getState().load(runId);
  }, [runId, flow]);

  // Read again whenever a retry of this record moves on, or the run's records change.
  const settled = activity?.status === 'running' ? 'running' : `${activity?.runId}:${activity?.status}`;
  useEffect(() => {
    if (!Number.isInteger(itemId)) return;
    let stale = false;
    liveRunsApi()
      .item({ itemId })
      .then((detail) => {
        if (!stale) setItem(detail);
      })
      .catch((reason: unknown) => {
        if (!stale) setError(failureOf(reason));
      });
    return () => {
      stale = true;
    };
  }, [itemId, settled, itemsVersion]);

  const back = (
    <Link href={`/runs/${runId}`} className="rn-back">
      <ArrowLeft size={16} aria-hidden="true" /> {t('runs.record.back')}
    </Link>
  );
  if (!item) {
    return (
      <div className="screen" data-testid="screen-record">
        {back}
        <p className={error ? 'form-error' : 'rn-muted'} role={error ? 'alert' : 'status'}>
          {error ? failureWords(error) : t('runs.loading')}
        </p>
      </div>
    );
  }

  const retrying = activity?.status === 'running';
  const keys = (['orderNumber', 'email', 'sku'] as const).flatMap((name) => {
    const value = item.businessKeys[name];
    return value ? [{ name, value }] : [];
  });
  return (
    <div className="screen rn-screen-wide" data-testid="screen-record" data-status={item.status}>
      {back}
      <PageHeader
        title={item.businessKeys.orderNumber ?? item.businessKeys.sku ?? item.businessKeys.email ?? item.key}
        subtitle={t(item.status === 'succeeded' ? 'runs.record.subtitleDone' : 'runs.record.subtitle', {
          key: item.key,
          node: nodeName(names, item.nodeId) || '–',
          count: Math.max(item.attempts, item.history.length),
        })}
        actions={
          item.status === 'failed' && (
            <RetryControls
              label={t('runs.record.retry')}
              failedNode={nodeName(names, item.nodeId)}
              busy={actions.busy || retrying}
              onRetry={(from) => void actions.retry({ itemIds: [item.id], from })}
              testId="record-retry"
            />
          )
        }
      />
      <div className="rn-summary">
        <StatusBadge status={shownStatus(item)} />
        {keys.map(({ name, value }) => (
          <span key={name} className="badge" data-testid={`record-key-${name}`}>
            {t(`runs.record.businessKey.${name}`)}: {value}
          </span>
        ))}
        {item.action && <span className="badge badge-ok">{t(`runs.action.${item.action}`)}</span>}
        {Object.entries(item.targetIds ?? {}).map(([name, id]) => (
          <span key={name} className="badge">
            {name}: <code>{id}</code>
          </span>
        ))}
      </div>
      {retrying && (
        <p className="rn-callout" role="status" data-testid="record-retrying">
          <Loader2 size={14} className="rn-spin" aria-hidden="true" /> {t('runs.record.retrying')}
        </p>
      )}
      {actions.message?.tone === 'error' && (
        <p className="form-error" role="alert">
          {actions.message.text}
        </p>
      )}
      {item.error && item.status === 'failed' && (
        <RecordErrorBox error={item.error} nodeId={item.nodeId} names={names} />
      )}
      {item.status === 'skipped' && item.reason && (
        <p className="rn-callout" data-testid="record-skipped">
          {t('runs.record.skippedBecause', { reason: itemReason(item, locale) })}
        </p>
      )}
      <RecordLog itemId={item.id} runId={runId} names={names} version={`${settled}:${itemsVersion}`} />
      <PayloadCompare item={item} />
      <AttemptHistory item={item} names={names} runId={runId} />
    </div>
  );
}
