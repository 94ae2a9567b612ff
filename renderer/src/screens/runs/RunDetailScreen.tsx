import { ArrowLeft, Square } from 'lucide-react';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { useFailureText } from '../../api/failure-text';
import type { ItemStatus, RunItemSummary } from '../../../../shared/flow/run-records';
import { PageHeader } from '../../components/PageHeader';
import { useRunLiveStore } from '../../stores/run-live-store';
import { RunLogPanel } from '../../runs/log/RunLogPanel';
import { formatDateTime, formatDuration } from '../../runs/model/format';
import { nodeNamesOf } from '../../../../shared/flow/node-names';
import { ExportRecordsButton } from '../../runs/records/ExportRecordsButton';
import { RecordsTable } from '../../runs/records/RecordsTable';
import { RetryControls } from '../../runs/shared/RetryControls';
import { NodeCountsTable } from '../../runs/shared/NodeCountsTable';
import { ProgressBar } from '../../runs/shared/ProgressBar';
import { RunCounts } from '../../runs/shared/RunCounts';
import { RunStatusBadge } from '../../runs/shared/RunStatusBadge';
import { RunWarnings } from '../../runs/shared/RunWarnings';
import { useLanguage } from '../../i18n/useLanguage';
import { useRunActions } from '../../runs/shared/useRunActions';
import { Tabs } from '../../runs/shared/Tabs';
import '../../runs/runs.css';
import { messageIn } from '../../../../shared/flow/run-messages';

const recordFilters: (ItemStatus | null)[] = [null, 'failed', 'skipped', 'succeeded'];

