import { useTranslation } from 'react-i18next';
import type { RunSummary } from '../../../../shared/flow/run-records';
import { runProgress, type LiveRun } from '../model/live-run';
import { WaitNotice } from './WaitNotice';

/** Progress of a running run: records done of those seen so far (sources stream, so the total grows). */
export function ProgressBar({ run }: { run: Pick<RunSummary, 'counts' | 'status'> & Pick<LiveRun, 'wait'> }) {
  const { t } = useTranslation();
  const share = runProgress(run);
  const { total, succeeded, skipped, failed } = run.counts;
  const done = succeeded + skipped + failed;
  const label = t('runs.detail.progress', { done, count: total });
  return (
    <div className="rn-progress" data-testid="run-progress">
      <div
        className={share === null ? 'rn-progress-track rn-progress-unknown' : 'rn-progress-track'}
        role="progressbar"
        aria-label={t('runs.detail.progressLabel')}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={share === null ? undefined : Math.round(share * 100)}
        aria-valuetext={label}
      >
        <div className="rn-progress-fill" style={{ width: `${Math.round((share ?? 0) * 100)}%` }} />
        {failed > 0 && total > 0 && (
          <div className="rn-progress-failed" style={{ width: `${Math.round((failed / total) * 100)}%` }} />
        )}
      </div>
      <span className="rn-muted">{label}</span>
      <WaitNotice wait={run.wait} />
    </div>
  );
}
