import { Loader2 } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { useNow } from '../../runs/shared/useNow';
import { WaitNotice } from '../../runs/shared/WaitNotice';
import { useRunLiveStore } from '../../stores/run-live-store';

/**
 * A wizard run (dry or first) while it goes: how long, the records done so far (from the run's live
 * events) and a wait for a rate limit. A run on a real account can take minutes (Teamleader allows
 * 200 calls a minute), and a spinner alone looked stuck.
 */
export function RunProgressLine({
  runId,
  label,
  testId,
}: {
  runId: string | undefined;
  /** What shows before the first record is done, e.g. "First run…". */
  label: string;
  testId: string;
}) {
  const { t } = useTranslation();
  const run = useRunLiveStore((state) => (runId ? state.runs[runId] : undefined));
  const now = useNow();
  const counts = run?.counts;
  const done = counts ? counts.succeeded + counts.skipped + counts.failed : 0;
  const seconds = run ? Math.max(0, Math.floor((now - Date.parse(run.startedAt)) / 1000)) : 0;
  return (
    <div className="wz-stack wz-progress" data-testid={testId}>
      <p className="wz-status" role="status">
        <Loader2 size={16} className="cn-spin" aria-hidden="true" />
        <span>
          {counts && done > 0
            ? t('wizard.runProgress.progress', {
                count: done,
                succeeded: counts.succeeded,
                skipped: counts.skipped,
                failed: counts.failed,
              })
            : label}
          {run && <span className="wz-muted"> · {t('wizard.runProgress.runningFor', { seconds })}</span>}
        </span>
      </p>
      <WaitNotice wait={run?.wait} className="wz-status wz-muted" />
    </div>
  );
}
