import { useTranslation } from 'react-i18next';
import { useFailureText } from '../api/failure-text';
import { RunLogPanel } from '../runs/log/RunLogPanel';
import { formatDateTime } from '../runs/model/format';
import { useLanguage } from '../i18n/useLanguage';
import { WaitNotice } from '../runs/shared/WaitNotice';
import { useFlowRunStore } from '../stores/flow-run-store';
import { useRunLiveStore } from '../stores/run-live-store';
import { messageIn } from '../../../shared/flow/run-messages';

/**
 * The run log region at the bottom of the editor: the followed run's status and counts, with a
 * link to its run page, above the live log of the flow's newest run (issue 8's panel).
 */
export function RunLogSlot({ flowId }: { flowId: string }) {
  const { t } = useTranslation();
  const locale = useLanguage();
  const failureWords = useFailureText();
  const run = useFlowRunStore((state) => state.run);
  const error = useFlowRunStore((state) => state.error);
  const wait = useRunLiveStore((state) => (run ? state.runs[run.id]?.wait : undefined));
  if (error)
    return (
      <p className="ed-error-text ed-pad" role="alert">
        {failureWords(error)}
      </p>
    );
  if (!run) return <RunLogPanel flowId={flowId} compact />;
  return (
    <div className="rn-slot" data-testid="run-log-slot" data-run-id={run.id} data-run-status={run.status}>
      <div className="rn-slot-head">
        <p role="status">
          {t(run.dryRun ? 'editor.runLog.dryRun' : 'editor.runLog.run', {
            status: t(`editor.runStatus.${run.status}`),
            started: formatDateTime(run.startedAt, locale, true),
          })}
        </p>
        <p className="ed-run-counts" data-testid="run-counts">
          {t('editor.runLog.counts', { ...run.counts, count: run.counts.total })}
        </p>
        <a className="rn-link" href={`#/runs/${encodeURIComponent(run.id)}`}>
          {t('editor.runLog.open')}
        </a>
      </div>
      {run.status === 'running' && <WaitNotice wait={wait} />}
      {run.error && <p className="ed-error-text">{messageIn(run.error, locale)}</p>}
      <RunLogPanel flowId={flowId} runId={run.id} compact />
    </div>
  );
}