/** One run: progress, counts per node, its records and its live log; cancel and retry. */
export function RunDetailScreen({
  params,
  initialStatus = null,
}: {
  params: { runId: string };
  /** `/runs/:id/failed` opens on the failed records (the dashboard's error links). */
  initialStatus?: ItemStatus | null;
}) {
  const { runId } = params;
  const { t } = useTranslation();
  const locale = useLanguage();
  const failureWords = useFailureText();
  const run = useRunLiveStore((state) => state.runs[runId]);
  const flow = useRunLiveStore((state) => state.flows[runId]);
  const loadError = useRunLiveStore((state) => state.errors[runId]);
  const retries = useRunLiveStore((state) => state.retries[runId]);
  const latestRetry = retries?.runIds.at(-1);
  const [tab, setTab] = useState<'records' | 'log'>(() =>
    run?.status === 'running' && !initialStatus ? 'log' : 'records',
  );
  const [status, setStatus] = useState<ItemStatus | null>(initialStatus);
  // The live log's level as the warnings' "show all" opens it; each click opens the log afresh.
  const [logView, setLogView] = useState<{ level: 'warn' | undefined; opened: number }>({
    level: undefined,
    opened: 0,
  });
  const actions = useRunActions(runId);
  // The retry this screen started, as it goes: the notice says how it ended once it has.
  const retryRun = useRunLiveStore((state) =>
    actions.message?.runId ? state.runs[actions.message.runId] : undefined,
  );
  const names = useMemo(() => nodeNamesOf(flow, locale), [flow, locale]);

  useEffect(() => {
    void useRunLiveStore.getState().load(runId);
  }, [runId]);
  // A run that finished before this window listened has its counts per node only in its log; one
  // opened while it runs has there what it counted before this window listened (nodes report only
  // when their counts change, so some would never show). Read once; live progress wins.
  const needsNodeCounts =
    run !== undefined &&
    (run.status === 'running' ? 'running' : Object.keys(run.nodeCounts).length === 0 && 'finished');
  useEffect(() => {
    if (needsNodeCounts)
      void useRunLiveStore
        .getState()
        .loadNodeCounts(runId)
        .catch(() => undefined);
  }, [needsNodeCounts, runId]);

  if (!run) {
    return (
      <div className="screen" data-testid="screen-run">
        <Link href="/runs" className="rn-back">
          <ArrowLeft size={16} aria-hidden="true" /> {t('runs.detail.back')}
        </Link>
        <p className={loadError ? 'form-error' : 'rn-muted'} role={loadError ? 'alert' : 'status'}>
          {loadError ? failureWords(loadError) : t('runs.loading')}
        </p>
      </div>
    );
  }

  const running = run.status === 'running';
  const retryOne = (item: RunItemSummary) => void actions.retry({ itemIds: [item.id] });
  return (
    <div className="screen rn-screen-wide" data-testid="screen-run" data-run-status={run.status}>
      <Link href="/runs" className="rn-back">
        <ArrowLeft size={16} aria-hidden="true" /> {t('runs.detail.back')}
      </Link>
      <PageHeader
        title={run.flowName}
        subtitle={t('runs.detail.subtitle', {
          trigger: t(`runs.trigger.${run.trigger}`),
          started: formatDateTime(run.startedAt, locale, true),
          revision: run.flowRevision,
        })}
        actions={
          <>
            {running && (
              <button
                type="button"
                className="button button-secondary"
                onClick={() => void actions.cancel()}
                disabled={actions.busy}
                data-testid="run-cancel"
              >
                <Square size={14} aria-hidden="true" /> {t('runs.detail.cancel')}
              </button>
            )}
            {!running && run.counts.failed > 0 && (
              <RetryControls
                label={
                  run.stopped === run.counts.failed
                    ? t('runs.detail.retryStopped', { count: run.counts.failed })
                    : t('runs.detail.retryFailed', { count: run.counts.failed })
                }
                busy={actions.busy}
                onRetry={(from) => void actions.retry({ from })}
                testId="run-retry-failed"
              />
            )}
          </>
        }
      />
      <div className="rn-summary" data-testid="run-summary">
        <RunStatusBadge run={run} />
        {run.dryRun && <span className="badge badge-info">{t('runs.detail.dryRun')}</span>}
        <RunCounts counts={run.counts} stopped={running ? 0 : run.stopped} testId="run-counts" />
        <span className="rn-muted">
          {t('runs.detail.duration')}:{' '}
          {running ? t('runs.detail.stillRunning') : formatDuration(run.durationMs, locale)}
        </span>
        {retries && latestRetry && !actions.message?.runId && (
          <span className="rn-muted" data-testid="run-retried-by">
            {t('runs.detail.retriedBy', { count: retries.runIds.length })}:{' '}
            <Link href={`/runs/${latestRetry}`} className="rn-link">
              {t('runs.detail.openLatestRetry')}
            </Link>
          </span>
        )}
        {run.parentRunId && (
          <Link href={`/runs/${run.parentRunId}`} className="rn-link" data-testid="run-parent">
            {t('runs.detail.retryOf')}
          </Link>
        )}
      </div>
      {running && <ProgressBar run={run} />}
      {run.error && (
        <p className="form-error" role="alert" data-testid="run-error">
          {messageIn(run.error, locale)} <code>{run.error.code}</code>
        </p>
      )}
      {actions.message && (
        <p
          className={actions.message.tone === 'error' ? 'form-error' : 'rn-callout'}
          role="status"
          data-testid="run-action-message"
        >
          {retryRun && retryRun.status !== 'running'
            ? t('runs.detail.retryDone', {
                count: retryRun.counts.total,
                succeeded: retryRun.counts.succeeded,
                failed: retryRun.counts.failed,
              })
            : actions.message.text}{' '}
          {actions.message.runId && (
            <Link href={`/runs/${actions.message.runId}`} className="rn-link">
              {t('runs.detail.openRetryRun')}
            </Link>
          )}
        </p>
      )}
      <RunWarnings
        runId={runId}
        count={run.warnings ?? 0}
        onShowAll={() => {
          setLogView((view) => ({ level: 'warn', opened: view.opened + 1 }));
          setTab('log');
        }}
      />
      <NodeCountsTable
        counts={run.nodeCounts}
        flow={flow}
        names={names}
        // What fails now: a retry, or a later run that wrote the same records, may have settled some.
        failedNow={!running ? retries?.failedByNode : undefined}
        stoppedNow={!running ? retries?.stoppedByNode : undefined}
      />
      <Tabs<'records' | 'log'>
        label={t('runs.detail.tabs')}
        value={tab}
        onChange={setTab}
        tabs={[
          { value: 'records', label: t('runs.detail.records') },
          { value: 'log', label: t('runs.detail.log') },
        ]}
        idPrefix="run-tab"
      />
      <div
        role="tabpanel"
        id={`run-tab-${tab}-panel`}
        aria-labelledby={`run-tab-${tab}`}
        className="rn-tabpanel"
      >
        {tab === 'records' ? (
          <>
            <div className="rn-records-toolbar">
              <div className="rn-chips" role="group" aria-label={t('runs.records.filter')}>
                {recordFilters.map((value) => (
                  <button
                    key={value ?? 'all'}
                    type="button"
                    className={status === value ? 'rn-chip rn-chip-on' : 'rn-chip'}
                    aria-pressed={status === value}
                    onClick={() => setStatus(value)}
                    data-testid={`records-filter-${value ?? 'all'}`}
                  >
                    {value ? t(`runs.status.${value}`) : t('runs.records.all')}
                  </button>
                ))}
              </div>
              <ExportRecordsButton run={run} status={status} />
            </div>
            <RecordsTable
              runId={runId}
              status={status}
              names={names}
              onRetry={running ? undefined : retryOne}
            />
          </>
        ) : (
          <div className="rn-log-host">
            <RunLogPanel key={logView.opened} runId={runId} initialLevel={logView.level} />
          </div>
        )}
      </div>
    </div>
  );
}
