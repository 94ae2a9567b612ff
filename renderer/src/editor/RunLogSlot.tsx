import { useTranslation } from 'react-i18next';
import { useFlowRunStore } from '../stores/flow-run-store';

/**
 * The run log region at the bottom of the editor. The live log (issue 8) replaces this component;
 * until then it shows the followed run's status and counts, with a link to the runs screen.
 */
export function RunLogSlot({ flowId }: { flowId: string }) {
  const { t, i18n } = useTranslation();
  const run = useFlowRunStore((state) => state.run);
  const error = useFlowRunStore((state) => state.error);
  if (error)
    return (
      <p className="ed-error-text ed-pad" role="alert">
        {error}
      </p>
    );
  if (!run) return <p className="ed-muted ed-pad">{t('editor.runLog.empty')}</p>;
  return (
    <div className="ed-pad" data-testid="run-log-slot" data-run-id={run.id} data-run-status={run.status}>
      <p role="status">
        {t(run.dryRun ? 'editor.runLog.dryRun' : 'editor.runLog.run', {
          status: t(`editor.runStatus.${run.status}`),
          started: new Date(run.startedAt).toLocaleString(i18n.language),
        })}
      </p>
      <p className="ed-run-counts" data-testid="run-counts">
        {t('editor.runLog.counts', run.counts)}
      </p>
      {run.error && <p className="ed-error-text">{run.error.message}</p>}
      <a href={`#/runs?flow=${encodeURIComponent(flowId)}&run=${encodeURIComponent(run.id)}`}>
        {t('editor.runLog.open')}
      </a>
    </div>
  );
}
